import Foundation

/// Assembles the parts of a `DocxDocument` into a deterministic package.
struct DocxPackageWriter {
    let document: DocxDocument

    /// A header or footer part: its kind, file name and XML.
    private struct HeaderFooterPart {
        var isHeader: Bool
        var content: [DocxParagraph]
        var number: Int
        var fileName: String { (isHeader ? "header" : "footer") + "\(number).xml" }
        var relationshipID: String { (isHeader ? "rIdHeader" : "rIdFooter") + "\(number)" }
    }

    private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    private static let wordNamespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

    func package() -> Data {
        let sections = document.sections.isEmpty ? [DocxSection(margins: DocxPackageWriter.fallbackMargins)] : document.sections
        // Header/footer parts, deduplicated by content, numbered in order of first use.
        var parts: [HeaderFooterPart] = []
        var references: [[(type: String, part: HeaderFooterPart)]] = []
        for section in sections {
            var sectionReferences: [(String, HeaderFooterPart)] = []
            let slots: [(Bool, String, [DocxParagraph]?)] = [
                (true, "default", section.header), (true, "first", section.firstPageHeader),
                (false, "default", section.footer), (false, "first", section.firstPageFooter),
            ]
            for (isHeader, type, content) in slots {
                guard let content else { continue }
                let part: HeaderFooterPart
                if let existing = parts.first(where: { $0.isHeader == isHeader && $0.content == content }) {
                    part = existing
                } else {
                    part = HeaderFooterPart(
                        isHeader: isHeader, content: content, number: parts.filter { $0.isHeader == isHeader }.count + 1)
                    parts.append(part)
                }
                sectionReferences.append((type, part))
            }
            references.append(sectionReferences)
        }

        var body = WordprocessingWriter(capacity: Self.estimatedSize(sections))
        body.output.raw(Self.declaration + "<w:document \(Self.wordNamespaces)><w:body>")
        for (index, section) in sections.enumerated() {
            let properties = Self.sectionProperties(section, references: references[index])
            let isLast = index == sections.count - 1
            var blocks = section.blocks[...]
            var closingParagraph: DocxParagraph?
            if !isLast, case .paragraph(let paragraph)? = blocks.last {
                closingParagraph = paragraph
                blocks = blocks.dropLast()
            }
            for block in blocks { body.block(block) }
            if isLast {
                body.output.raw(properties)
            } else {
                let carrier = closingParagraph
                    ?? DocxParagraph(lineSpacing: .exactly(.pt(1)), runFormat: DocxRunFormat(size: .halfPoints(2)))
                body.paragraph(carrier, sectionProperties: properties)
            }
        }
        body.output.raw("</w:body></w:document>")

        var zip = DeterministicZipWriter()
        zip.add("[Content_Types].xml", Array(contentTypes(parts).utf8))
        CoreProperties.add(document.properties, application: document.application, main: "word/document.xml", to: &zip)
        zip.add("word/document.xml", body.output.bytes)
        zip.add("word/styles.xml", Array(styles().utf8))
        zip.add("word/settings.xml", Array(Self.settings(language: document.language).utf8))
        for part in parts { zip.add("word/" + part.fileName, Array(Self.headerFooter(part).utf8)) }
        zip.add("word/_rels/document.xml.rels", Array(documentRelationships(parts, hyperlinks: body.hyperlinks).utf8))
        return zip.archive()
    }

    /// About the size of `document.xml`: reserved at once, a 16 MB annex is not copied through every
    /// doubling of its buffer (which touched four times the memory it needed).
    static func estimatedSize(_ sections: [DocxSection]) -> Int {
        func paragraph(_ paragraph: DocxParagraph) -> Int {
            paragraph.runs.reduce(320) { total, run in
                if case .text(let text) = run.content { return total + 120 + text.utf8.count }
                return total + 400
            }
        }
        return sections.reduce(4096) { total, section in
            section.blocks.reduce(total + 1024) { total, block in
                switch block {
                case .paragraph(let p): return total + paragraph(p)
                case .table(let table):
                    return table.rows.reduce(total + 1024) { total, row in
                        row.cells.reduce(total + 64) { total, cell in
                            cell.paragraphs.reduce(total + 96) { $0 + paragraph($1) }
                        }
                    }
                }
            }
        }
    }

    static let fallbackMargins = DocxMargins(top: .mm(20), bottom: .mm(20), left: .mm(30), right: .mm(15))

    // MARK: - Sections

