/// Paragraph alignment (w:jc).
public enum DocxAlignment: String, Sendable, Hashable {
    case left, center, right
    /// Justified.
    case both
}

/// Line spacing of a paragraph (w:spacing w:line / w:lineRule).
public enum DocxLineSpacing: Sendable, Hashable {
    /// A multiple of single spacing (1.0, 1.15, 1.5).
    case multiple(Double)
    /// Exactly this height.
    case exactly(DocxLength)
    /// At least this height.
    case atLeast(DocxLength)
}

/// A border line (paragraph or table): style, width in eighths of a point, colour and spacing.
public struct DocxBorder: Sendable, Hashable {
    /// Border line style (ST_Border subset).
    public enum Style: String, Sendable, Hashable {
        case single, double, dotted, dashed, thick
    }

    public var style: Style
    /// Width in eighths of a point (w:sz): 4 = ½ pt, 6 = ¾ pt, 8 = 1 pt.
    public var width: Int
    /// Hex RGB or "auto".
    public var color: String
    /// Distance from the text in points (w:space, 0…31).
    public var space: Int

    public init(style: Style = .single, width: Int = 6, color: String = "000000", space: Int = 1) {
        self.style = style
        self.width = width
        self.color = color
        self.space = space
    }

    public static let single = DocxBorder()
}

/// A paragraph: runs plus paragraph formatting; nil properties inherit from the document defaults.
public struct DocxParagraph: Sendable, Hashable {
    public var runs: [DocxRun]
    public var alignment: DocxAlignment?
    public var leftIndent: DocxLength?
    public var rightIndent: DocxLength?
    /// Positive: first-line indent; negative: hanging indent.
    public var firstLineIndent: DocxLength?
    public var spacingBefore: DocxLength?
    public var spacingAfter: DocxLength?
    public var lineSpacing: DocxLineSpacing?
    public var keepNext: Bool
    public var keepLines: Bool
    public var pageBreakBefore: Bool
    /// A line under the paragraph, as wide as the paragraph between its indents.
    public var bottomBorder: DocxBorder?
    /// w:outlineLvl (0 = level 1), shown in Word's navigation pane.
    public var outlineLevel: Int?
    /// Formatting applied to every run (run formats override it) and to the paragraph mark.
    public var runFormat: DocxRunFormat

    public init(
        _ runs: [DocxRun] = [], alignment: DocxAlignment? = nil, leftIndent: DocxLength? = nil,
        rightIndent: DocxLength? = nil, firstLineIndent: DocxLength? = nil, spacingBefore: DocxLength? = nil,
        spacingAfter: DocxLength? = nil, lineSpacing: DocxLineSpacing? = nil, keepNext: Bool = false,
        keepLines: Bool = false, pageBreakBefore: Bool = false, bottomBorder: DocxBorder? = nil,
        outlineLevel: Int? = nil, runFormat: DocxRunFormat = DocxRunFormat()
    ) {
        self.runs = runs
        self.alignment = alignment
        self.leftIndent = leftIndent
        self.rightIndent = rightIndent
        self.firstLineIndent = firstLineIndent
        self.spacingBefore = spacingBefore
        self.spacingAfter = spacingAfter
        self.lineSpacing = lineSpacing
        self.keepNext = keepNext
        self.keepLines = keepLines
        self.pageBreakBefore = pageBreakBefore
        self.bottomBorder = bottomBorder
        self.outlineLevel = outlineLevel
        self.runFormat = runFormat
    }

    /// A paragraph of one text run formatted with `format`.
    public init(text: String, format: DocxRunFormat = DocxRunFormat(), alignment: DocxAlignment? = nil) {
        self.init([DocxRun(.text(text))], alignment: alignment, runFormat: format)
    }

    /// A short horizontal rule centred in a column `available` wide (for a table cell: the cell width minus
    /// its left and right padding): an empty, 1 pt high paragraph whose bottom border is drawn between
    /// indents, so it is `width` long. Renders the same in Word and LibreOffice and moves with the text
    /// (no floating shape); `spacingBefore` keeps it off the descenders above, `spacingAfter` keeps the
    /// next line off the rule.
    public static func rule(
        width: DocxLength, centredIn available: DocxLength, border: DocxBorder = DocxBorder(width: 6, space: 0),
        spacingBefore: DocxLength = .pt(2), spacingAfter: DocxLength = .pt(6)
    ) -> DocxParagraph {
        let indent = DocxLength(twips: max(0, (available.twips - width.twips) / 2))
        return DocxParagraph(
            [], leftIndent: indent, rightIndent: indent, spacingBefore: spacingBefore, spacingAfter: spacingAfter,
            lineSpacing: .exactly(.pt(1)), bottomBorder: border, runFormat: DocxRunFormat(size: .halfPoints(2)))
    }
}
