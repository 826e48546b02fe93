/// An element of a one-dimensional `text[]`: `String` (no NULL elements) or `String?`.
public protocol PostgresTextArrayElement {
    /// The element's text; nil is a NULL element.
    var arrayElementText: String? { get }
    /// Makes an element from its text; throws when a NULL element is not representable.
    init(arrayElementText: String?) throws(PostgresDecodingFailure)
}

extension String: PostgresTextArrayElement {
    public var arrayElementText: String? { self }
    public init(arrayElementText: String?) throws(PostgresDecodingFailure) {
        guard let arrayElementText else {
            throw PostgresDecodingFailure("mảng chứa phần tử NULL; hãy đọc thành [String?]")
        }
        self = arrayElementText
    }
}

extension Optional: PostgresTextArrayElement where Wrapped == String {
    public var arrayElementText: String? { self }
    public init(arrayElementText: String?) throws(PostgresDecodingFailure) { self = arrayElementText }
}

/// PostgreSQL's array text format, one dimension: `{a,"b c",NULL}`.
public enum PostgresArrayLiteral {
    /// Every element double-quoted with `\` and `"` escaped; NULL elements as the bare word NULL.
    public static func render(_ elements: [String?]) -> String {
        var out = "{"
        for (index, element) in elements.enumerated() {
            if index > 0 { out.append(",") }
            guard let element else {
                out.append("NULL")
                continue
            }
            out.append("\"")
            for character in element.unicodeScalars {
                if character == "\\" || character == "\"" { out.append("\\") }
                out.unicodeScalars.append(character)
            }
            out.append("\"")
        }
        out.append("}")
        return out
    }

    /// Parses the server's output for a one-dimensional array (an optional `[l:u]=` bounds prefix is skipped).
    static func parse(_ text: String) throws(PostgresDecodingFailure) -> [String?] {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "[" {
            guard let equals = scalars.firstIndex(of: "=") else { throw malformed(text) }
            scalars = scalars[scalars.index(after: equals)...]
        }
        guard scalars.first == "{", scalars.last == "}" else { throw malformed(text) }
        scalars = scalars.dropFirst().dropLast()
        var elements: [String?] = []
        if scalars.isEmpty { return elements }
        var iterator = scalars.makeIterator()
        var current = String.UnicodeScalarView()
        var quoted = false
        var wasQuoted = false
        func finish() {
            let value = String(current)
            elements.append(!wasQuoted && value.uppercased() == "NULL" ? nil : value)
            current = String.UnicodeScalarView()
            wasQuoted = false
        }
        while let scalar = iterator.next() {
            switch scalar {
            case "\\":
                guard let escaped = iterator.next() else { throw malformed(text) }
                current.append(escaped)
            case "\"":
                quoted.toggle()
                wasQuoted = true
            case "," where !quoted:
                finish()
            case "{" where !quoted:
                throw PostgresDecodingFailure("chỉ hỗ trợ mảng một chiều: \(text)")
            default:
                current.append(scalar)
            }
        }
        guard !quoted else { throw malformed(text) }
        finish()
        return elements
    }

    private static func malformed(_ text: String) -> PostgresDecodingFailure {
        PostgresDecodingFailure("mảng không đúng định dạng: \(text)")
    }
}