    private static func sectionProperties(_ section: DocxSection, references: [(type: String, part: HeaderFooterPart)]) -> String {
        var xml = "<w:sectPr>"
        for (type, part) in references where part.isHeader {
            xml += "<w:headerReference w:type=\"\(type)\" r:id=\"\(part.relationshipID)\"/>"
        }
        for (type, part) in references where !part.isHeader {
            xml += "<w:footerReference w:type=\"\(type)\" r:id=\"\(part.relationshipID)\"/>"
        }
        xml += "<w:type w:val=\"nextPage\"/>"
        let (width, height) =
            section.orientation == .portrait
            ? (section.paperWidth.twips, section.paperHeight.twips) : (section.paperHeight.twips, section.paperWidth.twips)
        xml += "<w:pgSz w:w=\"\(width)\" w:h=\"\(height)\""
        xml += section.orientation == .landscape ? " w:orient=\"landscape\"/>" : "/>"
        let margins = section.margins
        xml += "<w:pgMar w:top=\"\(margins.top.twips)\" w:right=\"\(margins.right.twips)\" "
        xml += "w:bottom=\"\(margins.bottom.twips)\" w:left=\"\(margins.left.twips)\" "
        xml += "w:header=\"\(margins.header.twips)\" w:footer=\"\(margins.footer.twips)\" w:gutter=\"0\"/>"
        if let start = section.pageNumberStart { xml += "<w:pgNumType w:start=\"\(max(start, 0))\"/>" }
        xml += "<w:cols w:space=\"720\"/>"
        if section.firstPageHeader != nil || section.firstPageFooter != nil { xml += "<w:titlePg/>" }
        xml += "<w:docGrid w:linePitch=\"360\"/></w:sectPr>"
        return xml
    }

    private static func headerFooter(_ part: HeaderFooterPart) -> String {
        let root = part.isHeader ? "w:hdr" : "w:ftr"
        var writer = WordprocessingWriter(capacity: 1024, allowsHyperlinks: false)
        writer.output.raw(declaration + "<\(root) \(wordNamespaces)>")
        if part.content.isEmpty { writer.output.raw("<w:p/>") }
        for paragraph in part.content { writer.paragraph(paragraph) }
        writer.output.raw("</\(root)>")
        return writer.output.string
    }

    // MARK: - Package parts

    private func contentTypes(_ parts: [HeaderFooterPart]) -> String {
        let main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        var xml = Self.declaration
        xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/word/document.xml\" ContentType=\"\(main).document.main+xml\"/>"
        xml += "<Override PartName=\"/word/styles.xml\" ContentType=\"\(main).styles+xml\"/>"
        xml += "<Override PartName=\"/word/settings.xml\" ContentType=\"\(main).settings+xml\"/>"
        for part in parts {
            xml += "<Override PartName=\"/word/\(part.fileName)\" ContentType=\"\(main).\(part.isHeader ? "header" : "footer")+xml\"/>"
        }
        return xml + CoreProperties.contentTypeOverrides(document.properties) + "</Types>"
    }

    private func documentRelationships(_ parts: [HeaderFooterPart], hyperlinks: [String]) -> String {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var xml = XMLOutput(capacity: 1024)
        xml.raw(Self.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
        xml.raw("<Relationship Id=\"rIdStyles\" Type=\"\(base)styles\" Target=\"styles.xml\"/>")
        xml.raw("<Relationship Id=\"rIdSettings\" Type=\"\(base)settings\" Target=\"settings.xml\"/>")
        for part in parts {
            xml.raw("<Relationship Id=\"\(part.relationshipID)\" Type=\"\(base)\(part.isHeader ? "header" : "footer")\" ")
            xml.raw("Target=\"\(part.fileName)\"/>")
        }
        for (index, target) in hyperlinks.enumerated() {
            xml.raw("<Relationship Id=\"rIdLink\(index + 1)\" Type=\"\(base)hyperlink\" Target=\"")
            xml.attribute(target)
            xml.raw("\" TargetMode=\"External\"/>")
        }
        xml.raw("</Relationships>")
        return xml.string
    }

    private func styles() -> String {
        var font = XMLOutput(capacity: 64)
        font.attribute(document.defaultFont)
        var language = XMLOutput(capacity: 16)
        language.attribute(document.language)
        let size = min(max(document.defaultFontSize.halfPoints, 1), 3276)
        var xml = Self.declaration + "<w:styles \(Self.wordNamespaces)><w:docDefaults><w:rPrDefault><w:rPr>"
        xml += "<w:rFonts w:ascii=\"\(font.string)\" w:eastAsia=\"\(font.string)\" w:hAnsi=\"\(font.string)\" "
        xml += "w:cs=\"\(font.string)\"/><w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>"
        xml += "<w:lang w:val=\"\(language.string)\" w:eastAsia=\"\(language.string)\" w:bidi=\"ar-SA\"/>"
        xml += "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
        xml += "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        xml += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
        xml += "<w:qFormat/></w:style>"
        xml += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
        xml += "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>"
        xml += "<w:unhideWhenUsed/></w:style>"
        xml += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
        xml += "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" "
        xml += "w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
        xml += "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
        xml += "</w:style><w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\">"
        xml += "<w:name w:val=\"No List\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"
        xml += "</w:styles>"
        return xml
    }

    private static func settings(language: String) -> String {
        var lang = XMLOutput(capacity: 16)
        lang.attribute(language)
        return declaration + "<w:settings \(wordNamespaces)><w:zoom w:percent=\"100\"/>"
            + "<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
            + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
            + "w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"\(lang.string)\"/></w:settings>"
    }

}
