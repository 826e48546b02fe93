/// Page orientation of a section.
public enum DocxOrientation: Sendable, Hashable { case portrait, landscape }

/// Page margins and header/footer distances from the page edge.
public struct DocxMargins: Sendable, Hashable {
    public var top: DocxLength
    public var bottom: DocxLength
    public var left: DocxLength
    public var right: DocxLength
    /// Distance from the top edge to the header.
    public var header: DocxLength
    /// Distance from the bottom edge to the footer.
    public var footer: DocxLength

    public init(
        top: DocxLength, bottom: DocxLength, left: DocxLength, right: DocxLength, header: DocxLength = .mm(10),
        footer: DocxLength = .mm(10)
    ) {
        self.top = top
        self.bottom = bottom
        self.left = left
        self.right = right
        self.header = header
        self.footer = footer
    }
}

/// A section: page setup, headers/footers and body blocks. Each section after the first starts on a new page.
public struct DocxSection: Sendable, Hashable {
    /// Paper width and height in portrait (A4: 210 × 297 mm = 11906 × 16838 twips).
    public var paperWidth: DocxLength
    public var paperHeight: DocxLength
    public var orientation: DocxOrientation
    public var margins: DocxMargins
    /// The header of every page (or every page but the first when `firstPageHeader` is set); nil inherits
    /// the previous section's header (Word's "link to previous").
    public var header: [DocxParagraph]?
    /// When set, the first page of the section gets this header instead (w:titlePg); `[]` gives an empty
    /// first-page header, e.g. for "page numbers from page 2".
    public var firstPageHeader: [DocxParagraph]?
    public var footer: [DocxParagraph]?
    public var firstPageFooter: [DocxParagraph]?
    /// Restart page numbering at this value, or nil to continue.
    public var pageNumberStart: Int?
    public var blocks: [DocxBlock]

    public init(
        blocks: [DocxBlock] = [], orientation: DocxOrientation = .portrait, margins: DocxMargins,
        paperWidth: DocxLength = .twips(11906), paperHeight: DocxLength = .twips(16838),
        header: [DocxParagraph]? = nil, firstPageHeader: [DocxParagraph]? = nil, footer: [DocxParagraph]? = nil,
        firstPageFooter: [DocxParagraph]? = nil, pageNumberStart: Int? = nil
    ) {
        self.blocks = blocks
        self.orientation = orientation
        self.margins = margins
        self.paperWidth = paperWidth
        self.paperHeight = paperHeight
        self.header = header
        self.firstPageHeader = firstPageHeader
        self.footer = footer
        self.firstPageFooter = firstPageFooter
        self.pageNumberStart = pageNumberStart
    }

    /// The width between the margins for the section's orientation.
    public var textWidth: DocxLength {
        (orientation == .portrait ? paperWidth : paperHeight) - margins.left - margins.right
    }

    /// A header paragraph holding the centred current page number (a PAGE field) in `format`.
    public static func pageNumberHeader(format: DocxRunFormat = DocxRunFormat(size: .pt(13))) -> [DocxParagraph] {
        [DocxParagraph([DocxRun(.field(instruction: "PAGE", placeholder: "1"), format: format)], alignment: .center)]
    }

    /// Page numbers centred in the top margin on every page but the first (empty first-page header).
    public mutating func numberPagesFromSecondPage(format: DocxRunFormat = DocxRunFormat(size: .pt(13))) {
        header = Self.pageNumberHeader(format: format)
        firstPageHeader = []
    }
}
