import Foundation
import OOXML

/// The periodic report as a Word document in the Nghị định 30/2020 layout (domain.md §6): portrait A4
/// with the header table, "BÁO CÁO" and trích yếu, sections I–IV ending "./.", Nơi nhận and signature,
/// page numbers from page 2; then a landscape Phụ lục with every activity. Drafts print "DỰ THẢO" above
/// the header, superseded snapshots "BẢN ĐÃ ĐƯỢC THAY THẾ".
extension Report {
    /// The WordprocessingML document model.
    public func docxDocument() -> DocxDocument {
        var first = Nd30Composer.portrait([])
        let width = first.textWidth
        var blocks = Nd30Composer.header(ReportHeader(self), marking: ReportMarking.text(self), width: width)
        blocks += Nd30Composer.title(type: "BÁO CÁO", title: title, width: width)
        blocks += Nd30Composer.body(ReportNarrative.body(self), width: width)
        Nd30Composer.keepWithNext(&blocks)
        blocks += Nd30Composer.signature(distribution: distribution, signer: signer, width: width)
        first.blocks = blocks
        let annex = Nd30Composer.annex(
            heading: ReportAnnex.heading(self), title: ReportAnnex.title(self), attachment: ReportAnnex.attachment(self),
            table: ReportAnnex.table(self))
        return Nd30Composer.document([first, annex], properties: DocumentMetadata.properties(self))
    }

    /// The .docx bytes; the same report always gives the same bytes.
    public func docxData() -> Data { docxDocument().docxData() }
}
