import Foundation
import PlanCore
import PlanStore
import ReportExport
import Postgres

/// A department's year in miniature, written through the store as real sessions would: Văn phòng Sở
/// imports its plan (twice: the second version replaces the first), registers a unit member, who
/// records progress with evidence (a link, a document number, a file with every byte value), a
/// period is submitted and reopened, a report keeps its free text and a frozen snapshot. Every
/// table of the schema gets rows, and the audit trail records all of it.
enum SampleDepartment {
    static let adminLogin = "vanphong"
    static let unitLogin = "nv.hanhchinh"
    static let hostile = "'); DROP TABLE plans; --"

    /// Fills a migrated, empty database through `connection` (a session of the login role).
    static func populate(_ connection: Connection) throws {
        let admin = try Store(connection: connection, actingAs: adminLogin)
        try admin.importPlan(plan(revision: 1), replace: false)
        try admin.importPlan(plan(revision: 2), replace: true)

        let division = try admin.transaction("đăng ký người dùng") { c -> Int64 in
            let division = try c.query("SELECT id FROM units WHERE name = 'Phòng Hành chính tư pháp'").scalar(Int64.self)
            try c.query(
                """
                INSERT INTO users (login, display_name, role, unit_id)
                VALUES (\(unitLogin), 'Nguyễn Thị Hòa', 'unit', \(division))
                """)
            // A collective name with a member, an alias and a lineage link, so those tables are not empty.
            let group = try c.query(
                """
                INSERT INTO units (name, name_key, kind) VALUES ('Các phòng chuyên môn thuộc Sở', 'cac phong chuyen mon thuoc so', 'group')
                RETURNING id
                """
            ).scalar(Int64.self)
            try c.query("INSERT INTO unit_group_members (group_id, member_id) VALUES (\(group), \(division))")
            try c.query(
                """
                INSERT INTO unit_aliases (unit_id, alias, alias_key)
                VALUES (\(division), 'Phòng HCTP', 'phong hctp')
                """)
            let successor = try c.query(
                """
                INSERT INTO units (name, name_key, kind, valid_from)
                VALUES ('Phòng Hành chính - Bổ trợ tư pháp', 'phong hanh chinh - bo tro tu phap', 'division', '2025-03-01')
                RETURNING id
                """
            ).scalar(Int64.self)
            try c.query(
                """
                INSERT INTO unit_lineage (kind, from_unit_id, to_unit_id, effective, legal_act)
                VALUES ('renamed-to', \(division), \(successor), '2025-03-01', 'Quyết định 12/QĐ-STP')
                """)
            return division
        }

        // The unit member records what the division did, under the cchc_unit role and its policies.
        let member = try Store(connection: connection, actingAs: unitLogin)
        let bytes = Data((0 ... 255).map { UInt8($0) } + Array("Biên bản hội nghị".utf8))
        try member.transaction("ghi tiến độ") { c in
            let activity = try c.query("SELECT id FROM activities WHERE ref = 'PL.2' AND removed_in_revision IS NULL")
                .scalar(Int64.self)
            let entry = try c.query(
                """
                INSERT INTO progress_entries (activity_id, unit_id, entry_date, text, quantity, quantity_unit)
                VALUES (\(activity), \(division), '2024-05-20',
                        'Tổ chức 02 lớp tập huấn về dịch vụ công trực tuyến lĩnh vực lý lịch tư pháp', 2, 'lớp')
                RETURNING id
                """
            ).scalar(Int64.self)
            try c.query(
                """
                INSERT INTO evidence_files (sha256, file_name, media_type, size, content)
                VALUES (encode(sha256(\(bytes)), 'hex'), 'bien-ban-hoi-nghi.pdf', 'application/pdf',
                        \(bytes.count), \(bytes))
                """)
            try c.query(
                """
                INSERT INTO evidence (progress_entry_id, position, kind, value, title, file_sha256)
                VALUES (\(entry), 0, 'url', 'https://stp.binhphuoc.gov.vn/tin-tuc/tap-huan-ly-lich-tu-phap', 'Tin bài', NULL),
                       (\(entry), 1, 'document', 'Số 45/BC-STP', \(hostile), NULL),
                       (\(entry), 2, 'file', 'bien-ban-hoi-nghi.pdf', 'Biên bản', encode(sha256(\(bytes)), 'hex'))
                """)
            // A correction supersedes the first entry; nothing is ever overwritten.
            try c.query(
                """
                INSERT INTO progress_entries (activity_id, unit_id, entry_date, text, quantity, quantity_unit,
                                              supersedes_id, reason)
                VALUES (\(activity), \(division), '2024-05-21', 'Tổ chức 02 lớp tập huấn (sửa ngày)', 2, 'lớp',
                        \(entry), 'Ghi nhầm ngày')
                """)
        }

        try admin.transaction("nộp báo cáo") { c in
            let plan = try c.query("SELECT id FROM plans").scalar(Int64.self)
            let office = try c.query("SELECT owner_unit_id FROM plans").scalar(Int64.self)
            let lock = try c.query(
                """
                INSERT INTO period_locks (plan_id, unit_id, period_id, regime, window_from, window_to)
                VALUES (\(plan), \(office), '2024-Q1', 'nd09', '2023-12-15', '2024-03-14') RETURNING id
                """
            ).scalar(Int64.self)
            try c.query(
                """
                UPDATE period_locks SET reopened_at = now(), reopened_by = \(adminLogin),
                       reopen_reason = 'Bổ sung kết quả tháng 3 theo đề nghị của Sở Nội vụ'
                 WHERE id = \(lock)
                """)
            let report = try c.query(
                """
                INSERT INTO reports (plan_id, unit_id, period_id, regime, number, issued_on, issues, proposals)
                VALUES (\(plan), \(office), '2024-Q2', 'nd09', 5, '2024-06-10',
                        'Một số đơn vị gửi kết quả chậm.', \(hostile))
                RETURNING id
                """
            ).scalar(Int64.self)
            let snapshot = #"{"format": "cchc.report/v1", "period": {"id": "2024-Q2"}, "status": "submitted"}"#
            try c.query(
                """
                INSERT INTO report_snapshots (report_id, version, status, sha256, content, content_text)
                VALUES (\(report), 1, 'submitted', encode(sha256(convert_to(\(snapshot), 'UTF8')), 'hex'),
                        \(snapshot)::jsonb, \(snapshot))
                """)
            try c.query("INSERT INTO settings (key, value) VALUES ('web.require_totp_for_admin', 'false')")
            try c.query(
                """
                INSERT INTO report_settings (unit_id, signer_capacity, signer_title, signer_name, distribution)
                VALUES (\(office), 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Phạm Thị Mai Hương',
                        \(["Sở Nội vụ", "Lãnh đạo Sở", "Lưu: VT, VP"]))
                """)
            // A đề cương the province sent; version, hash and author are the database's.
            try c.query(
                """
                INSERT INTO report_outlines (unit_id, regime, version, source, sha256, loaded_by)
                VALUES (NULL, 'nd09', 1, \(ReportOutline.standardSource), repeat('0', 64), '')
                """)
        }

        // The web application's part: a password, and — where this login may sign people in — a failed
        // sign-in and an open session.
        try admin.setPassword(
            unitLogin, hash: "$2b$12$" + String(repeating: "a", count: 53), mustChange: true)
        if try connection.query("SELECT cchc_session_is_web_service()").scalar(Bool.self) {
            _ = try WebSessions.signIn(
                connection, login: unitLogin, password: "sai-mat-khau", address: "10.20.0.15", userAgent: "Chromium",
                idle: .seconds(1800), lifetime: .seconds(43200))
            try connection.query(
                """
                INSERT INTO web_sessions (token_sha256, user_id, csrf_token, expires_at, idle_seconds, second_factor)
                SELECT repeat('b', 64), id, 'csrf', now() + interval '1 hour', 1800, true FROM users WHERE login = \(unitLogin)
                """)
        }
    }

