/// Character formatting of a run; nil properties inherit from the paragraph and document defaults.
public struct DocxRunFormat: Sendable, Hashable {
    public var bold: Bool?
    public var italic: Bool?
    public var underline: Bool?
    public var size: DocxFontSize?
    public var font: String?
    /// Hex RGB ("FF0000"); nil inherits (automatic, i.e. black).
    public var color: String?
    /// Display in capitals without changing the text (w:caps).
    public var allCaps: Bool?

    public init(
        bold: Bool? = nil, italic: Bool? = nil, underline: Bool? = nil, size: DocxFontSize? = nil,
        font: String? = nil, color: String? = nil, allCaps: Bool? = nil
    ) {
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.size = size
        self.font = font
        self.color = color
        self.allCaps = allCaps
    }

    /// True when nothing is set.
    var isEmpty: Bool {
        bold == nil && italic == nil && underline == nil && size == nil && font == nil && color == nil && allCaps == nil
    }
}

/// A run: text (where "\t" is a tab and "\n" a line break) or a special element, with its formatting.
public struct DocxRun: Sendable, Hashable {
    /// What the run holds.
    public enum Content: Sendable, Hashable {
        /// Text; "\t" becomes <w:tab/>, "\n" (or "\r\n") becomes <w:br/>; characters illegal in XML are dropped.
        case text(String)
        /// A page break (<w:br w:type="page"/>).
        case pageBreak
        /// A field such as "PAGE" or "NUMPAGES", with the result shown until the field is updated.
        case field(instruction: String, placeholder: String)
    }

    public var content: Content
    public var format: DocxRunFormat
    /// An external hyperlink target (URL) for this run, or nil.
    public var link: String?

    public init(_ content: Content, format: DocxRunFormat = DocxRunFormat(), link: String? = nil) {
        self.content = content
        self.format = format
        self.link = link
    }

    /// A text run.
    public init(
        _ text: String, bold: Bool? = nil, italic: Bool? = nil, underline: Bool? = nil, size: DocxFontSize? = nil,
        font: String? = nil, link: String? = nil
    ) {
        self.init(
            .text(text), format: DocxRunFormat(bold: bold, italic: italic, underline: underline, size: size, font: font),
            link: link)
    }
}
