import PlanCore
import Testing
@testable import PlanImport

/// Activities in the body: items with labelled lines, inline fields, inherited fields, and the
/// warnings about them.
@Suite("Activities in the body")
struct BodyActivityTests {
    static func plan(_ body: String) throws -> PlanDocument {
        try importText(
            "SỞ NỘI VỤ\nSố: 1/KH-SNV\nBình Phước, ngày 02 tháng 01 năm 2024\nKẾ HOẠCH\nThông tin, tuyên truyền năm 2024\n"
                + "I. NHIỆM VỤ\n" + body)
    }

    @Test("every usual wording of the labelled lines", arguments: [
        ("Cơ quan chủ trì", AssignmentField.lead), ("Đơn vị chủ trì", .lead), ("Đơn vị chủ trì thực hiện", .lead),
        ("Đơn vị thực hiện", .lead), ("Cơ quan, đơn vị chủ trì", .lead), ("Chủ trì", .lead), ("Thực hiện", .lead),
        ("Cơ quan thực hiện", .lead), ("Đơn vị phối hợp", .coordinating), ("Cơ quan phối hợp", .coordinating),
        ("Phối hợp", .coordinating), ("Đơn vị phối hợp thực hiện", .coordinating),
        ("Thời gian thực hiện", .schedule), ("Thời gian hoàn thành", .schedule), ("Thời hạn hoàn thành", .schedule),
        ("Thời gian", .schedule), ("Tiến độ thực hiện", .schedule), ("Sản phẩm", .products),
        ("Kết quả/Sản phẩm", .products), ("Sản phẩm dự kiến", .products), ("Kinh phí", .budget),
        ("Ghi chú", .note),
    ])
    func fieldWordings(label: String, field: AssignmentField) {
        #expect(FieldLabels.classify(label) == field)
    }

    @Test("words that are not field labels", arguments: [
        "Mục đích", "Cải cách thể chế", "Tổ chức thực hiện", "Nội dung cơ bản sau", "Hình thức", "Sở Nội vụ",
    ])
    func notFields(label: String) {
        #expect(FieldLabels.classify(label) == nil)
    }

    @Test("an item with labelled lines is an activity; units, time frame and products are read")
    func labelledLines() throws {
        let plan = try Self.plan(
            """
            1. Tổ chức Hội thi tìm hiểu về cải cách hành chính
            - Cơ quan chủ trì: Sở Nội vụ.
            - Cơ quan phối hợp: Sở Tư pháp, Sở Thông tin và Truyền thông, Tỉnh đoàn.
            - Thời gian thực hiện: Quý III/2024.
            - Sản phẩm: Kế hoạch; 01 cuộc thi.
            """)
        let activity = try #require(plan.activities.first)
        #expect(activity.ref == "I.1")
        #expect(activity.title == "Tổ chức Hội thi tìm hiểu về cải cách hành chính")
        #expect(activity.lead == ["Sở Nội vụ"])
        #expect(activity.coordinating == ["Sở Tư pháp", "Sở Thông tin và Truyền thông", "Tỉnh đoàn"])
        #expect(activity.schedule.kind == .period)
        #expect(activity.schedule.from == Day(2024, 7, 1))
        #expect(activity.products == ["Kế hoạch", "01 cuộc thi"])
        #expect(plan.warnings.isEmpty)
    }

    @Test("units listed on the lines under an empty field")
    func valuesOnLinesBelow() throws {
        let plan = try Self.plan(
            """
            1. Tập huấn nghiệp vụ
            - Đơn vị chủ trì: Văn phòng Sở.
            - Đơn vị phối hợp:
            + Thanh tra Sở;
            + Trung tâm Dịch vụ việc làm.
            """)
        #expect(plan.activities.first?.coordinating == ["Thanh tra Sở", "Trung tâm Dịch vụ việc làm"])
    }

