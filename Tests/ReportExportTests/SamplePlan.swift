import PlanCore
import ReportExport

/// A plan shaped like Tests/Fixtures/KH-SLDTBXH-2024.txt (Sở LĐTBXH Bình Phước, 2024), its four
/// "Hoạt động trọng tâm" plus two tasks of the kind other department plans carry, with progress and
/// evidence through the second quarter.
enum SamplePlan {
    static let group = "Hoạt động trọng tâm"
    static let labourDivision = Sample.labourDivision
    static let socialDivision = UnitRef(id: 32, name: "Phòng Bảo trợ xã hội", kind: .division, parentName: Sample.owner.name)

    static var record: PlanRecord {
        var plan = Sample.plan(activities)
        plan.document.code = "15/KH-SLĐTBXH"
        plan.document.signer = .init(capacity: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Phạm Thị Mai Hương")
        plan.document.recipients = [
            "UBND tỉnh", "Sở Nội vụ", "GĐ, các PGĐ Sở", "Các phòng thuộc Sở", "Các đơn vị trực thuộc Sở", "Lưu: VT, VP (TL1)",
        ]
        return plan
    }

    static let activities: [ActivityRecord] = [
        ActivityRecord(
            id: 101, ref: "II.3.a",
            title: "Đăng tải bản tin, bài viết, ảnh trên Trang thông tin điện tử của Sở, đơn vị trực thuộc Sở.",
            group: group, schedule: Sample.schedule(.continuous, "2024-01-01", "2024-12-31", text: "Thường xuyên"),
            lead: [Sample.office, Sample.services], coordinating: [Sample.divisions],
            products: [Product(text: "Tin, bài", type: "tin, bài")], parentRef: "III.2",
            progress: [
                Sample.entry(
                    1001, "2024-03-28", by: Sample.office,
                    text: "Đăng tải 04 tin, bài về kết quả cải cách thủ tục hành chính của Sở", quantity: 4,
                    quantityUnit: "tin, bài",
                    evidence: [
                        Evidence(kind: .url, value: "https://sldtbxh.binhphuoc.gov.vn/tin-tuc/cchc-quy-1", title: "Tin bài quý I")
                    ], recordedOn: "2024-04-01"),
                Sample.entry(
                    1002, "2024-05-15", by: Sample.jobCentre,
                    text: "Đăng tải 03 tin về dịch vụ công trực tuyến trong giải quyết trợ cấp thất nghiệp", quantity: 3,
                    quantityUnit: "tin, bài",
                    evidence: [
                        Evidence(kind: .url, value: "https://vieclambinhphuoc.gov.vn/tin-tuc/dvc-truc-tuyen"),
                        Evidence(kind: .file, value: "anh-chup-trang-tin.png", sha256: String(repeating: "ab", count: 32)),
                    ], recordedOn: "2024-06-20"),
                Sample.entry(
                    1003, "2024-06-10", by: Sample.office, text: "Đăng tải 02 bài", quantity: 2, quantityUnit: "tin, bài",
                    recordedOn: "2024-06-10"),
                Sample.entry(
                    1004, "2024-06-10", by: Sample.office,
                    text: "Đăng tải 03 bài về Chỉ số cải cách hành chính (PAR INDEX) năm 2023 của tỉnh", quantity: 3,
                    quantityUnit: "tin, bài",
                    evidence: [
                        Evidence(kind: .url, value: "https://sldtbxh.binhphuoc.gov.vn/tin-tuc/par-index-2023", title: "PAR INDEX 2023")
                    ], supersedes: 1003, recordedOn: "2024-06-12"),
            ]),
        ActivityRecord(
            id: 102, ref: "II.3.b",
            title:
                "Lồng ghép nội dung cải cách hành chính vào các hoạt động thường xuyên, các hội nghị tuyên truyền phổ biến, giáo dục pháp luật của cơ quan, đơn vị.",
            group: group, schedule: Sample.schedule(.continuous, "2024-01-01", "2024-12-31", text: "Thường xuyên"),
            lead: [Sample.divisions, Sample.services],
            products: [Product(text: "02 hội nghị", type: "hội nghị", plannedCount: 2, unit: "hội nghị")],
            parentRef: "III.7",
            progress: [
                Sample.entry(
                    1005, "2024-04-25", by: labourDivision,
                    text: "Lồng ghép tại Hội nghị tuyên truyền Bộ luật Lao động cho 120 người lao động tại Khu công nghiệp Minh Hưng - Hàn Quốc",
                    quantity: 1, quantityUnit: "hội nghị",
                    evidence: [Evidence(kind: .document, value: "245/BC-SLĐTBXH", title: "Báo cáo kết quả hội nghị")],
                    recordedOn: "2024-05-02")
            ]),
        ActivityRecord(
            id: 103, ref: "II.3.c",
            title:
                "Cung cấp thông tin về kết quả thực hiện công tác cải cách hành chính cho các cơ quan thông tấn báo chí và các cơ quan có liên quan để tuyên truyền.",
            group: group, schedule: Sample.schedule(.period, "2024-01-01", "2024-12-31", text: "Năm 2024"),
            lead: [Sample.office], parentRef: "III.6"),
        ActivityRecord(
            id: 104, ref: "II.3.d",
            title:
                "Tham gia đầy đủ các lớp tập huấn, hội nghị, tọa đàm, hội thi về công tác cải cách hành chính, cải cách thủ tục hành chính và chuyển đổi số.",
            group: group, schedule: Sample.schedule(.period, "2024-01-01", "2024-12-31", text: "Năm 2024"),
            lead: [Sample.office], coordinating: [Sample.divisions, Sample.services],
            products: [Product(text: "02 lớp tập huấn", type: "lớp tập huấn", plannedCount: 2, unit: "lớp")],
            parentRef: "III.4",
            progress: [
                Sample.entry(
                    1006, "2024-05-21", by: Sample.office,
                    text: "Cử 05 công chức tham gia lớp tập huấn nghiệp vụ cải cách hành chính do Sở Nội vụ tổ chức",
                    quantity: 1, quantityUnit: "lớp",
                    evidence: [Evidence(kind: .document, value: "112/GM-SNV", title: "Giấy mời của Sở Nội vụ")],
                    recordedOn: "2024-05-22")
            ]),
        ActivityRecord(
            id: 105, ref: "II.3.đ",
            title: "Báo cáo kết quả thông tin, tuyên truyền cải cách hành chính 6 tháng đầu năm gửi Sở Nội vụ.",
            group: "Chế độ báo cáo", schedule: Sample.schedule(.deadline, nil, "2024-06-05", text: "Trước ngày 05/6/2024"),
            lead: [Sample.office]),
        ActivityRecord(
            id: 107, ref: "II.3.e",
            title: "Tổ chức Hội nghị tuyên truyền chính sách bảo hiểm thất nghiệp và dịch vụ công trực tuyến cho người lao động.",
            group: group, schedule: Sample.schedule(.period, "2024-04-01", "2024-06-30", text: "Quý II/2024"),
            state: .done(Sample.day("2024-05-30")), lead: [Sample.jobCentre], coordinating: [Sample.office],
            products: [Product(text: "01 hội nghị", type: "hội nghị", plannedCount: 1, unit: "hội nghị")],
            progress: [
                Sample.entry(
                    1007, "2024-05-29", by: Sample.jobCentre,
                    text: "Tổ chức 01 hội nghị tại thị xã Chơn Thành với 150 người lao động tham dự", quantity: 1,
                    quantityUnit: "hội nghị",
                    evidence: [
                        Evidence(kind: .document, value: "58/BC-TTDVVL", title: "Báo cáo kết quả hội nghị"),
                        Evidence(kind: .url, value: "https://vieclambinhphuoc.gov.vn/tin-tuc/hoi-nghi-bhtn-2024"),
                    ], recordedOn: "2024-05-31")
            ]),
        ActivityRecord(
            id: 106, ref: "II.3.g",
            title: "Tuyên truyền về dịch vụ công trực tuyến, thanh toán trực tuyến trong giải quyết chế độ, chính sách.",
            group: group, schedule: Sample.schedule(.period, "2024-07-01", "2024-09-30", text: "Quý III/2024"),
            lead: [socialDivision], coordinating: [Sample.office],
            products: [Product(text: "01 pano", type: "pano", plannedCount: 1)]),
    ]

    static var context: ReportContext {
        ReportContext(
            reporter: .init(
                parentName: "UBND tỉnh Bình Phước", name: "Sở Lao động - Thương binh và Xã hội",
                abbreviation: "SLĐTBXH", place: "Bình Phước"),
            number: 5, date: Sample.day("2024-06-18"),
            signer: .init(capacity: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Phạm Thị Mai Hương"),
            distribution: ["Sở Nội vụ", "GĐ, các PGĐ Sở", "Các phòng, đơn vị thuộc Sở"],
            issues: nil, proposals: "Đề nghị Sở Nội vụ tổ chức tập huấn kỹ năng viết tin, bài về cải cách hành chính cho công chức làm công tác tuyên truyền.",
            status: .submitted,
            snapshot: ReportSnapshot(
                version: 1, sha256: String(repeating: "0f", count: 32), submittedAt: "2024-06-18T09:30:00+07:00",
                by: "vp.tonghop"),
            parentActivities: [
                .init(ref: "III.2", title: "Đăng tải tin, bài về cải cách hành chính trên Cổng thông tin điện tử tỉnh"),
                .init(ref: "III.4", title: "Tập huấn nghiệp vụ về công tác cải cách hành chính"),
            ])
    }

    static func report(period: String = "2024-Q2", regime: ReportingRegime = .nd09) throws -> Report {
        try ReportBuilder.build(plan: record, period: Sample.period(period), regime: regime, context: context)
    }
}
