import PlanCore

/// Sở Tư pháp's plan as the importer would give it (the shape of the fixture 45/KH-STP).
enum WebFixtures {
    static func activity(_ ref: String, _ title: String, lead: [String], coordinating: [String] = [], schedule: String)
        -> PlannedActivity
    {
        PlannedActivity(
            ref: ref, title: title, lead: lead, coordinating: coordinating,
            schedule: ScheduleGrammar.parse(schedule, planYear: 2024), products: [])
    }

    static var plan: PlanDocument {
        PlanDocument(
            source: .init(file: "45-KH-STP-2024.txt", sha256: String(repeating: "4", count: 64), mediaType: .txt),
            document: DocumentIdentity(
                code: "45/KH-STP", number: "45", symbol: "KH-STP", type: "KH", typeName: "KẾ HOẠCH",
                title: "Thông tin, tuyên truyền cải cách hành chính năm 2024", issuer: "SỞ TƯ PHÁP",
                issuerParent: "UBND TỈNH BÌNH PHƯỚC", place: "Bình Phước", issuedOn: Day(2024, 4, 2), year: 2024),
            sections: [
                .init(
                    label: "I", heading: "MỤC ĐÍCH, YÊU CẦU", text: ["Nâng cao nhận thức về cải cách hành chính."]),
                .init(label: "II", heading: "NỘI DUNG TUYÊN TRUYỀN", text: []),
            ],
            activities: [
                activity(
                    "1", "Đăng tải tin, bài về cải cách hành chính trên Trang thông tin điện tử của Sở",
                    lead: ["Văn phòng Sở"], coordinating: ["Các phòng, đơn vị thuộc Sở"], schedule: "Thường xuyên"),
                activity(
                    "2", "Lồng ghép tuyên truyền cải cách hành chính vào hội nghị phổ biến pháp luật",
                    lead: ["Phòng Phổ biến, giáo dục pháp luật"], coordinating: ["Văn phòng Sở"], schedule: "Năm 2024"),
                activity("3", "Niêm yết, công khai thủ tục hành chính", lead: ["Văn phòng Sở"], schedule: "Quý II/2024"),
                activity(
                    "4", "Tuyên truyền về dịch vụ công trực tuyến", lead: ["Phòng Hành chính tư pháp"],
                    coordinating: ["Văn phòng Sở"], schedule: "Tháng 6/2024"),
                activity(
                    "5", "Tham gia Hội thi tìm hiểu về cải cách hành chính", lead: ["Văn phòng Sở"],
                    schedule: "Quý III/2024"),
                activity(
                    "6", "Báo cáo kết quả thông tin, tuyên truyền", lead: ["Văn phòng Sở"], schedule: "Trước ngày 10/12/2024"),
            ])
    }
}
