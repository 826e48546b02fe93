import Foundation

/// A strict, small, non-validating XML 1.0 pull parser for package parts.
///
/// Accepts elements, attributes, text, CDATA, comments, processing instructions, the five predefined
/// entities and numeric character references. Refuses any DTD construct (`<!DOCTYPE`, `<!ENTITY`, …)
/// with `OOXMLError.forbiddenDTD` and reports every well-formedness error as
/// `OOXMLError.malformedXML` with its line. Input is UTF-8 (BOM optional) or UTF-16 with a BOM.
///
/// Names are reported as written ("w:p"). With `canonicalPrefixes` (namespace URI → prefix), elements
/// and attributes whose prefix is bound to one of those URIs are reported under the canonical prefix,
/// so `<ns0:p xmlns:ns0="…/wordprocessingml/2006/main">` reads as "w:p".
public struct XMLPullParser: Sendable {
    /// Deepest element nesting accepted (deeper input is reported as malformed, never overflows a stack).
    public static let maxDepth = 256

    /// The part name used in errors ("word/document.xml").
    public let part: String
    /// The line (1-based) the parser has reached.
    public private(set) var line = 1

    private let bytes: [UInt8]
    private var position = 0
    private var open: [OpenElement] = []
    private var pendingEnd: String?
    private var sawRoot = false
    private let canonicalPrefixes: [String: String]
    private var scopes: [NamespaceScope] = []

    private struct OpenElement: Sendable {
        var written: String
        var reported: String
    }

    private struct NamespaceScope: Sendable {
        var depth: Int
        var prefix: String
        var canonical: String
    }

    /// Prepares to parse `data`; checks the encoding and the XML declaration.
    public init(_ data: some Sequence<UInt8>, part: String, canonicalPrefixes: [String: String] = [:])
        throws(OOXMLError)
    {
        self.part = part
        self.canonicalPrefixes = canonicalPrefixes
        self.bytes = XMLPullParser.utf8Bytes(Array(data))
        try readDeclaration()
    }

    /// The next event; `.endOfDocument` once the root element has closed and only trailing
    /// whitespace, comments or processing instructions remain.
    public mutating func next() throws(OOXMLError) -> XMLEvent {
        if let name = pendingEnd {
            pendingEnd = nil
            popScopes()
            return .end(name)
        }
        while true {
            guard position < bytes.count else {
                if let last = open.last { throw malformed("thiếu thẻ đóng </\(last.written)>") }
                if !sawRoot { throw malformed("không có phần tử gốc") }
                return .endOfDocument
            }
            if bytes[position] != UInt8(ascii: "<") {
                let text = try readText()
                if open.isEmpty {
                    if text.contains(where: { !$0.isWhitespace }) {
                        throw malformed("có văn bản nằm ngoài phần tử gốc")
                    }
                    continue
                }
                return .text(text)
            }
            guard position + 1 < bytes.count else { throw malformed("tài liệu kết thúc giữa chừng") }
            switch bytes[position + 1] {
            case UInt8(ascii: "/"):
                return try readEndTag()
            case UInt8(ascii: "?"):
                try skipProcessingInstruction()
            case UInt8(ascii: "!"):
                if let text = try readMarkupDeclaration() { return .text(text) }
            default:
                return try readStartTag()
            }
        }
    }

    /// Skips the rest of the element whose start tag was just returned (its end tag included).
    public mutating func skipElement() throws(OOXMLError) {
        var depth = 1
        while depth > 0 {
            switch try next() {
            case .start: depth += 1
            case .end: depth -= 1
            case .text: break
            case .endOfDocument: return
            }
        }
    }

    // MARK: - Errors

    func malformed(_ reason: String) -> OOXMLError {
        .malformedXML(part: part, line: line, reason: reason)
    }

    // MARK: - Encoding and declaration

