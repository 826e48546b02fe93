import Foundation
import OOXML
import PlanCore
import ReportExport
import Testing

@Suite("Plan → .docx")
struct PlanDocxTests {
    static let content = PlanContent(
        sections: [
            PlanDocument.Section(
                label: "I", heading: "MỤC ĐÍCH, YÊU CẦU",
                children: [
                    .init(label: "1", heading: "Mục đích", text: ["Nâng cao nhận thức, trách nhiệm của cán bộ, công chức."]),
                    .init(label: "2", heading: "Yêu cầu", text: ["- Kịp thời, đầy đủ, thường xuyên, hiệu quả."]),
                ]),
            PlanDocument.Section(
                label: "II", heading: "NỘI DUNG VÀ HÌNH THỨC THÔNG TIN TUYÊN TRUYỀN",
                children: [.init(label: "1", heading: "Nội dung"), .init(label: "3", heading: "Hoạt động trọng tâm")]),
            PlanDocument.Section(label: "III", heading: "KINH PHÍ THỰC HIỆN", text: ["Kinh phí lồng ghép."]),
        ],
        responsibilities: [.init(unit: "Văn phòng Sở", text: "Tham mưu Lãnh đạo Sở triển khai Kế hoạch.")],
        parent: ParentReference(code: "96/KH-UBND", issuedOn: Day(2024, 3, 19), issuer: "UBND tỉnh"))

    @Test("activities stand in the document tree with the labelled lines the importer reads")
    func bodyActivities() throws {
        let texts = try DocxReading.paragraphs(PlanDocumentWriter.docxData(SamplePlan.record, content: Self.content))
        let missing = DocxReading.inOrder(
            [
                "KẾ HOẠCH", "Thông tin, tuyên truyền cải cách hành chính năm 2024",
                "Thực hiện Kế hoạch số 96/KH-UBND ngày 19/3/2024 của UBND tỉnh;", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
                "2. Yêu cầu", "II. NỘI DUNG VÀ HÌNH THỨC THÔNG TIN TUYÊN TRUYỀN", "1. Nội dung", "3. Hoạt động trọng tâm",
                "a) Đăng tải bản tin, bài viết, ảnh trên Trang thông tin điện tử của Sở, đơn vị trực thuộc Sở.",
                "- Đơn vị chủ trì: Văn phòng Sở; các đơn vị sự nghiệp trực thuộc Sở.",
                "- Đơn vị phối hợp: các phòng chuyên môn, nghiệp vụ thuộc Sở.", "- Thời gian thực hiện: Thường xuyên.",
                "- Sản phẩm: Tin, bài.", "b) Lồng ghép", "c) Cung cấp thông tin", "- Thời gian thực hiện: Năm 2024.",
                "d) Tham gia đầy đủ", "đ) Báo cáo kết quả", "- Thời gian thực hiện: Trước ngày 05/6/2024.", "e) Tổ chức Hội nghị",
                "g) Tuyên truyền về dịch vụ công", "III. KINH PHÍ THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN", "1. Văn phòng Sở",
                "./.", "Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT, VP (TL1).", "KT. GIÁM ĐỐC", "Phạm Thị Mai Hương",
            ], in: texts)
        #expect(missing == nil, "missing or out of order: \(missing ?? "")")
        #expect(texts.contains("Số: 15/KH-SLĐTBXH"))
    }

    @Test("without stored sections the tree is built from the refs")
    func withoutSections() throws {
        let texts = try DocxReading.paragraphs(PlanDocumentWriter.docxData(SamplePlan.record))
        #expect(DocxReading.inOrder(["II. NỘI DUNG", "3. Hoạt động trọng tâm", "a) Đăng tải"], in: texts) == nil)
        #expect(texts.contains("Thực hiện Kế hoạch số 96/KH-UBND;"))
    }

    @Test("annex rows (PL refs) go to a landscape Phụ lục table")
    func annex() throws {
        var plan = SamplePlan.record
        plan.activities = [
            Sample.activity(1, "PL.1", Sample.schedule(.period, "2024-04-01", "2024-06-30", text: "Quý II/2024"), group: "Nhóm A"),
            Sample.activity(2, "PL.2", Sample.schedule(.deadline, nil, "2024-12-10", text: "Trước ngày 10/12/2024"), group: "Nhóm B"),
        ]
        let data = PlanDocumentWriter.docxData(plan)
        let xml = try DocxReading.part("word/document.xml", of: data)
        #expect(xml.contains(#"w:orient="landscape""#))
        let table = try #require(try DocxReading.tables(data).last)
        #expect(table.rows[0].map(\.text) == ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Sản phẩm"])
        #expect(table.rows.map { $0.first?.text ?? "" } == ["STT", "I", "1", "II", "1"])
        #expect(table.rows[2][4].text == "Quý II/2024")
    }

    @Test("a plan with a blank number prints the blank before its ký hiệu")
    func blankNumber() throws {
        var plan = SamplePlan.record
        plan.document.code = nil
        plan.document.issuedOn = nil
        let texts = try DocxReading.paragraphs(PlanDocumentWriter.docxData(plan))
        #expect(texts.contains("Số:      /KH-SLĐTBXH"))
        #expect(texts.contains("Bình Phước, ngày      tháng      năm 2024"))
    }

    @Test("same plan, same bytes; word/document.xml matches its golden file")
    func golden() throws {
        let data = PlanDocumentWriter.docxData(SamplePlan.record, content: Self.content)
        #expect(PlanDocumentWriter.docxData(SamplePlan.record, content: Self.content) == data)
        try Golden.check(try DocxReading.part("word/document.xml", of: data), against: "plan.document.xml")
    }
}