    @Test("fields written inline, in parentheses or after the sentence")
    func inlineFields() throws {
        let plan = try Self.plan(
            """
            1. Tuyên truyền trực quan
            - Tổ chức hội nghị đối thoại với doanh nghiệp (chủ trì: Văn phòng Sở; phối hợp: Thanh tra Sở, Phòng Nội vụ; thời gian: Quý II/2024).
            - Treo băng rôn, khẩu hiệu. Đơn vị thực hiện: Văn phòng Sở. Thời gian thực hiện: tháng 6/2024.
            - Nội dung không có đơn vị.
            """)
        #expect(plan.activities.count == 2)
        let first = plan.activities[0]
        #expect(first.ref == "I.1.-1")
        #expect(first.title == "Tổ chức hội nghị đối thoại với doanh nghiệp")
        #expect(first.lead == ["Văn phòng Sở"])
        #expect(first.coordinating == ["Thanh tra Sở", "Phòng Nội vụ"])
        #expect(first.schedule.to == Day(2024, 6, 30))
        let second = plan.activities[1]
        #expect(second.title == "Treo băng rôn, khẩu hiệu.")
        #expect(second.lead == ["Văn phòng Sở"])
        #expect(second.schedule.from == Day(2024, 6, 1))
    }

    @Test("fields of an item apply to the tasks under it that lack them")
    func inheritedFields() throws {
        let plan = try Self.plan(
            """
            1. Tuyên truyền trên báo chí
            - Đơn vị chủ trì: Văn phòng Sở.
            - Thời gian thực hiện: Năm 2024.
            a) Đăng tin, bài
            - Sản phẩm: 24 tin, bài.
            b) Phóng sự
            - Đơn vị chủ trì: Đài Phát thanh - Truyền hình và Báo Bình Phước.
            """)
        #expect(plan.activities.map(\.ref) == ["I.1.a", "I.1.b"])
        #expect(plan.activities[0].lead == ["Văn phòng Sở"])
        #expect(plan.activities[0].schedule.kind == .period)
        #expect(plan.activities[1].lead == ["Đài Phát thanh - Truyền hình và Báo Bình Phước"])
        #expect(plan.activities[1].schedule.to == Day(2024, 12, 31))
    }

    @Test("\"Tổ chức thực hiện\" holds duties, not activities")
    func responsibilitiesAreNotActivities() throws {
        let plan = try Self.plan(
            """
            1. Tập huấn
            - Chủ trì: Văn phòng Sở.
            II. TỔ CHỨC THỰC HIỆN
            1. Văn phòng Sở
            - Thời gian: thường xuyên
            - Đơn vị phối hợp: các phòng
            """)
        #expect(plan.activities.map(\.ref) == ["I.1"])
    }

    @Test("warnings: no lead, an unreadable time frame, a duplicate — each with its line")
    func warnings() throws {
        let plan = try Self.plan(
            """
            1. Tập huấn nghiệp vụ
            - Thời gian thực hiện: khi có yêu cầu của cấp trên.
            2. Hội nghị sơ kết
            - Đơn vị chủ trì: Văn phòng Sở.
            3. Tập huấn nghiệp vụ.
            - Đơn vị chủ trì: Thanh tra Sở.
            """)
        #expect(plan.warnings.map(\.code) == ["missing-lead", "unreadable-schedule", "duplicate-activity"])
        #expect(plan.warnings[0].location == "dòng 7")
        #expect(plan.warnings[1].message.contains("khi có yêu cầu của cấp trên"))
        #expect(plan.warnings[2].location == "dòng 11")
        #expect(plan.warnings[2].message.contains("I.1"))
        #expect(plan.activities[0].schedule.kind == .unspecified)
        #expect(plan.activities[0].schedule.text == "khi có yêu cầu của cấp trên")
    }

    @Test("a plan without any task says so")
    func noActivities() throws {
        let plan = try Self.plan("1. Nâng cao nhận thức.\n2. Bảo đảm tiến độ.")
        #expect(plan.activities.isEmpty)
        #expect(plan.warnings.map(\.code) == ["no-activities"])
    }

    @Test("a time frame without a year takes the plan year")
    func planYear() throws {
        let plan = try Self.plan("1. Tập huấn\n- Chủ trì: Văn phòng Sở\n- Thời gian: Quý II")
        #expect(plan.activities.first?.schedule.from == Day(2024, 4, 1))
    }
}
