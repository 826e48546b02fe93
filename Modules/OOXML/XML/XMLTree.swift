/// A small in-memory element tree built with `XMLPullParser`, for the little parts (styles, numbering,
/// relationships) where random access is simpler than streaming. Mixed content keeps only the
/// concatenated direct text.
struct XMLTree: Sendable {
    var name: String
    var attributes: [XMLAttribute]
    var children: [XMLTree]
    var text: String

    /// Parses a whole part into its root element.
    init(parsing bytes: [UInt8], part: String, canonicalPrefixes: [String: String] = WordNamespaces.canonicalPrefixes)
        throws(OOXMLError)
    {
        var parser = try XMLPullParser(bytes, part: part, canonicalPrefixes: canonicalPrefixes)
        var stack: [XMLTree] = []
        while true {
            switch try parser.next() {
            case .start(let tag):
                stack.append(XMLTree(name: tag.name, attributes: tag.attributes, children: [], text: ""))
            case .text(let text):
                if !stack.isEmpty { stack[stack.count - 1].text += text }
            case .end:
                let done = stack.removeLast()
                if stack.isEmpty {
                    self = done
                    return
                }
                stack[stack.count - 1].children.append(done)
            case .endOfDocument:
                throw .malformedXML(part: part, line: parser.line, reason: "không có phần tử gốc")
            }
        }
    }

    init(name: String, attributes: [XMLAttribute], children: [XMLTree], text: String) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The value of the attribute `name`, if present.
    subscript(_ name: String) -> String? {
        for attribute in attributes where attribute.name == name { return attribute.value }
        return nil
    }

    /// The first child named `name`.
    func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }

    /// All children named `name`, in order.
    func children(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }

    /// The `w:val` of the first child named `name` (common WordprocessingML pattern).
    func value(of name: String) -> String? { child(name)?["w:val"] }
}
