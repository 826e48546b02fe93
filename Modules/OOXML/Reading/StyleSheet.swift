/// The styles of word/styles.xml reduced to what the reader resolves: outline levels, numbering,
/// alignment, page breaks, bold/italic/caps/hidden, through basedOn chains and document defaults.
struct StyleSheet: Sendable {
    /// One w:style.
    struct Style: Sendable {
        var type: String
        var name: String?
        var basedOn: String?
        var paragraph: ParagraphProperties
        var run: RunProperties
    }

    private(set) var styles: [String: Style] = [:]
    private(set) var defaultParagraphStyleID: String?
    private var defaultParagraph = ParagraphProperties()
    private var defaultRun = RunProperties()

    /// An empty sheet (no styles.xml).
    init() {}

    init(_ root: XMLTree) {
        if let defaults = root.child("w:docDefaults") {
            defaultParagraph = ParagraphProperties(defaults.child("w:pPrDefault")?.child("w:pPr"))
            defaultRun = RunProperties(defaults.child("w:rPrDefault")?.child("w:rPr"))
        }
        for element in root.children("w:style") {
            guard let id = element["w:styleId"] else { continue }
            let type = element["w:type"] ?? "paragraph"
            let style = Style(
                type: type, name: element.value(of: "w:name"), basedOn: element.value(of: "w:basedOn"),
                paragraph: ParagraphProperties(element.child("w:pPr")), run: RunProperties(element.child("w:rPr")))
            if styles[id] == nil { styles[id] = style }
            if type == "paragraph", defaultParagraphStyleID == nil, let flag = element["w:default"],
                flag == "1" || flag == "true" || flag == "on"
            {
                defaultParagraphStyleID = id
            }
        }
    }

    /// The style chain starting at `id` (the style itself first), cycles and runaway chains cut.
    func chain(_ id: String?) -> [Style] {
        var result: [Style] = []
        var seen: Set<String> = []
        var current = id
        while let key = current, !seen.contains(key), seen.count < 32, let style = styles[key] {
            seen.insert(key)
            result.append(style)
            current = style.basedOn
        }
        return result
    }

    /// A paragraph property resolved through the paragraph style chain, then document defaults.
    func paragraphValue<T>(_ styleID: String?, _ property: KeyPath<ParagraphProperties, T?>) -> T? {
        for style in chain(styleID ?? defaultParagraphStyleID) {
            if let value = style.paragraph[keyPath: property] { return value }
        }
        return defaultParagraph[keyPath: property]
    }

    /// A run property resolved through the character style chain, the paragraph style chain, then defaults.
    func runValue<T>(characterStyle: String?, paragraphStyle: String?, _ property: KeyPath<RunProperties, T?>) -> T? {
        for style in chain(characterStyle) {
            if let value = style.run[keyPath: property] { return value }
        }
        for style in chain(paragraphStyle ?? defaultParagraphStyleID) {
            if let value = style.run[keyPath: property] { return value }
        }
        return defaultRun[keyPath: property]
    }

    /// The outline level of a paragraph style: w:outlineLvl in its chain (9 = body text → nil),
    /// else the built-in name "heading N" → N - 1.
    func outlineLevel(ofStyle id: String?) -> Int? {
        for style in chain(id ?? defaultParagraphStyleID) {
            if let level = style.paragraph.outlineLevel { return (0...8).contains(level) ? level : nil }
            if let name = style.name?.lowercased(), name.hasPrefix("heading "),
                let number = Int(name.dropFirst(8)), (1...9).contains(number)
            {
                return number - 1
            }
        }
        return nil
    }
}
