/// One attribute of a start tag, its name kept as written ("w:val") and its value decoded.
public struct XMLAttribute: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A start tag: qualified name as written (or canonicalised, see `XMLPullParser`) and attributes.
public struct XMLStartTag: Sendable, Equatable {
    public var name: String
    public var attributes: [XMLAttribute]

    public init(name: String, attributes: [XMLAttribute] = []) {
        self.name = name
        self.attributes = attributes
    }

    /// The value of the attribute named `name`, if present.
    public subscript(_ name: String) -> String? {
        for attribute in attributes where attribute.name == name { return attribute.value }
        return nil
    }
}

/// What `XMLPullParser.next()` reports; comments, processing instructions and the XML declaration
/// are checked and skipped; an empty-element tag reports `.start` then `.end`.
public enum XMLEvent: Sendable, Equatable {
    case start(XMLStartTag)
    case end(String)
    /// Character data (entities and character references decoded, CDATA included, line ends as "\n").
    case text(String)
    case endOfDocument
}
