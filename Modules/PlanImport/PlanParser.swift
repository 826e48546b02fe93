import PlanCore

/// Blocks → `PlanDocument`: the reading of a plan, independent of the file format.
enum PlanParser {
    static func parse(_ input: [Block], source: PlanDocument.Source, notes: [Diagnostic] = []) -> PlanDocument {
        let blocks = ParagraphJoiner.join(flattenLayoutTables(input))
        let layout = DocumentLayout(blocks)
        func paragraphs(_ range: Range<Int>) -> [Paragraph] { range.compactMap { blocks[$0].paragraph } }

        let header = DocumentHeaderParser.parse(paragraphs(layout.header))
        let preamble = (paragraphs(layout.preamble) + paragraphs(layout.planPreamble)).map(\.text)
        let parent = ParentReferenceParser.parse(preamble, ownCode: header.code?.code, title: layout.title)
        let outline = OutlineBuilder.build(blocks, body: layout.body, annex: layout.annex)
        let closing = SignatureParser.parse(paragraphs(layout.closing))

        var warnings = notes + header.warnings
        if header.code == nil {
            warnings.append(
                Diagnostic(
                    code: "missing-number",
                    message: "Không tìm thấy số, ký hiệu văn bản (dòng “Số: …”) ở phần đầu văn bản.", location: nil))
        }
        if header.dateText == nil {
            warnings.append(
                Diagnostic(
                    code: "missing-date",
                    message: "Không tìm thấy địa danh, ngày tháng ban hành ở phần đầu văn bản.", location: nil))
        }
        warnings += NumberingChecker.check(outline)

        let planYear = PlanYear.fromTitle(layout.title) ?? header.date?.year ?? parent?.issuedOn?.year
        let (activities, activityWarnings) = ActivityFinisher.finish(
            ActivityExtractor.extract(outline), planYear: planYear)
        warnings += activityWarnings
        if activities.isEmpty {
            warnings.append(
                Diagnostic(
                    code: "no-activities",
                    message: "Không tìm thấy hoạt động nào (không có mục nào ghi đơn vị chủ trì, thời gian thực hiện, "
                        + "và không có bảng nhiệm vụ); cần kiểm tra lại văn bản.",
                    location: nil))
        }

        let code = header.code
        let typeName = layout.typeName ?? code?.type.flatMap(DocumentTypes.name(of:))
        let identity = DocumentIdentity(
            code: code?.code, number: code?.number, symbol: code?.symbol, type: code?.type ?? typeAbbreviation(typeName),
            typeName: typeName, title: layout.title,
            issuer: header.issuer ?? DocumentHeaderParser.issuerFromBody(preamble), issuerParent: header.issuerParent,
            place: header.place, issuedOn: header.date?.value, dateText: header.dateText, year: planYear,
            signer: closing.signer, recipients: closing.recipients)
        return PlanDocument(
            source: source, document: identity, parent: parent, sections: SectionTreeBuilder.sections(outline),
            activities: activities, responsibilities: ResponsibilityExtractor.extract(outline), warnings: warnings)
    }

    private static func typeAbbreviation(_ name: String?) -> String? {
        name.flatMap(DocumentTypes.abbreviation(of:))
    }

    /// Tables that are not task tables (the header and signature tables, forms) are read as their
    /// cells' paragraphs, row by row, left to right.
    static func flattenLayoutTables(_ blocks: [Block]) -> [Block] {
        var result: [Block] = []
        result.reserveCapacity(blocks.count)
        for block in blocks {
            guard case .table(let table) = block, !AnnexTableReader.isTaskTable(table) else {
                result.append(block)
                continue
            }
            for row in table.rows {
                for cell in row.cells where !cell.continuesMerge {
                    for line in cell.lines where !line.isEmpty {
                        result.append(
                            .paragraph(
                                Paragraph(text: line, columns: [line], location: row.location, inLayoutTable: true)))
                    }
                }
            }
        }
        return result
    }
}
