/// The wording synthetic activities are composed from: what real CCHC communication plans ask for,
/// about which reform topic, for whom, and with which products.
enum ActivityVocabulary {
    /// Reform topics (nội dung cải cách hành chính) an activity is about.
    static let topics = [
        "cải cách thể chế", "cải cách thủ tục hành chính", "cải cách tổ chức bộ máy hành chính nhà nước",
        "cải cách chế độ công vụ", "cải cách tài chính công", "xây dựng và phát triển Chính phủ điện tử, Chính phủ số",
        "Chỉ số cải cách hành chính (PAR INDEX)", "Chỉ số hài lòng của người dân, tổ chức (SIPAS)",
        "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "Chỉ số hiệu quả quản trị và hành chính công (PAPI)",
        "cơ chế một cửa, một cửa liên thông", "dịch vụ công trực tuyến toàn trình", "chuyển đổi số",
        "kỷ luật, kỷ cương hành chính", "đạo đức công vụ", "văn hóa công sở", "tinh giản biên chế",
        "tự chủ tài chính của đơn vị sự nghiệp công lập", "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "thanh toán trực tuyến phí, lệ phí", "kiểm soát thủ tục hành chính", "phổ biến, giáo dục pháp luật",
    ]

    /// People an activity addresses.
    static let audiences = [
        "cán bộ, công chức, viên chức của cơ quan", "người dân và doanh nghiệp", "công chức làm việc tại Bộ phận Một cửa",
        "đội ngũ báo cáo viên, tuyên truyền viên pháp luật", "người lao động tại các đơn vị trực thuộc",
        "đoàn viên, thanh niên", "hội viên các hội, đoàn thể", "học sinh, sinh viên",
    ]

    /// Fields of administrative procedures (lĩnh vực thủ tục hành chính).
    static let fields = [
        "hộ tịch", "lý lịch tư pháp", "đất đai", "đăng ký doanh nghiệp", "bảo trợ xã hội", "giáo dục nghề nghiệp",
        "xây dựng", "y tế", "công thương", "giao thông vận tải", "môi trường", "văn hóa, thể thao", "đầu tư",
        "người có công", "việc làm", "tài nguyên nước", "khoa học và công nghệ", "thông tin và truyền thông",
    ]

    /// Communes and wards (xã, phường) where an activity takes place.
    static let communes = [
        "phường Tân Phong", "phường Quyết Thắng", "xã Tân Hòa", "xã Phú Lợi", "xã Đồng Tâm", "phường Thống Nhất",
        "xã An Phước", "xã Bình Minh", "phường Hòa Bình", "xã Tân Thành", "xã Long Hưng", "xã Phước Bình",
        "phường Tân Định", "xã Thanh Sơn", "xã Xuân Lộc", "xã Tân An", "phường Trung Dũng", "xã Hưng Thịnh",
        "xã Phú Trung", "xã Đức Hạnh", "phường Tân Thiện", "xã Minh Hưng", "xã Lộc Ninh", "xã Thiện Hưng",
        "phường Long Phước", "xã Tân Tiến", "xã Đắk Ơ", "xã Bù Gia Mập", "phường Sơn Giang", "xã Nghĩa Trung",
        "xã Thống Nhất", "xã Phước Tân", "phường An Bình", "xã Tam Phước", "xã Hiệp Phước", "phường Bửu Long",
        "xã Tân Lợi", "xã Đồng Nơ", "xã Minh Lập", "xã Phú Riềng",
    ]

    /// Channels news is published on.
    static let channels = [
        "Trang thông tin điện tử của cơ quan", "Cổng thông tin điện tử tỉnh", "trang mạng xã hội của cơ quan",
        "hệ thống truyền thanh cơ sở", "bản tin nội bộ", "nhóm Zalo của cơ quan",
    ]

    /// An activity title template with the products it usually yields and what a unit reports once it
    /// has done some of it (with the counting word of the reported quantity).
    struct Template {
        var title: String
        var products: [String]
        var result: String
        var resultUnit: String?
    }

