import Foundation
import PlanCore
import ReportExport
import Testing

/// The đề cương as a template: the shipped one gives today's report, an edited one moves sections,
/// fixed sentences and annex columns, and a wrong one is refused with its line.
@Suite("Report outline templates")
struct ReportOutlineTests {
    static func report(outline: ReportOutline?, internal inside: Bool = false, proposals: String? = nil) throws -> Report {
        var context = SamplePlan.context
        context.outline = outline
        context.showsUnitReporting = inside
        context.proposals = proposals
        return try ReportBuilder.build(plan: SamplePlan.record, period: Sample.period("2024-Q2"), regime: .nd09, context: context)
    }

    /// The shipped outline with every `{{so}}` written out as the numbers it gives in the version sent
    /// outward (where the internal "3. Tình hình báo cáo" is left out, so Sản phẩm is 3): the same documents.
    @Test("numbers typed in the headings give the same report as {{so}}")
    func typedNumbers() throws {
        var numbers = ["I.", "1.", "2.", "3.", "3.", "II.", "1.", "2.", "III.", "IV."].makeIterator()
        let typed = ReportOutline.standardSource.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.contains("{{so}}") ? line.replacingOccurrences(of: "{{so}}", with: numbers.next()!) : String(line)
        }.joined(separator: "\n")
        let outline = try ReportOutline(parsing: typed, version: 3)
        let standard = try Self.report(outline: nil)
        let edited = try Self.report(outline: outline)
        #expect(edited.markdown() == standard.markdown())
        #expect(edited.docxData() == standard.docxData())
        #expect(edited.xlsxData() == standard.xlsxData())
        #expect(outline.version == 3)
    }

    @Test("the shipped outline, loaded as a stored template, changes no byte")
    func standardAsLoaded() throws {
        let loaded = try ReportOutline(parsing: ReportOutline.standardSource, version: 1)
        for inside in [false, true] {
            let standard = try Self.report(outline: nil, internal: inside)
            let stored = try Self.report(outline: loaded, internal: inside)
            #expect(stored.markdown() == standard.markdown())
            #expect(stored.docxData() == standard.docxData())
        }
    }

    static let provincial = """
        {{! Đề cương của Sở Nội vụ tỉnh Bình Phước, công văn 123/SNV-CCHC }}
        [báo cáo]
        Căn cứ {{ke_hoach}}, {{co_quan}} báo cáo như sau:
        # {{so}} CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH
        Ban hành {{ke_hoach}} đúng thời hạn; kỳ báo cáo từ ngày {{tu_ngay}} đến ngày {{den_ngay}}.
        - Hạn gửi báo cáo: {{han_bao_cao}}.
        # {{so}} KẾT QUẢ TUYÊN TRUYỀN
        ## {{so}} Các nhiệm vụ
        {{> nhiem_vu}}
        ## {{so}} Số liệu
        {{> tinh_hinh_chung}}
        {{#noi_bo}}
        {{> bang_don_vi}}
        {{/noi_bo}}
        # {{so}} KIẾN NGHỊ
        {{#co_de_xuat}}
        {{> de_xuat}}
        {{/co_de_xuat}}
        {{^co_de_xuat}}
        Không có kiến nghị.
        {{/co_de_xuat}}
        [phụ lục]
        tiêu đề: Phụ lục II
        tên bảng: BIỂU TỔNG HỢP {{ky_in_hoa}}
        kèm theo: (Kèm theo Báo cáo {{so_ky_hieu}})
        cột: stt | TT | 4
        cột: ma | Mã | 6
        cột: ten_nhiem_vu | Nội dung | 30
        cột: ket_qua | Kết quả đạt được | 40
        cột: tinh_trang | Tiến độ | 20
        """

    @Test("an edited outline moves sections, fills fixed sentences and changes the annex columns")
    func edited() throws {
        let outline = try ReportOutline(parsing: Self.provincial, version: 2)
        let report = try Self.report(outline: outline)
        let md = report.markdown()
        let markers = [
            "Căn cứ Kế hoạch số 15/KH-SLĐTBXH, Sở Lao động - Thương binh và Xã hội báo cáo như sau:",
            "## I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
            "kỳ báo cáo từ ngày 15/03/2024 đến ngày 14/06/2024.", "- Hạn gửi báo cáo: ",
            "## II. KẾT QUẢ TUYÊN TRUYỀN", "### 1. Các nhiệm vụ",
            // The activities take the number of the heading they stand under.
            "#### 1.1. Đăng tải bản tin", "### 2. Số liệu", "Trong kỳ báo cáo (từ ngày 15/03/2024",
            "## III. KIẾN NGHỊ", "Không có kiến nghị.", "## Phụ lục II", "BIỂU TỔNG HỢP QUÝ II NĂM 2024",
            "(Kèm theo Báo cáo 05/BC-SLĐTBXH)", "| TT | Mã | Nội dung | Kết quả đạt được | Tiến độ |",
            "| 1 | II.3.a | Đăng tải bản tin, bài viết, ảnh trên Trang thông tin điện tử của Sở, đơn vị trực thuộc Sở |",
        ]
        var position = md.startIndex
        for marker in markers {
            let found = md.range(of: marker, range: position..<md.endIndex)
            #expect(found != nil, "missing or out of order: \(marker)")
            if let found { position = found.upperBound }
        }
        // What the đề cương left out is not there.
        for absent in ["ĐÁNH GIÁ CHUNG", "PHƯƠNG HƯỚNG", "| STT | Đơn vị chủ trì |", "Trên đây là báo cáo", "Minh chứng"] {
            #expect(!md.contains(absent), "\(absent)")
        }
        let written = try Self.report(outline: outline, internal: true, proposals: "Đề nghị tập huấn.").markdown()
        #expect(written.contains("Đề nghị tập huấn."))
        #expect(!written.contains("Không có kiến nghị."))
        #expect(written.contains("| STT | Đơn vị chủ trì | Cần báo cáo |"))

        // The Word annex and the Excel Phụ lục sheet have the outline's columns.
        let document = try DocxReading.part("word/document.xml", of: report.docxData())
        #expect(document.contains("Kết quả đạt được"))
        #expect(!document.contains(">Minh chứng<"))
        let sheet = try DocxReading.part("xl/worksheets/sheet2.xml", of: report.xlsxData())
        #expect(sheet.contains("<cols><col min=\"1\" max=\"1\""))
        #expect(!sheet.contains("<col min=\"6\""), "five columns, not eight")
        let strings = try DocxReading.part("xl/sharedStrings.xml", of: report.xlsxData())
        for header in ["TT", "Mã", "Nội dung", "Kết quả đạt được", "Tiến độ"] { #expect(strings.contains(">\(header)<")) }
    }

    @Test("a report keeps its outline through the stored model")
    func storedModel() throws {
        let report = try Self.report(outline: try ReportOutline(parsing: Self.provincial, version: 2))
        let again = try Report(modelText: try report.modelText(), frozenJSON: report.jsonText(), snapshotName: "số 1")
        #expect(again == report)
        #expect(again.outline?.version == 2)
        #expect(again.markdown() == report.markdown())
        // The shipped outline is not written into the model, so earlier snapshots read as before.
        #expect(!(try Self.report(outline: nil).modelText().contains("\"outline\"")))
    }

    @Test(
        "a wrong outline is refused with its line",
        arguments: [
            ("[báo cáo]\nBáo cáo của {{ten_don_vi}}.\n[phụ lục]", 2, "không có trường \"ten_don_vi\""),
            ("[báo cáo]\n{{> bang_so_lieu}}", 2, "không có phần \"bang_so_lieu\""),
            ("[báo cáo]\n{{#noi_bo}}\n# A\n[phụ lục]", 4, "khối {{#noi_bo}} mở ở dòng 2 chưa đóng"),
            ("[báo cáo]\n{{#noi_bo}}\n{{/co_de_xuat}}", 3, "không khớp khối {{#noi_bo}}"),
            ("[báo cáo]\n{{/noi_bo}}", 2, "không đóng khối nào"),
            ("[báo cáo]\n{{#mat}}", 2, "không có điều kiện \"mat\""),
            ("[báo cáo]\nMục {{so}}.", 2, "{{so}} (số thứ tự đề mục) chỉ dùng trong dòng đề mục"),
            ("[báo cáo]\nKỳ {{ky", 2, "\"{{\" chưa có \"}}\""),
            ("[báo cáo]\nA {{> nhiem_vu}} B", 2, "phải đứng riêng trên một dòng"),
            ("Báo cáo", 1, "mẫu bắt đầu bằng dòng [báo cáo]"),
            ("[báo cáo]\n# A", 3, "mẫu không có mục [phụ lục]"),
            ("[báo cáo]\n[phụ lục]\ntiêu đề: P\ntên bảng: T\nkèm theo: K", 6, "ít nhất một dòng \"cột:\""),
            ("[báo cáo]\n[phụ lục]\ncột: stt | STT | rộng", 3, "không phải \"rộng\""),
            ("[báo cáo]\n[phụ lục]\ncột: don_vi | Đơn vị | 5", 3, "không có nội dung cột \"don_vi\""),
            ("[báo cáo]\n[phụ lục]\nghi chú: x", 3, "không có mục \"ghi chú\""),
            ("[báo cáo]\n[phụ lục]\ncột: stt | STT | 5\n[báo cáo]", 4, "chỉ có một"),
        ])
    func refused(text: String, line: Int, reason: String) {
        #expect {
            try ReportOutline(parsing: text)
        } throws: { error in
            guard let error = error as? ReportOutlineError else { return false }
            return error.line == line && error.description.contains(reason)
        }
    }

    @Test("an unknown placeholder's message lists the ones there are")
    func knownNames() throws {
        do {
            _ = try ReportOutline(parsing: "[báo cáo]\n# {{so}} {{co_quann}}")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("dòng 2: không có trường \"co_quann\"; các trường dùng được: co_quan,"))
            #expect(error.description.hasSuffix(", so"))
        }
    }

    @Test("input is NFC: a decomposed outline reads as the composed one")
    func decomposed() throws {
        let decomposed = Self.provincial.decomposedStringWithCanonicalMapping.replacingOccurrences(of: "\n", with: "\r\n")
        let outline = try ReportOutline(parsing: decomposed)
        #expect(outline.source == Self.provincial)
        #expect(try Self.report(outline: outline).markdown() == (try Self.report(outline: ReportOutline(parsing: Self.provincial)).markdown()))
    }
}
