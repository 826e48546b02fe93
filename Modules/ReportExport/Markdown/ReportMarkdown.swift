import PlanCore

/// A readable Markdown preview of the report with the sections of the Word document: header, title,
/// I–IV, Nơi nhận and signature, then the Phụ lục table.
extension Report {
    /// The Markdown text (UTF-8, LF line ends, final newline).
    public func markdown() -> String {
        var md = MarkdownWriter()
        if let mark = ReportMarking.text(self) { md.paragraph("> **\(MarkdownWriter.escape(mark))**") }
        let header = ReportHeader(self)
        md.line("| \(MarkdownWriter.escape(header.parentLine)) | \(MarkdownWriter.escape(ReportHeader.nation)) |")
        md.line("| :---: | :---: |")
        md.line("| **\(MarkdownWriter.escape(header.issuerLine))** | **\(MarkdownWriter.escape(ReportHeader.motto))** |")
        md.line("| \(MarkdownWriter.escape(header.numberLine)) | *\(MarkdownWriter.escape(header.dateLine))* |")
        md.line()
        md.paragraph("# BÁO CÁO")
        md.paragraph("**\(MarkdownWriter.escape(title))**")
        for block in ReportNarrative.body(self) { md.block(block) }
        md.paragraph("---")
        md.paragraph("***Nơi nhận:***")
        for line in Distribution.lines(distribution) { md.line("- " + MarkdownWriter.escape(String(line.dropFirst(2)))) }
        md.line()
        for line in ReportHeader.signatureLines(signer) { md.paragraph("**\(MarkdownWriter.escape(line))**") }
        if let name = signer.name, !name.isEmpty { md.paragraph("**\(MarkdownWriter.escape(name))**") }
        md.paragraph("---")
        md.paragraph("## \(MarkdownWriter.escape(ReportAnnex.heading(self)))")
        md.paragraph("**\(MarkdownWriter.escape(ReportAnnex.title(self)))**")
        md.paragraph("*\(MarkdownWriter.escape(ReportAnnex.attachment(self)))*")
        md.table(ReportAnnex.table(self))
        var text = md.text
        while text.hasSuffix("\n\n") { text.removeLast() }
        return text
    }
}