    /// Title templates: {topic} ({Topic} capitalised), {audience}, {field}, {commune}, {channel}, {place}, {year} are
    /// filled in once per activity (the result names the same topic), {n} with a count per product.
    static let templates: [Template] = [
        Template(
            title: "Đăng tải tin, bài về {topic} tại {commune} trên {channel}", products: ["{n} tin, bài", "Tin, bài, ảnh"],
            result: "Đã đăng tải tin, bài về {topic} trên {channel}", resultUnit: "tin, bài"),
        Template(
            title: "Xây dựng chuyên mục “{Topic}” dành cho {audience} trên sóng phát thanh, truyền hình {place} và đài truyền thanh {commune}",
            products: ["{n} chuyên mục", "{n} phóng sự"], result: "Đã phát sóng chuyên mục “{Topic}”", resultUnit: "chuyên mục"),
        Template(
            title: "Tổ chức hội nghị tuyên truyền về {topic} cho {audience} tại {commune}", products: ["{n} hội nghị", "Báo cáo kết quả"],
            result: "Đã tổ chức hội nghị tuyên truyền về {topic} cho {audience} tại {commune}", resultUnit: "hội nghị"),
        Template(
            title: "Tập huấn nghiệp vụ về {topic} cho {audience} tại {commune}", products: ["{n} lớp tập huấn"],
            result: "Đã mở lớp tập huấn về {topic} cho {audience}", resultUnit: "lớp"),
        Template(
            title: "Lồng ghép tuyên truyền {topic} trong các hội nghị phổ biến, giáo dục pháp luật cho {audience} tại {commune}",
            products: ["Hội nghị", "Tài liệu tuyên truyền"],
            result: "Đã lồng ghép nội dung {topic} trong hội nghị phổ biến, giáo dục pháp luật", resultUnit: "hội nghị"),
        Template(
            title: "In ấn, phát hành tờ gấp tuyên truyền về {topic} cho {audience} tại {commune}", products: ["{n} tờ gấp"],
            result: "Đã in và phát hành tờ gấp về {topic}", resultUnit: "tờ gấp"),
        Template(
            title: "Treo băng rôn, pano tuyên truyền {topic} tại trụ sở cơ quan và {commune}", products: ["{n} băng rôn", "{n} pano"],
            result: "Đã treo băng rôn, pano tuyên truyền {topic} tại trụ sở", resultUnit: "băng rôn"),
        Template(
            title: "Niêm yết, công khai thủ tục hành chính lĩnh vực {field} tại Bộ phận Một cửa {commune}",
            products: ["Danh mục thủ tục được niêm yết"],
            result: "Đã cập nhật, niêm yết thủ tục hành chính lĩnh vực {field}", resultUnit: "thủ tục"),
        Template(
            title: "Tuyên truyền, hướng dẫn {audience} sử dụng dịch vụ công trực tuyến lĩnh vực {field} tại {commune}", products: ["{n} video clip", "Tờ gấp"],
            result: "Đã hướng dẫn {audience} nộp hồ sơ trực tuyến lĩnh vực {field}", resultUnit: "lượt"),
        Template(
            title: "Tham gia Hội thi tìm hiểu về {topic} năm {year} dành cho {audience} tại {commune}", products: ["Đội thi", "{n} bài dự thi"],
            result: "Đã gửi bài dự thi Hội thi tìm hiểu về {topic}", resultUnit: "bài dự thi"),
        Template(
            title: "Tổ chức tọa đàm về {topic} với {audience} tại {commune}", products: ["{n} tọa đàm"],
            result: "Đã tổ chức tọa đàm về {topic} với {audience}", resultUnit: "tọa đàm"),
        Template(
            title: "Biểu dương tập thể, cá nhân điển hình trong thực hiện {topic} tại {commune}", products: ["Quyết định khen thưởng"],
            result: "Đã đề nghị khen thưởng tập thể, cá nhân điển hình trong thực hiện {topic}", resultUnit: "hồ sơ"),
        Template(
            title: "Cung cấp thông tin về kết quả thực hiện {topic} tại {commune} cho các cơ quan báo chí",
            products: ["{n} tin, bài", "Thông cáo báo chí"],
            result: "Đã cung cấp thông tin về kết quả thực hiện {topic} cho các cơ quan báo chí", resultUnit: "tin, bài"),
        Template(
            title: "Khảo sát ý kiến {audience} tại {commune} về {topic}", products: ["Báo cáo kết quả khảo sát"],
            result: "Đã thu phiếu khảo sát ý kiến {audience} tại {commune} về {topic}", resultUnit: "phiếu"),
        Template(
            title: "Xây dựng video, clip tuyên truyền về {topic} cho {audience} tại {commune} trên {channel}", products: ["{n} video clip"],
            result: "Đã đăng video, clip về {topic} trên {channel}", resultUnit: "video clip"),
        Template(
            title: "Rà soát, cập nhật tài liệu tuyên truyền về {topic} lĩnh vực {field} cho {audience}", products: ["Bộ tài liệu"],
            result: "Đã rà soát, cập nhật tài liệu tuyên truyền về {topic} lĩnh vực {field}", resultUnit: nil),
        Template(
            title: "Tổ chức đối thoại với {audience} tại {commune} về {topic}", products: ["{n} buổi đối thoại", "Biên bản đối thoại"],
            result: "Đã tổ chức đối thoại với {audience} về {topic}", resultUnit: "buổi"),
        Template(
            title: "Phổ biến văn bản mới về {topic} cho {audience} tại {commune}", products: ["{n} buổi", "Đề cương tuyên truyền"],
            result: "Đã phổ biến văn bản mới về {topic} cho {audience}", resultUnit: "buổi"),
    ]

    /// Time frames as plans write them; {year} is the plan year.
    static let timeFrames = [
        "Thường xuyên", "Thường xuyên, liên tục", "Cả năm", "Năm {year}", "Trong năm {year}", "Quý I/{year}",
        "Quý II/{year}", "Quý III/{year}", "Quý IV/{year}", "Quý II, III/{year}", "Tháng 3/{year}", "Tháng 5/{year}",
        "Tháng 6/{year}", "Tháng 9/{year}", "Tháng 11/{year}", "Từ tháng 4 đến tháng 6/{year}",
        "Từ tháng 8 đến tháng 10/{year}", "6 tháng đầu năm {year}", "6 tháng cuối năm {year}",
        "Trước ngày 30/6/{year}", "Trước ngày 15/12/{year}", "Chậm nhất ngày 20/11/{year}", "Trước ngày 31/3/{year}",
        "Định kỳ hằng tháng", "Định kỳ hằng quý", "Hằng quý", "Theo chỉ đạo của UBND tỉnh",
    ]
}
