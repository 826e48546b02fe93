import PlanCore
import PlanStore
import Postgres
import TestSupport

/// A fresh migrated database with a session for `login` (the first login becomes admin).
func withStore<T>(login: String = "vanphong", _ body: (Store, TestDatabase) throws -> T) throws -> T {
    try withMigratedDatabase { db in
        try body(try Store(connection: db.connection, actingAs: login), db)
    }
}

/// A small plan of Sở Tư pháp as the importer would produce it.
func samplePlan(
    code: String? = "45/KH-STP", title: String = "Thông tin, tuyên truyền cải cách hành chính năm 2024 của Sở Tư pháp",
    activities: [PlannedActivity]? = nil, sha: Character = "a"
) -> PlanDocument {
    let number = code.map { String($0.prefix { $0 != "/" }) }
    return PlanDocument(
        source: .init(file: "45-KH-STP-2024.txt", sha256: String(repeating: sha, count: 64), mediaType: .txt),
        document: DocumentIdentity(
            code: code, number: number, symbol: "KH-STP", type: "KH", typeName: "KẾ HOẠCH", title: title,
            issuer: "SỞ TƯ PHÁP", issuerParent: "UBND TỈNH BÌNH PHƯỚC", place: "Bình Phước",
            issuedOn: Day(2024, 4, 2), dateText: "Bình Phước, ngày 02 tháng 4 năm 2024", year: 2024,
            signer: .init(capacity: nil, title: "GIÁM ĐỐC", name: "Trần Văn B"), recipients: ["Sở Nội vụ"]),
        parent: ParentReference(code: "96/KH-UBND", issuedOn: Day(2024, 3, 19), issuer: "UBND tỉnh"),
        sections: [.init(label: "I", heading: "MỤC ĐÍCH, YÊU CẦU", text: ["Nâng cao nhận thức."])],
        activities: activities ?? [
            PlannedActivity(
                ref: "PL.1", title: "Đăng tải tin, bài về cải cách hành chính trên Trang thông tin điện tử của Sở",
                lead: ["Văn phòng Sở"], coordinating: ["Các phòng, đơn vị thuộc Sở"],
                schedule: ScheduleGrammar.parse("Thường xuyên", planYear: 2024), products: ["Tin, bài"]),
            PlannedActivity(
                ref: "PL.2", title: "Tuyên truyền về dịch vụ công trực tuyến lĩnh vực lý lịch tư pháp",
                lead: ["Phòng Hành chính tư pháp"], coordinating: ["Văn phòng Sở", "Sở Thông tin và Truyền thông"],
                schedule: ScheduleGrammar.parse("Tháng 6/2024", planYear: 2024), products: ["02 lớp tập huấn"]),
        ])
}
