import OOXML

/// A report laid out like Nghị định 30/2020/NĐ-CP: header table with short rules, centred title,
/// justified body, signature table, then a landscape annex with a bordered table whose header repeats.
enum SampleDocument {
    static let portraitMargins = DocxMargins(top: .mm(20), bottom: .mm(20), left: .mm(30), right: .mm(15), header: .mm(10))
    static let landscapeMargins = DocxMargins(top: .mm(30), bottom: .mm(15), left: .mm(20), right: .mm(20), header: .mm(10))

    static func paragraph(
        _ text: String, size: Double = 14, bold: Bool? = nil, italic: Bool? = nil, alignment: DocxAlignment = .center,
        after: DocxLength = .zero
    ) -> DocxParagraph {
        var paragraph = DocxParagraph(
            text: text, format: DocxRunFormat(bold: bold, italic: italic, size: .pt(size)), alignment: alignment)
        paragraph.spacingAfter = after
        return paragraph
    }

    static func body(_ text: String) -> DocxBlock {
        .paragraph(DocxParagraph(
            [DocxRun(text)], alignment: .both, firstLineIndent: .cm(1.27), spacingBefore: .pt(6), lineSpacing: .multiple(1.15)))
    }

    static func report(annexRows: Int = 40) -> DocxDocument {
        var first = DocxSection(margins: portraitMargins)
        first.numberPagesFromSecondPage(format: DocxRunFormat(size: .pt(13)))
        let left = DocxLength.mm(62), right = first.textWidth - .mm(62)
        let header = DocxTable(
            columnWidths: [left, right],
            rows: [DocxTableRow([
                DocxTableCell([
                    paragraph("UBND TỈNH BÌNH PHƯỚC", size: 13), paragraph("SỞ TƯ PHÁP", size: 13, bold: true),
                    .rule(width: .mm(20), centredIn: left - .twips(216)),
                    paragraph("Số: 05/BC-STP", size: 13),
                ]),
                DocxTableCell([
                    paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size: 13, bold: true),
                    paragraph("Độc lập - Tự do - Hạnh phúc", size: 14, bold: true),
                    .rule(width: .mm(60), centredIn: right - .twips(216)),
                    paragraph("Bình Phước, ngày 05 tháng 01 năm 2025", size: 14, italic: true, after: .pt(6)),
                ]),
            ])],
            border: nil)
        var blocks: [DocxBlock] = [
            .table(header),
            .paragraph(paragraph("BÁO CÁO", bold: true)),
            .paragraph(paragraph("Kết quả thông tin, tuyên truyền cải cách hành chính năm 2024", bold: true, after: .pt(12))),
            .paragraph(DocxParagraph(
                [DocxRun("I. KẾT QUẢ THỰC HIỆN", bold: true)], alignment: .both, firstLineIndent: .cm(1.27),
                spacingBefore: .pt(6), keepNext: true, outlineLevel: 0)),
        ]
        for index in 1...14 {
            blocks.append(body(
                "\(index). Đoạn nội dung số \(index): Sở Tư pháp đã triển khai thực hiện các nhiệm vụ thông tin, "
                    + "tuyên truyền cải cách hành chính theo Kế hoạch số 45/KH-STP ngày 02/4/2024; đăng tải tin, "
                    + "bài trên Trang thông tin điện tử, lồng ghép nội dung trong các hội nghị phổ biến, giáo dục pháp "
                    + "luật & tuyên truyền về dịch vụ công trực tuyến <mức độ 4> cho người dân, doanh nghiệp."))
        }
        blocks.append(body("Trên đây là báo cáo kết quả thông tin, tuyên truyền cải cách hành chính năm 2024./."))
        let recipients: [DocxParagraph] = [
            paragraph("Nơi nhận:", size: 12, bold: true, italic: true, alignment: .left),
            paragraph("- Sở Nội vụ;", size: 11, alignment: .left),
            paragraph("- Lưu: VT, VP.", size: 11, alignment: .left),
        ]
        let signature: [DocxParagraph] = [
            paragraph("GIÁM ĐỐC", bold: true, after: .pt(60)), paragraph("Trần Văn B", bold: true),
        ]
        blocks.append(.paragraph(DocxParagraph(spacingAfter: .pt(6))))
        blocks.append(.table(DocxTable(
            columnWidths: [left, right], rows: [DocxTableRow([DocxTableCell(recipients), DocxTableCell(signature)])],
            border: nil)))
        first.blocks = blocks

        var annex = DocxSection(orientation: .landscape, margins: landscapeMargins)
        let widths: [DocxLength] = [.mm(12), .mm(90), .mm(45), .mm(45), .mm(30), .mm(35)]
        let bold = DocxRunFormat(bold: true, size: .pt(12))
        let plain = DocxRunFormat(size: .pt(12))
        let columns = ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian", "Kết quả"]
        var rows = [DocxTableRow(
            columns.map { DocxTableCell(text: $0, format: bold, alignment: .center, verticalAlignment: .center) },
            isHeader: true, cantSplit: true)]
        rows.append(DocxTableRow([
            DocxTableCell(text: "I", format: bold, alignment: .center),
            DocxTableCell(text: "NHÓM NHIỆM VỤ TUYÊN TRUYỀN", format: bold, gridSpan: 5),
        ]))
        for index in 1...annexRows {
            rows.append(DocxTableRow([
                DocxTableCell(text: "\(index)", format: plain, alignment: .center),
                DocxTableCell(text: "Nhiệm vụ số \(index): đăng tải tin, bài về cải cách hành chính", format: plain),
                DocxTableCell(text: "Văn phòng Sở", format: plain),
                DocxTableCell(text: "Các phòng, đơn vị thuộc Sở", format: plain),
                DocxTableCell(text: "Quý \(index % 4 + 1)/2024", format: plain, alignment: .center),
                DocxTableCell(text: index % 3 == 0 ? "Đang thực hiện" : "Hoàn thành", format: plain),
            ], cantSplit: true))
        }
        annex.blocks = [
            .paragraph(paragraph("Phụ lục", bold: true)),
            .paragraph(paragraph("KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024", bold: true)),
            .paragraph(paragraph(
                "(Kèm theo Báo cáo số 05/BC-STP ngày 05/01/2025 của Sở Tư pháp)", italic: true, after: .pt(12))),
            .table(DocxTable(columnWidths: widths, rows: rows)),
        ]
        return DocxDocument(
            sections: [first, annex], properties: DocxProperties(title: "Báo cáo 05/BC-STP", creator: "cchc"))
    }
}