    /// UTF-8 bytes without BOM; UTF-16 (BOM or "<" pattern) is transcoded.
    private static func utf8Bytes(_ raw: [UInt8]) -> [UInt8] {
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(raw.dropFirst(3)) }
        let bigEndian: Bool
        var start = 0
        if raw.starts(with: [0xFE, 0xFF]) {
            (bigEndian, start) = (true, 2)
        } else if raw.starts(with: [0xFF, 0xFE]) {
            (bigEndian, start) = (false, 2)
        } else if raw.starts(with: [0x00, 0x3C, 0x00]) {
            bigEndian = true
        } else if raw.starts(with: [0x3C, 0x00]) && raw.count > 2 && raw[2] != 0x00 {
            bigEndian = false
        } else {
            return raw
        }
        var units: [UInt16] = []
        units.reserveCapacity((raw.count - start) / 2)
        var index = start
        while index + 1 < raw.count {
            let (high, low) = bigEndian ? (raw[index], raw[index + 1]) : (raw[index + 1], raw[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    private mutating func readDeclaration() throws(OOXMLError) {
        guard bytes.starts(with: Array("<?xml".utf8)), bytes.count > 5, Self.isWhitespace(bytes[5]) else { return }
        guard let end = find(Array("?>".utf8), from: 5) else { throw malformed("khai báo XML không được đóng") }
        let declaration = String(decoding: bytes[5..<end], as: UTF8.self)
        if let encoding = Self.pseudoAttribute("encoding", in: declaration) {
            let supported = ["utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "us-ascii", "ascii"]
            guard supported.contains(encoding.lowercased()) else {
                throw malformed("bảng mã \(encoding) không được hỗ trợ")
            }
        }
        countLines(in: 0..<end)
        position = end + 2
    }

    private static func pseudoAttribute(_ name: String, in declaration: String) -> String? {
        guard let nameRange = declaration.range(of: name) else { return nil }
        let rest = declaration[nameRange.upperBound...].drop { $0 == " " || $0 == "=" || $0.isWhitespace }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    // MARK: - Text and references

    private mutating func readText() throws(OOXMLError) -> String {
        let start = position
        var index = position
        var needsRewrite = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") { break }
            if byte < 0x20 {
                if byte == 0x0A {
                    line += 1
                } else if byte == 0x0D {
                    needsRewrite = true
                } else if byte != 0x09 {
                    position = index
                    throw malformed("ký tự điều khiển không hợp lệ (mã \(byte))")
                }
            } else if byte == UInt8(ascii: "&") {
                needsRewrite = true
            }
            index += 1
        }
        position = index
        if !needsRewrite { return String(decoding: bytes[start..<index], as: UTF8.self) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(index - start)
        var cursor = start
        while cursor < index {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "&") {
                cursor = try appendReference(at: cursor, limit: index, to: &buffer)
            } else if byte == 0x0D {
                buffer.append(0x0A)
                cursor += (cursor + 1 < index && bytes[cursor + 1] == 0x0A) ? 2 : 1
            } else {
                buffer.append(byte)
                cursor += 1
            }
        }
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Decodes the reference starting at `start` ("&amp;", "&#233;", "&#x1EA0;"), returns the index after ";".
    private func appendReference(at start: Int, limit: Int, to buffer: inout [UInt8]) throws(OOXMLError) -> Int {
        var end = start + 1
        while end < limit, end - start <= 12, bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < limit, bytes[end] == UInt8(ascii: ";"), end > start + 1 else {
            throw malformed("ký tự & không mở đầu một tham chiếu hợp lệ")
        }
        let name = bytes[(start + 1)..<end]
        if name.first == UInt8(ascii: "#") {
            guard let scalar = Self.characterReference(name.dropFirst()) else {
                throw malformed("tham chiếu ký tự &\(String(decoding: name, as: UTF8.self)); không hợp lệ")
            }
            buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
        } else {
            switch String(decoding: name, as: UTF8.self) {
            case "amp": buffer.append(UInt8(ascii: "&"))
            case "lt": buffer.append(UInt8(ascii: "<"))
            case "gt": buffer.append(UInt8(ascii: ">"))
            case "quot": buffer.append(UInt8(ascii: "\""))
            case "apos": buffer.append(UInt8(ascii: "'"))
            case let other: throw malformed("thực thể không xác định &\(other);")
            }
        }
        return end + 1
    }

    private static func characterReference(_ digits: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var body = digits
        var radix: UInt32 = 10
        if body.first == UInt8(ascii: "x") {
            radix = 16
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.count <= 8 else { return nil }
        var value: UInt32 = 0
        for byte in body {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value * radix + digit
        }
        guard XMLCharacters.isAllowed(value) else { return nil }
        return Unicode.Scalar(value)
    }

    // MARK: - Tags

    private mutating func readStartTag() throws(OOXMLError) -> XMLEvent {
        position += 1
        let written = try readName("tên thẻ")
        if open.isEmpty && sawRoot { throw malformed("có nhiều hơn một phần tử gốc (<\(written)>)") }
        if open.count >= Self.maxDepth { throw malformed("các phần tử lồng nhau quá sâu") }
        var attributes: [XMLAttribute] = []
        var isEmpty = false
        while true {
            let hadSpace = skipWhitespace()
            guard position < bytes.count else { throw malformed("thẻ <\(written)> không được đóng") }
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") {
                position += 1
                break
            }
            if byte == UInt8(ascii: "/") {
                guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ">") else {
                    throw malformed("thẻ <\(written)> viết sai")
                }
                position += 2
                isEmpty = true
                break
            }
            guard hadSpace else { throw malformed("thiếu khoảng trắng trước thuộc tính trong <\(written)>") }
            let name = try readName("tên thuộc tính")
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                throw malformed("thuộc tính \(name) thiếu dấu =")
            }
            position += 1
            skipWhitespace()
            let value = try readAttributeValue(name)
            if attributes.contains(where: { $0.name == name }) {
                throw malformed("thuộc tính \(name) lặp lại trong <\(written)>")
            }
            attributes.append(XMLAttribute(name: name, value: value))
        }
        sawRoot = true
        var reported = written
        if !canonicalPrefixes.isEmpty { reported = canonicalise(written, attributes: &attributes) }
        if isEmpty {
            pendingEnd = reported
        } else {
            open.append(OpenElement(written: written, reported: reported))
        }
        return .start(XMLStartTag(name: reported, attributes: attributes))
    }

    private mutating func readEndTag() throws(OOXMLError) -> XMLEvent {
        position += 2
        let nameStart = position
        _ = try readName("tên thẻ đóng")
        let nameEnd = position
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else {
            throw malformed("thẻ đóng viết sai")
        }
        position += 1
        guard let top = open.last else {
            throw malformed("thẻ đóng </\(String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self))> không có thẻ mở")
        }
        guard top.written.utf8.elementsEqual(bytes[nameStart..<nameEnd]) else {
            let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
            throw malformed("thẻ đóng </\(name)> không khớp với <\(top.written)>")
        }
        open.removeLast()
        popScopes()
        return .end(top.reported)
    }

    private mutating func readName(_ what: String) throws(OOXMLError) -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if Self.isWhitespace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "=")
            {
                break
            }
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
                || byte == UInt8(ascii: "&") || byte < 0x20
            {
                throw malformed("\(what) chứa ký tự không hợp lệ")
            }
            position += 1
        }
        guard position > start, Self.isNameStart(bytes[start]) else { throw malformed("\(what) không hợp lệ") }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func readAttributeValue(_ name: String) throws(OOXMLError) -> String {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'")
        else { throw malformed("giá trị thuộc tính \(name) phải nằm trong dấu nháy") }
        let quote = bytes[position]
        position += 1
        let start = position
        var needsRewrite = false
        while position < bytes.count, bytes[position] != quote {
            let byte = bytes[position]
            if byte == UInt8(ascii: "<") { throw malformed("giá trị thuộc tính \(name) chứa ký tự <") }
            if byte == UInt8(ascii: "&") || byte == 0x09 || byte == 0x0D {
                needsRewrite = true
            } else if byte == 0x0A {
                needsRewrite = true
                line += 1
            } else if byte < 0x20 {
                throw malformed("ký tự điều khiển không hợp lệ (mã \(byte))")
            }
            position += 1
        }
        guard position < bytes.count else { throw malformed("giá trị thuộc tính \(name) không được đóng") }
        let end = position
        position += 1
        if !needsRewrite { return String(decoding: bytes[start..<end], as: UTF8.self) }
        var buffer: [UInt8] = []
        var cursor = start
        while cursor < end {
            let byte = bytes[cursor]
            switch byte {
            case UInt8(ascii: "&"):
                cursor = try appendReference(at: cursor, limit: end, to: &buffer)
            case 0x0D:
                buffer.append(0x20)
                cursor += (cursor + 1 < end && bytes[cursor + 1] == 0x0A) ? 2 : 1
            case 0x09, 0x0A:
                buffer.append(0x20)
                cursor += 1
            default:
                buffer.append(byte)
                cursor += 1
            }
        }
        return String(decoding: buffer, as: UTF8.self)
    }

    // MARK: - Comments, CDATA, processing instructions, DTDs

    /// Handles "<!…": comments are skipped (nil), CDATA is returned, DTD constructs are refused.
    private mutating func readMarkupDeclaration() throws(OOXMLError) -> String? {
        if bytes[position...].starts(with: Array("<!--".utf8)) {
            guard let end = find(Array("-->".utf8), from: position + 4) else {
                throw malformed("chú thích không được đóng")
            }
            countLines(in: position..<end)
            position = end + 3
            return nil
        }
        if bytes[position...].starts(with: Array("<![CDATA[".utf8)) {
            guard !open.isEmpty else { throw malformed("CDATA nằm ngoài phần tử gốc") }
            let start = position + 9
            guard let end = find(Array("]]>".utf8), from: start) else { throw malformed("CDATA không được đóng") }
            var buffer: [UInt8] = []
            buffer.reserveCapacity(end - start)
            var cursor = start
            while cursor < end {
                let byte = bytes[cursor]
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                    throw malformed("ký tự điều khiển không hợp lệ (mã \(byte))")
                }
                if byte == 0x0A { line += 1 }
                if byte == 0x0D {
                    buffer.append(0x0A)
                    cursor += (cursor + 1 < end && bytes[cursor + 1] == 0x0A) ? 2 : 1
                    continue
                }
                buffer.append(byte)
                cursor += 1
            }
            position = end + 3
            return String(decoding: buffer, as: UTF8.self)
        }
        if position + 2 < bytes.count, Self.isASCIILetter(bytes[position + 2]) {
            throw .forbiddenDTD(part: part)
        }
        throw malformed("cú pháp <! không hợp lệ")
    }

