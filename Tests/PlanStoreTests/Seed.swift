import PlanCore
import PlanStore
import Postgres
import TestSupport

/// Plans and sessions the admin tests start from: the provincial plan 96/KH-UBND and the department plan
/// 45/KH-STP of Sở Tư pháp implementing it (modelled on the fixtures), imported through the store.
enum Seed {
    static let admin = "vanphong"

    static func schedule(_ text: String, _ year: Int = 2024) -> Schedule {
        ScheduleGrammar.parse(text, planYear: year)
    }

    static func activity(
        _ ref: String, _ title: String, lead: [String], coordinating: [String] = [], schedule: String,
        products: [String] = []
    ) -> PlannedActivity {
        PlannedActivity(
            ref: ref, title: title, lead: lead, coordinating: coordinating, schedule: Seed.schedule(schedule),
            products: products)
    }

    /// The provincial plan (UBND tỉnh Bình Phước).
    static var province: PlanDocument {
        PlanDocument(
            source: .init(file: "96-KH-UBND-2024.txt", sha256: String(repeating: "1", count: 64), mediaType: .txt),
            document: DocumentIdentity(
                code: "96/KH-UBND", number: "96", symbol: "KH-UBND", type: "KH", typeName: "KẾ HOẠCH",
                title: "Thông tin, tuyên truyền cải cách hành chính năm 2024",
                issuer: "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC", place: "Bình Phước", issuedOn: Day(2024, 3, 19), year: 2024),
            sections: [
                .init(
                    label: "I", heading: "MỤC ĐÍCH, YÊU CẦU",
                    text: ["Ủy ban nhân dân tỉnh Bình Phước ban hành kế hoạch."])
            ],
            activities: [
                activity(
                    "II.1", "Tuyên truyền về cải cách thủ tục hành chính", lead: ["Các sở, ban, ngành tỉnh"],
                    schedule: "Thường xuyên"),
                activity(
                    "II.2", "Tuyên truyền về chính quyền điện tử, chính quyền số",
                    lead: ["Sở Thông tin và Truyền thông"], schedule: "Năm 2024"),
                activity(
                    "II.3", "Tổ chức Hội thi tìm hiểu về cải cách hành chính", lead: ["Sở Nội vụ"],
                    schedule: "Quý III/2024"),
            ])
    }

    /// The department plan (Sở Tư pháp), implementing 96/KH-UBND.
    static var department: PlanDocument {
        PlanDocument(
            source: .init(file: "45-KH-STP-2024.txt", sha256: String(repeating: "2", count: 64), mediaType: .txt),
            document: DocumentIdentity(
                code: "45/KH-STP", number: "45", symbol: "KH-STP", type: "KH", typeName: "KẾ HOẠCH",
                title: "Thông tin, tuyên truyền cải cách hành chính năm 2024", issuer: "SỞ TƯ PHÁP",
                issuerParent: "UBND TỈNH BÌNH PHƯỚC", place: "Bình Phước", issuedOn: Day(2024, 4, 2), year: 2024),
            parent: ParentReference(code: "96/KH-UBND", issuedOn: Day(2024, 3, 19), issuer: "UBND tỉnh"),
            sections: [
                .init(
                    label: "I", heading: "MỤC ĐÍCH, YÊU CẦU",
                    text: [
                        "Thực hiện Kế hoạch số 96/KH-UBND ngày 19/3/2024 của UBND tỉnh Bình Phước, Sở Tư pháp ban hành kế hoạch."
                    ])
            ],
            activities: [
                activity(
                    "1", "Đăng tải tin, bài về cải cách hành chính trên Trang thông tin điện tử của Sở",
                    lead: ["Văn phòng Sở"], coordinating: ["Các phòng, đơn vị thuộc Sở"], schedule: "Thường xuyên",
                    products: ["Tin, bài"]),
                activity(
                    "2", "Lồng ghép nội dung cải cách hành chính vào hội nghị phổ biến pháp luật",
                    lead: ["Phòng Phổ biến, giáo dục pháp luật"], coordinating: ["Văn phòng Sở"], schedule: "Năm 2024",
                    products: ["Hội nghị"]),
                activity(
                    "3", "Niêm yết, công khai thủ tục hành chính", lead: ["Văn phòng Sở"],
                    coordinating: ["Trung tâm Phục vụ hành chính công tỉnh"], schedule: "Quý II/2024"),
                activity(
                    "4", "Tuyên truyền về dịch vụ công trực tuyến", lead: ["Phòng Hành chính tư pháp"],
                    coordinating: ["Văn phòng Sở", "Trung tâm Phục vụ hành chính công tỉnh"], schedule: "Tháng 6/2024",
                    products: ["02 phóng sự"]),
                activity(
                    "5", "Tham gia Hội thi tìm hiểu về cải cách hành chính", lead: ["Văn phòng Sở"],
                    coordinating: ["Các phòng, đơn vị thuộc Sở"], schedule: "Quý III/2024"),
                activity(
                    "6", "Báo cáo kết quả thông tin, tuyên truyền", lead: ["Văn phòng Sở"],
                    schedule: "Trước ngày 10/12/2024", products: ["Báo cáo"]),
            ])
    }

    /// A fresh migrated database with both plans imported by the first (admin) user.
    static func withPlans<T>(_ body: (Store, TestDatabase) throws -> T) throws -> T {
        try withMigratedDatabase { db in
            let store = try Store(connection: db.connection, actingAs: admin)
            _ = try store.importPlan(province, replace: false)
            _ = try store.importPlan(department, replace: false)
            return try body(store, db)
        }
    }

    /// A second session on the same database (its own connection), as another person.
    static func session(_ db: TestDatabase, as login: String) throws -> Store {
        try Store(connection: Connection(db.configuration), actingAs: login)
    }

    /// Registers unit staff of `unit` and opens their session.
    static func unitStaff(_ admin: Store, _ db: TestDatabase, login: String, unit: String) throws -> Store {
        _ = try admin.addUser(login: login, role: .unit, unitID: admin.findUnit(unit).id, displayName: nil)
        return try session(db, as: login)
    }
}
