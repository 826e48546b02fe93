/// Memoised style resolution for the document walk: each (character style, paragraph style) pair and
/// each paragraph style is resolved through its basedOn chain once.
struct StyleResolver {
    /// Effective run formatting before direct run properties.
    struct RunFormatting: Sendable {
        var bold: Bool
        var italic: Bool
        var caps: Bool
        var hidden: Bool
    }

    /// Effective paragraph-style properties before direct paragraph properties.
    struct ParagraphFormatting: Sendable {
        var outlineLevel: Int?
        var alignment: String?
        var pageBreakBefore: Bool
        var numberingID: String?
        var numberingLevel: Int?
    }

    private struct RunKey: Hashable {
        var characterStyle: String?
        var paragraphStyle: String?
    }

    let styles: StyleSheet
    private var runCache: [RunKey: RunFormatting] = [:]
    private var paragraphCache: [String: ParagraphFormatting] = [:]
    private var unstyledParagraph: ParagraphFormatting?

    init(styles: StyleSheet) {
        self.styles = styles
    }

    /// Run formatting inherited from the character style chain, the paragraph style chain and defaults.
    mutating func run(characterStyle: String?, paragraphStyle: String?) -> RunFormatting {
        let key = RunKey(characterStyle: characterStyle, paragraphStyle: paragraphStyle)
        if let cached = runCache[key] { return cached }
        func value(_ property: KeyPath<RunProperties, Bool?>) -> Bool {
            styles.runValue(characterStyle: characterStyle, paragraphStyle: paragraphStyle, property) ?? false
        }
        let formatting = RunFormatting(
            bold: value(\.bold), italic: value(\.italic), caps: value(\.caps), hidden: value(\.hidden))
        runCache[key] = formatting
        return formatting
    }

    /// Paragraph properties inherited from the paragraph style chain (or the default style) and defaults.
    mutating func paragraph(style: String?) -> ParagraphFormatting {
        if let style, let cached = paragraphCache[style] { return cached }
        if style == nil, let cached = unstyledParagraph { return cached }
        let formatting = ParagraphFormatting(
            outlineLevel: styles.outlineLevel(ofStyle: style),
            alignment: styles.paragraphValue(style, \.alignment),
            pageBreakBefore: styles.paragraphValue(style, \.pageBreakBefore) ?? false,
            numberingID: styles.paragraphValue(style, \.numberingID),
            numberingLevel: styles.paragraphValue(style, \.numberingLevel))
        if let style { paragraphCache[style] = formatting } else { unstyledParagraph = formatting }
        return formatting
    }
}