    private mutating func skipProcessingInstruction() throws(OOXMLError) {
        let targetStart = position + 2
        var targetEnd = targetStart
        while targetEnd < bytes.count, !Self.isWhitespace(bytes[targetEnd]), bytes[targetEnd] != UInt8(ascii: "?") {
            targetEnd += 1
        }
        let target = String(decoding: bytes[targetStart..<targetEnd], as: UTF8.self)
        guard !target.isEmpty else { throw malformed("chỉ thị xử lý thiếu tên") }
        if target.lowercased() == "xml" { throw malformed("khai báo XML đặt sai chỗ") }
        guard let end = find(Array("?>".utf8), from: targetEnd) else {
            throw malformed("chỉ thị xử lý không được đóng")
        }
        countLines(in: position..<end)
        position = end + 2
    }

    // MARK: - Namespaces

    /// Records bindings of known namespace URIs to other prefixes and reports names canonically.
    private mutating func canonicalise(_ written: String, attributes: inout [XMLAttribute]) -> String {
        let depth = open.count
        for attribute in attributes where attribute.name == "xmlns" || attribute.name.hasPrefix("xmlns:") {
            let prefix = attribute.name == "xmlns" ? "" : String(attribute.name.dropFirst(6))
            if let canonical = canonicalPrefixes[attribute.value] {
                if canonical != prefix || scopes.contains(where: { $0.prefix == prefix }) {
                    scopes.append(NamespaceScope(depth: depth, prefix: prefix, canonical: canonical))
                }
            } else if scopes.contains(where: { $0.prefix == prefix }) {
                scopes.append(NamespaceScope(depth: depth, prefix: prefix, canonical: prefix))
            }
        }
        guard !scopes.isEmpty else { return written }
        for index in attributes.indices where attributes[index].name.contains(":") {
            let name = attributes[index].name
            if name.hasPrefix("xmlns:") { continue }
            attributes[index].name = rename(name, unprefixedPrefix: nil)
        }
        return rename(written, unprefixedPrefix: "")
    }

    private func rename(_ name: String, unprefixedPrefix: String?) -> String {
        let prefix: String
        let local: Substring
        if let colon = name.firstIndex(of: ":") {
            prefix = String(name[..<colon])
            local = name[name.index(after: colon)...]
        } else {
            guard let unprefixed = unprefixedPrefix else { return name }
            prefix = unprefixed
            local = Substring(name)
        }
        guard let scope = scopes.last(where: { $0.prefix == prefix }) else { return name }
        if scope.canonical == prefix { return name }
        return scope.canonical.isEmpty ? String(local) : scope.canonical + ":" + local
    }

    private mutating func popScopes() {
        while let last = scopes.last, last.depth >= open.count { scopes.removeLast() }
    }

    // MARK: - Scanning helpers

    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        let start = position
        while position < bytes.count, Self.isWhitespace(bytes[position]) {
            if bytes[position] == 0x0A { line += 1 }
            position += 1
        }
        return position > start
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private mutating func countLines(in range: Range<Int>) {
        for index in range where bytes[index] == 0x0A { line += 1 }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte >= 0x80
    }
}
