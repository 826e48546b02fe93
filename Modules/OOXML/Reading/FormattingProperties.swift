/// The paragraph properties (w:pPr) the reader cares about; nil means "not set here".
struct ParagraphProperties: Sendable, Equatable {
    var styleID: String?
    var numberingID: String?
    var numberingLevel: Int?
    var outlineLevel: Int?
    var alignment: String?
    var pageBreakBefore: Bool?

    /// Reads the direct children of a w:pPr element (tracked changes w:pPrChange are ignored).
    init(_ element: XMLTree?) {
        guard let element else { return }
        for child in element.children { apply(XMLStartTag(name: child.name, attributes: child.attributes)) }
        if let numPr = element.child("w:numPr") {
            for child in numPr.children { applyNumbering(XMLStartTag(name: child.name, attributes: child.attributes)) }
        }
    }

    init() {}

    /// Applies one child element of w:pPr.
    mutating func apply(_ tag: XMLStartTag) {
        switch tag.name {
        case "w:pStyle": styleID = tag["w:val"]
        case "w:outlineLvl": outlineLevel = tag["w:val"].flatMap { Int($0) }
        case "w:jc": alignment = tag["w:val"].map(Self.normalisedAlignment)
        case "w:pageBreakBefore": pageBreakBefore = OnOff.value(tag)
        default: break
        }
    }

    /// Applies one child element of w:numPr.
    mutating func applyNumbering(_ tag: XMLStartTag) {
        switch tag.name {
        case "w:numId": numberingID = tag["w:val"]
        case "w:ilvl": numberingLevel = tag["w:val"].flatMap { Int($0) }
        default: break
        }
    }

    /// Maps w:jc values to "left", "center", "right", "both" (start/end and the justified variants folded).
    static func normalisedAlignment(_ value: String) -> String {
        switch value {
        case "start", "left": "left"
        case "end", "right": "right"
        case "center": "center"
        case "both", "distribute", "thaiDistribute", "lowKashida", "mediumKashida", "highKashida": "both"
        default: value
        }
    }
}

/// The run properties (w:rPr) the reader cares about; nil means "not set here".
struct RunProperties: Sendable, Equatable {
    var styleID: String?
    var bold: Bool?
    var italic: Bool?
    var caps: Bool?
    var hidden: Bool?

    init() {}

    /// Reads the direct children of a w:rPr element.
    init(_ element: XMLTree?) {
        guard let element else { return }
        for child in element.children { apply(XMLStartTag(name: child.name, attributes: child.attributes)) }
    }

    /// Applies one child element of w:rPr.
    mutating func apply(_ tag: XMLStartTag) {
        switch tag.name {
        case "w:rStyle": styleID = tag["w:val"]
        case "w:b": bold = OnOff.value(tag)
        case "w:i": italic = OnOff.value(tag)
        case "w:caps": caps = OnOff.value(tag)
        case "w:vanish": hidden = OnOff.value(tag)
        default: break
        }
    }
}

/// ST_OnOff: an absent w:val means on; "0", "false", "off" mean off.
enum OnOff {
    static func value(_ tag: XMLStartTag) -> Bool {
        switch tag["w:val"] {
        case "0", "false", "off": false
        default: true
        }
    }
}
