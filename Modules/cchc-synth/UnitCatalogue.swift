/// Names of real Vietnamese bodies the synthetic data is built from: provinces, their departments
/// (sở, ban, ngành) and the divisions inside a department.
enum UnitCatalogue {
    /// A province or centrally-run city (tỉnh / thành phố trực thuộc Trung ương).
    struct Province: Hashable {
        /// Place name as documents write it before the date ("Đồng Nai, ngày …").
        var place: String
        var isCity: Bool

        /// "tỉnh Đồng Nai" / "thành phố Hà Nội".
        var localName: String { (isCity ? "thành phố " : "tỉnh ") + place }
        /// "Ủy ban nhân dân tỉnh Đồng Nai".
        var authorityName: String { "Ủy ban nhân dân " + localName }
        /// "UBND tỉnh Đồng Nai".
        var authorityShortName: String { "UBND " + localName }
    }

    /// A department of a province that issues its own plan.
    struct Department: Hashable {
        var name: String
        /// Issuer abbreviation used in the ký hiệu ("KH-STP").
        var abbreviation: String
        /// True for a sở (its divisions are "… Sở"), false for other provincial bodies.
        var isDepartment: Bool { name.hasPrefix("Sở ") }
        /// Service units (schools, centres, hospitals) as opposed to administrative bodies.
        var isServiceUnit: Bool {
            ["Trường ", "Trung tâm ", "Bệnh viện ", "Quỹ ", "Viện ", "Đài "].contains { name.hasPrefix($0) }
        }
    }

    /// The 34 provinces and cities of 2025; more than 34 get numbered names.
    static let provinces: [Province] = {
        let cities = ["Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"]
        let others = [
            "Đồng Nai", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
            "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên",
            "Ninh Bình", "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Tây Ninh",
            "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
        ]
        return others.prefix(1).map { Province(place: $0, isCity: false) }
            + cities.map { Province(place: $0, isCity: true) }
            + others.dropFirst().map { Province(place: $0, isCity: false) }
    }()

    /// The province with this 1-based ordinal.
    static func province(_ ordinal: Int) -> Province {
        if ordinal <= provinces.count { return provinces[ordinal - 1] }
        return Province(place: "Tổng hợp \(ordinal)", isCity: false)
    }

    /// Departments of a province in the order they are generated; more than 40 get numbered names.
    static let departments: [Department] = [
        ("Sở Nội vụ", "SNV"), ("Sở Tư pháp", "STP"), ("Sở Tài chính", "STC"), ("Sở Kế hoạch và Đầu tư", "SKHĐT"),
        ("Sở Công Thương", "SCT"), ("Sở Xây dựng", "SXD"), ("Sở Giao thông vận tải", "SGTVT"),
        ("Sở Tài nguyên và Môi trường", "STNMT"), ("Sở Nông nghiệp và Phát triển nông thôn", "SNNPTNT"),
        ("Sở Khoa học và Công nghệ", "SKHCN"), ("Sở Thông tin và Truyền thông", "STTTT"),
        ("Sở Giáo dục và Đào tạo", "SGDĐT"), ("Sở Y tế", "SYT"), ("Sở Lao động - Thương binh và Xã hội", "SLĐTBXH"),
        ("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"), ("Sở Ngoại vụ", "SNgV"), ("Thanh tra tỉnh", "TTr"),
        ("Văn phòng Ủy ban nhân dân tỉnh", "VPUBND"), ("Ban Dân tộc", "BDT"),
        ("Ban Quản lý các khu công nghiệp", "BQLKCN"), ("Ban Quản lý Khu kinh tế", "BQLKKT"),
        ("Đài Phát thanh và Truyền hình tỉnh", "ĐPTTH"), ("Trường Chính trị tỉnh", "TCT"),
        ("Trung tâm Phục vụ hành chính công tỉnh", "TTPVHCC"), ("Ban Quản lý dự án đầu tư xây dựng tỉnh", "BQLDA"),
        ("Quỹ Đầu tư phát triển tỉnh", "QĐTPT"), ("Trường Cao đẳng Y tế", "CĐYT"), ("Trường Cao đẳng Kỹ thuật", "CĐKT"),
        ("Liên minh Hợp tác xã tỉnh", "LMHTX"), ("Ban Quản lý rừng phòng hộ", "BQLRPH"),
        ("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch", "TTXT"), ("Viện Nghiên cứu phát triển", "VNCPT"),
        ("Trung tâm Kiểm soát bệnh tật tỉnh", "CDC"), ("Bệnh viện Đa khoa tỉnh", "BVĐK"),
        ("Trường Cao đẳng Sư phạm", "CĐSP"), ("Quỹ Phát triển đất tỉnh", "QPTĐ"),
        ("Trung tâm Công nghệ thông tin và Truyền thông", "TTCNTT"), ("Ban Quản lý Khu di tích", "BQLKDT"),
        ("Trung tâm Khuyến nông", "TTKN"), ("Trung tâm Trợ giúp pháp lý nhà nước", "TTTGPL"),
    ].map { Department(name: $0.0, abbreviation: $0.1) }

    /// The department with this 1-based ordinal.
    static func department(_ ordinal: Int) -> Department {
        let base = departments[(ordinal - 1) % departments.count]
        guard ordinal > departments.count else { return base }
        let round = (ordinal - 1) / departments.count + 1
        return Department(name: "\(base.name) (cơ sở \(round))", abbreviation: "\(base.abbreviation)\(round)")
    }

    /// Divisions inside a department, the first being its office (Văn phòng).
    static func divisions(of department: Department) -> [(name: String, serviceUnit: Bool)] {
        if department.isDepartment {
            return [
                ("Văn phòng Sở", false), ("Thanh tra Sở", false), ("Phòng Kế hoạch - Tài chính", false),
                ("Phòng Tổ chức cán bộ", false), ("Phòng Quản lý chuyên ngành", false), ("Phòng Pháp chế", false),
                ("Trung tâm Thông tin và Dịch vụ", true),
            ]
        }
        return [
            ("Văn phòng", false), ("Phòng Tổ chức - Hành chính", false), ("Phòng Kế hoạch - Tài chính", false),
            ("Phòng Nghiệp vụ", false), ("Phòng Thông tin - Truyền thông", false), ("Bộ phận Một cửa", false),
            ("Tổ Cải cách hành chính", false),
        ]
    }

    /// Bodies outside the department that often coordinate (phối hợp).
    static func partners(in province: Province) -> [String] {
        [
            "Sở Nội vụ", "Sở Thông tin và Truyền thông", "Sở Tư pháp", "Trung tâm Phục vụ hành chính công tỉnh",
            "Đài Phát thanh - Truyền hình và Báo \(province.place)", "Tỉnh đoàn", "Văn phòng UBND tỉnh",
            "UBND các huyện, thị xã, thành phố", "các cơ quan báo chí trên địa bàn tỉnh",
        ]
    }
}