    /// The Sở Tư pháp plan; revision 2 moves the training to Q2 and adds the year-end report.
    static func plan(revision: Int) -> PlanDocument {
        var activities = [
            PlannedActivity(
                ref: "PL.1", title: "Đăng tải tin, bài về cải cách hành chính trên Trang thông tin điện tử của Sở",
                group: "I. TUYÊN TRUYỀN TRÊN CỔNG THÔNG TIN", lead: ["Văn phòng Sở"],
                coordinating: ["Các phòng, đơn vị thuộc Sở"],
                schedule: ScheduleGrammar.parse("Thường xuyên", planYear: 2024), products: ["Tin, bài"]),
            PlannedActivity(
                ref: "PL.2", title: "Tập huấn về dịch vụ công trực tuyến lĩnh vực lý lịch tư pháp",
                lead: ["Phòng Hành chính tư pháp"], coordinating: ["Văn phòng Sở", "Sở Thông tin và Truyền thông"],
                schedule: ScheduleGrammar.parse(revision == 1 ? "Tháng 6/2024" : "Quý II/2024", planYear: 2024),
                products: ["02 lớp tập huấn"]),
        ]
        if revision > 1 {
            activities.append(
                PlannedActivity(
                    ref: "PL.3", title: "Báo cáo kết quả thực hiện kế hoạch năm 2024", lead: ["Văn phòng Sở"],
                    schedule: ScheduleGrammar.parse("Trước ngày 10/12/2024", planYear: 2024), products: ["Báo cáo"]))
        }
        return PlanDocument(
            source: .init(
                file: "45-KH-STP-2024.txt", sha256: String(repeating: revision == 1 ? "a" : "b", count: 64),
                mediaType: .txt),
            document: DocumentIdentity(
                code: "45/KH-STP", number: "45", symbol: "KH-STP", type: "KH", typeName: "KẾ HOẠCH",
                title: "Thông tin, tuyên truyền cải cách hành chính năm 2024 của Sở Tư pháp",
                issuer: "SỞ TƯ PHÁP", issuerParent: "UBND TỈNH BÌNH PHƯỚC", place: "Bình Phước",
                issuedOn: Day(2024, 4, 2), dateText: "Bình Phước, ngày 02 tháng 4 năm 2024", year: 2024,
                signer: .init(capacity: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Trần Văn Bình"),
                recipients: ["Sở Nội vụ", "Lưu: VT, VP."]),
            parent: ParentReference(code: "96/KH-UBND", issuedOn: Day(2024, 3, 19), issuer: "UBND tỉnh"),
            sections: [
                .init(label: "I", heading: "MỤC ĐÍCH, YÊU CẦU", text: ["Nâng cao nhận thức về cải cách hành chính."]),
                .init(
                    label: "II", heading: "NỘI DUNG", text: [],
                    children: [.init(label: "1", heading: "Tuyên truyền trên Cổng thông tin", text: [hostile])]),
            ],
            activities: activities,
            responsibilities: [.init(unit: "Văn phòng Sở", text: "Tổng hợp, báo cáo kết quả về Sở Nội vụ.")])
    }
}
