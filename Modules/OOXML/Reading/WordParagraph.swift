/// A paragraph read from WordprocessingML: its visible text plus the hints needed to recognise structure.
public struct WordParagraph: Sendable, Equatable {
    /// Visible text: runs concatenated; <w:tab/> → "\t"; <w:br/> (text-wrapping) and <w:cr/> → "\n";
    /// <w:br w:type="page"/> is NOT in the text (see pageBreakBefore); <w:noBreakHyphen/> → "-";
    /// <w:sym> ignored; deleted text (<w:del>) skipped, inserted text (<w:ins>) kept; field codes
    /// (<w:instrText>) skipped, field results kept; hidden runs (<w:vanish/>) skipped; runs formatted
    /// <w:caps/> are upper-cased as Word displays them. Not trimmed. Not NFC-normalised.
    public var text: String
    /// The auto-numbering label restored from word/numbering.xml, as Word would print it
    /// ("I.", "1.", "a)", "-", "1.1."), or nil when the paragraph is not numbered (or the level prints nothing).
    public var numberingLabel: String?
    /// The numbering level (ilvl, 0-based) when numbered, else nil.
    public var numberingLevel: Int?
    /// The paragraph style id (w:pStyle), e.g. "Heading1", or nil.
    public var styleID: String?
    /// The resolved outline level (0 = Heading 1) from the paragraph or its style chain, else nil.
    public var outlineLevel: Int?
    /// True when a page break (<w:br w:type="page"/> or <w:pageBreakBefore/>) occurs before or inside
    /// this paragraph's text; lastRenderedPageBreak is not counted.
    public var pageBreakBefore: Bool
    /// All visible (non-whitespace) runs are bold; false when there is no visible text.
    public var isBold: Bool
    /// All visible (non-whitespace) runs are italic; false when there is no visible text.
    public var isItalic: Bool
    /// The paragraph's alignment ("center", "both", "left", "right") or nil when not set.
    public var alignment: String?

    public init(
        text: String, numberingLabel: String? = nil, numberingLevel: Int? = nil, styleID: String? = nil,
        outlineLevel: Int? = nil, pageBreakBefore: Bool = false, isBold: Bool = false, isItalic: Bool = false,
        alignment: String? = nil
    ) {
        self.text = text
        self.numberingLabel = numberingLabel
        self.numberingLevel = numberingLevel
        self.styleID = styleID
        self.outlineLevel = outlineLevel
        self.pageBreakBefore = pageBreakBefore
        self.isBold = isBold
        self.isItalic = isItalic
        self.alignment = alignment
    }
}
