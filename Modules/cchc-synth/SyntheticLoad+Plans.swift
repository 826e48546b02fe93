import Foundation
import PlanCore
import Postgres

extension SyntheticLoad {
    /// The section tree every synthetic plan shares (its tasks are the activities).
    static let sections: [(label: String, heading: String, text: String)] = [
        ("I", "MỤC ĐÍCH, YÊU CẦU",
         "Nâng cao nhận thức, trách nhiệm của cán bộ, công chức, viên chức và người dân, doanh nghiệp về cải cách hành chính."),
        ("II", "NỘI DUNG THÔNG TIN, TUYÊN TRUYỀN",
         "Các chủ trương của Đảng, chính sách, pháp luật của Nhà nước về cải cách hành chính; kết quả thực hiện 6 nội dung cải cách hành chính."),
        ("III", "NHIỆM VỤ CỤ THỂ", "Các nhiệm vụ cụ thể, đơn vị chủ trì, phối hợp và thời gian thực hiện như sau."),
        ("IV", "KINH PHÍ THỰC HIỆN", "Kinh phí thực hiện Kế hoạch được bố trí từ nguồn kinh phí hoạt động của cơ quan."),
        ("V", "TỔ CHỨC THỰC HIỆN",
         "Văn phòng theo dõi, đôn đốc việc thực hiện; tổng hợp kết quả, lồng ghép trong báo cáo cải cách hành chính định kỳ gửi Sở Nội vụ."),
    ]

    /// One document and one plan per department, citing its province's plan ("…/KH-UBND"), and the
    /// plan's section tree.
    mutating func insertPlans() throws {
        try connection.query(
            """
            INSERT INTO synth_plan (department_id, province_ord, department_ord, document_id, plan_id, number, issued_on)
            SELECT d.id, d.province_ord, d.ord, nextval(pg_get_serial_sequence('documents', 'id')),
                   nextval(pg_get_serial_sequence('plans', 'id')),
                   pg_temp.synth_pick(d.province_ord * 10000 + d.ord, \(salt(.planNumber)), 250),
                   make_date(\(shape.year)::int, 3 + pg_temp.synth_pick(d.province_ord * 10000 + d.ord, \(salt(.issueMonth)), 3),
                             pg_temp.synth_pick(d.province_ord * 10000 + d.ord, \(salt(.issueDay)), 28))
              FROM synth_department d
             ORDER BY d.province_ord, d.ord
            """)
        let title = "Thông tin, tuyên truyền cải cách hành chính năm \(shape.year)"
        let recipients = ["UBND tỉnh", "Sở Nội vụ", "Lãnh đạo cơ quan", "Các phòng, đơn vị trực thuộc", "Lưu: VT, VP."]
        let documents = try connection.query(
            """
            INSERT INTO documents (id, type, type_name, number, symbol, code, issuer_unit_id, issuer_name, issuer_parent, place,
                                   issued_on, date_text, year, title, signer_capacity, signer_title, signer_name, recipients)
            OVERRIDING SYSTEM VALUE
            SELECT s.document_id, 'KH', 'KẾ HOẠCH', s.number, 'KH-' || d.abbreviation,
                   lpad(s.number::text, 2, '0') || '/KH-' || d.abbreviation, d.id, d.upper_name, p.upper_name, p.place,
                   s.issued_on,
                   p.place || ', ngày ' || to_char(s.issued_on, 'DD') || ' tháng ' || extract(month FROM s.issued_on)
                       || ' năm ' || extract(year FROM s.issued_on),
                   \(shape.year)::int, \(title), 'KT. ' || d.head, 'PHÓ ' || d.head,
                   (\(SyntheticPlan.signerNames)::text[])[pg_temp.synth_pick(s.plan_id, \(salt(.signer)), \(SyntheticPlan.signerNames.count))],
                   \(recipients)::text[]
              FROM synth_plan s JOIN synth_department d ON d.id = s.department_id JOIN synth_province p ON p.ord = s.province_ord
            """
        ).affectedRows ?? 0
        try connection.query(
            """
            INSERT INTO plans (id, document_id, year, owner_unit_id, parent_code, parent_issued_on, parent_issuer)
            OVERRIDING SYSTEM VALUE
            SELECT s.plan_id, s.document_id, \(shape.year)::int, s.department_id, p.parent_number || '/KH-UBND',
                   make_date(\(shape.year)::int, 3, p.parent_day), p.parent_issuer
              FROM synth_plan s JOIN synth_province p ON p.ord = s.province_ord
            """)
        let sections = Self.sections
        try connection.query(
            """
            INSERT INTO sections (plan_id, position, path, label, heading, body)
            SELECT s.plan_id, t.ord - 1, t.label, t.label, t.heading, ARRAY[t.body]
              FROM synth_plan s
             CROSS JOIN unnest(\(sections.map(\.label))::text[], \(sections.map(\.heading))::text[], \(sections.map(\.text))::text[])
                   WITH ORDINALITY AS t(label, heading, body, ord)
            """)
        counts.append(("kế hoạch", documents))
    }

    /// The first revision of every plan: its `cchc.plan/v1` content built from the rows just written, as
    /// the importer would have stored it (the report and plan exports read sections and parent from it).
    mutating func insertRevisions() throws {
        let sections = JSONValue.array(
            Self.sections.map {
                .object([
                    ("label", .string($0.label)), ("heading", .string($0.heading)), ("text", .strings([$0.text])),
                    ("children", .array([])),
                ])
            })
        try connection.query(
            """
            WITH product_lists AS (
                SELECT pr.activity_id, jsonb_agg(pr.text ORDER BY pr.position) AS products
                  FROM synth_activity sa JOIN products pr ON pr.activity_id = sa.id
                 GROUP BY pr.activity_id
            ), activity_lists AS (
                SELECT sa.plan_id,
                       jsonb_agg(jsonb_build_object(
                           'ref', a.ref, 'title', a.title, 'group', NULL,
                           'lead', jsonb_build_array(lead.name),
                           'coordinating', CASE WHEN co.id IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(co.name) END,
                           'schedule', jsonb_build_object(
                               'text', a.schedule_text, 'kind', a.schedule_kind, 'from', a.schedule_from,
                               'to', a.schedule_to, 'every', a.schedule_every),
                           'products', coalesce(pl.products, '[]'::jsonb))
                           ORDER BY a.position) AS activities
                  FROM synth_activity sa JOIN activities a ON a.id = sa.id
                  JOIN synth_division lead ON lead.id = sa.lead_id
                  LEFT JOIN synth_division co ON co.id = sa.coordinating_id
                  LEFT JOIN product_lists pl ON pl.activity_id = sa.id
                 GROUP BY sa.plan_id
            ), contents AS (
                SELECT s.plan_id, jsonb_build_object(
                    'format', 'cchc.plan/v1',
                    'source', jsonb_build_object('file', 'cchc-synth', 'sha256', NULL, 'mediaType', 'manual'),
                    'document', jsonb_build_object(
                        'code', d.code, 'number', lpad(d.number::text, 2, '0'), 'symbol', d.symbol, 'type', d.type,
                        'typeName', d.type_name, 'title', d.title, 'issuer', d.issuer_name, 'issuerParent', d.issuer_parent,
                        'place', d.place, 'issuedOn', d.issued_on, 'dateText', d.date_text, 'year', d.year,
                        'signer', jsonb_build_object('capacity', d.signer_capacity, 'title', d.signer_title, 'name', d.signer_name),
                        'recipients', to_jsonb(d.recipients)),
                    'parent', jsonb_build_object('code', pl.parent_code, 'issuedOn', pl.parent_issued_on, 'issuer', pl.parent_issuer),
                    'sections', \(sections.serialized(pretty: false))::jsonb,
                    'activities', coalesce(al.activities, '[]'::jsonb),
                    'responsibilities', '[]'::jsonb,
                    'warnings', '[]'::jsonb) AS content
                  FROM synth_plan s JOIN plans pl ON pl.id = s.plan_id JOIN documents d ON d.id = pl.document_id
                  LEFT JOIN activity_lists al ON al.plan_id = s.plan_id
            )
            INSERT INTO plan_revisions (plan_id, revision, source_file, source_sha256, media_type, content)
            SELECT plan_id, 1, 'cchc-synth', encode(sha256(convert_to(content::text, 'UTF8')), 'hex'), 'manual', content
              FROM contents
            """)
    }
}
