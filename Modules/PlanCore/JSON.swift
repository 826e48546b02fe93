/// A JSON value whose objects keep their keys in the order they were built.
///
/// The exchange formats (`cchc.plan/v1`, `cchc.report/v1`) promise byte-identical output for the same
/// input, with `null` written rather than omitted: this value and its writer make that explicit instead
/// of relying on an encoder's key ordering.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .int(let i): hasher.combine(i)
        case .double(let d): hasher.combine(d)
        case .string(let s): hasher.combine(s)
        case .array(let a): hasher.combine(a)
        case .object(let o):
            for (k, v) in o {
                hasher.combine(k)
                hasher.combine(v)
            }
        }
    }

    /// The value under `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d == d.rounded() && abs(d) < 1e15: return Int(d)
        default: return nil
        }
    }

    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension JSONValue {
    /// `.string(s)` or `.null`.
    public static func string(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// `.int(i)` or `.null`.
    public static func int(_ value: Int?) -> JSONValue {
        value.map(JSONValue.int) ?? .null
    }

    /// An array of strings.
    public static func strings(_ values: [String]) -> JSONValue {
        .array(values.map(JSONValue.string))
    }
}

/// Values that have one canonical JSON form.
public protocol JSONRepresentable {
    var json: JSONValue { get }
}

extension JSONValue {
    /// Serialises with two-space indentation, non-ASCII kept as UTF-8, `/` not escaped, and a final newline
    /// when `pretty` (the layout of Python's `json.dumps(indent=2, ensure_ascii=False)`).
    public func serialized(pretty: Bool = true) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// The UTF-8 bytes of `serialized(pretty:)`, without building a String (large reports). The layout is
    /// `JSONStreamWriter`'s, the one writer of JSON text.
    public func serializedBytes(pretty: Bool = true) -> [UInt8] {
        var writer = JSONStreamWriter(pretty: pretty)
        writer.value(self)
        return writer.finish()
    }

    /// Describes the value to a sink: containers as open, member and close events, other values whole.
    public func describe<Sink: JSONSink>(to sink: inout Sink) {
        switch self {
        case .array(let items):
            sink.openArray()
            for item in items { item.describe(to: &sink) }
            sink.closeArray()
        case .object(let pairs):
            sink.openObject()
            for (key, value) in pairs {
                sink.key(key)
                value.describe(to: &sink)
            }
            sink.closeObject()
        default:
            sink.value(self)
        }
    }

    /// Writes a value that is not a container.
    fileprivate func writeScalar(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): out.append(contentsOf: JSONValue.format(d).utf8)
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array, .object: preconditionFailure("containers are written as events")
        }
    }

    fileprivate static func newline(_ out: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        // A line break and the indentation in one append (deeper than 31 levels: the rest space by space).
        let count = 1 + 2 * min(indent, 31)
        Self.lineStart.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count])) }
        if indent > 31 { out.append(contentsOf: repeatElement(0x20, count: 2 * (indent - 31))) }
    }

    /// A line feed followed by 62 spaces.
    private static let lineStart: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 62)

    /// Swift's shortest round-trip form, which is Python's `repr` ("1.0", "-0.0", "1e+16", "1e-05").
    private static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        return String(d)
    }

    fileprivate static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            // Runs of bytes that need no escape are appended whole (most strings are one run); eight bytes
            // are checked at a time for a control character, a quote or a backslash.
            var start = 0
            var index = 0
            while index < bytes.count {
                if index + 8 <= bytes.count {
                    let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    if !needsEscape(word) {
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                index += 1
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]))
                start = index
                switch byte {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                case 0x08: out.append(contentsOf: [0x5C, 0x62])
                case 0x0C: out.append(contentsOf: [0x5C, 0x66])
                default:
                    let hex = String(byte, radix: 16)
                    out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(0x22)
    }

    /// True when one of the eight bytes is below 0x20, a quote or a backslash (may also be true for a
    /// byte ≥ 0x80 next to one of them; the caller then checks byte by byte).
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let below = (word &- ones &* 0x20) & ~word & highs != 0
        return below || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
    }
}

/// Receives a JSON document as events: open and close containers, name members, hand over values (small
/// trees included). A type that describes itself to a sink once gets both renderings: bytes straight from
/// `JSONStreamWriter`, a `JSONValue` from `JSONTreeBuilder`.
public protocol JSONSink {
    mutating func openObject()
    mutating func closeObject()
    mutating func openArray()
    mutating func closeArray()
    /// Names the next member of the open object: its value or container comes next.
    mutating func key(_ key: String)
    /// A whole value: a member's value after `key`, or the next element of the open array.
    mutating func value(_ value: JSONValue)
}

extension JSONSink {
    /// A member with its value.
    public mutating func member(_ key: String, _ value: JSONValue) {
        self.key(key)
        self.value(value)
    }
}

/// Builds the `JSONValue` of a document described to a `JSONSink`.
public struct JSONTreeBuilder: JSONSink {
    private struct Frame {
        var key: String?
        var isObject: Bool
        var members: [(String, JSONValue)] = []
        var elements: [JSONValue] = []
    }

    private var frames: [Frame] = []
    private var pendingKey: String?
    private var root: JSONValue?

    /// The value `describe` gives to the builder.
    public static func build(_ describe: (inout JSONTreeBuilder) -> Void) -> JSONValue {
        var builder = JSONTreeBuilder()
        describe(&builder)
        precondition(builder.frames.isEmpty && builder.pendingKey == nil, "JSONTreeBuilder: the document is not complete")
        return builder.root ?? .null
    }

    public mutating func openObject() { open(isObject: true) }
    public mutating func openArray() { open(isObject: false) }
    public mutating func closeObject() { close() }
    public mutating func closeArray() { close() }
    public mutating func key(_ key: String) { pendingKey = key }

    public mutating func value(_ value: JSONValue) {
        let key = pendingKey
        pendingKey = nil
        add(value, key: key)
    }

    private mutating func open(isObject: Bool) {
        frames.append(Frame(key: pendingKey, isObject: isObject))
        pendingKey = nil
    }

    private mutating func close() {
        let frame = frames.removeLast()
        add(frame.isObject ? .object(frame.members) : .array(frame.elements), key: frame.key)
    }

    private mutating func add(_ value: JSONValue, key: String?) {
        guard !frames.isEmpty else {
            root = value
            return
        }
        if frames[frames.count - 1].isObject {
            frames[frames.count - 1].members.append((key ?? "", value))
        } else {
            frames[frames.count - 1].elements.append(value)
        }
    }
}

/// Writes one JSON document piece by piece, in the layout `JSONValue.serialized` promises (it writes
/// through this writer too), so a large document (a report with 100,000 results) never exists as one
/// `JSONValue` tree: open containers, name members, and hand over the values, small trees included.
public struct JSONStreamWriter: JSONSink {
    private var out: [UInt8]
    private let pretty: Bool
    /// Members or elements written so far in each open container, innermost last.
    private var counts: [Int] = []

    public init(pretty: Bool = true, capacity: Int = 1 << 16) {
        self.pretty = pretty
        out = []
        out.reserveCapacity(capacity)
    }

    private var indent: Int? { pretty ? counts.count : nil }

    public mutating func openObject() { open(0x7B) }
    public mutating func closeObject() { close(0x7D) }
    public mutating func openArray() { open(0x5B) }
    public mutating func closeArray() { close(0x5D) }

    /// Starts a member of the open object: its value (or container) comes next.
    public mutating func key(_ key: String) {
        separate()
        JSONValue.quote(key, into: &out)
        out.append(0x3A)
        if pretty { out.append(0x20) }
        afterKey = true
    }

    /// A whole value: a member's value after `key`, or the next element of the open array.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .array, .object:
            value.describe(to: &self)
        default:
            beginValue()
            value.writeScalar(to: &out)
        }
    }

    /// Hands over the bytes written since the last call and forgets them, for a document written out in
    /// pieces; `finish` then gives the rest.
    public mutating func flush(_ emit: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try out.withUnsafeBytes(emit)
        out.removeAll(keepingCapacity: true)
    }

    /// The bytes written so far in this piece.
    public var pendingCount: Int { out.count }

    /// The document's bytes (with the final newline when pretty); the writer is spent.
    public consuming func finish() -> [UInt8] {
        precondition(counts.isEmpty && !afterKey, "JSONStreamWriter: the document is not complete")
        if pretty { out.append(0x0A) }
        return out
    }

    private var afterKey = false

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
        } else if !counts.isEmpty {
            separate()
        }
    }

    private mutating func open(_ byte: UInt8) {
        beginValue()
        out.append(byte)
        counts.append(0)
    }

    private mutating func close(_ byte: UInt8) {
        let count = counts.removeLast()
        if count > 0 { JSONValue.newline(&out, indent) }
        out.append(byte)
    }

    private mutating func separate() {
        if counts[counts.count - 1] > 0 { out.append(0x2C) }
        counts[counts.count - 1] += 1
        JSONValue.newline(&out, indent)
    }
}

/// Why a JSON text could not be read.
public struct JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line of the problem.
    public var line: Int
    /// What is wrong, in Vietnamese.
    public var reason: String

    public var description: String { "JSON không hợp lệ ở dòng \(line): \(reason)" }
}

extension JSONValue {
    /// Parses a JSON text (RFC 8259), keeping object keys in document order.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(Array(text.utf8))
        let value = try parser.parseDocument()
        return value
    }
}

private struct JSONParser {
    let bytes: [UInt8]
    var index = 0
    var depth = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var line: Int { bytes[..<min(index, bytes.count)].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } }

    func fail(_ reason: String) -> JSONParseError { JSONParseError(line: line, reason: reason) }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        let value = try parseValue()
        skipSpace()
        guard index == bytes.count else { throw fail("dữ liệu thừa sau giá trị JSON") }
        return value
    }

    mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        skipSpace()
        guard index < bytes.count else { throw fail("hết dữ liệu giữa chừng") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try parseNumber()
        }
    }

    mutating func literal(_ word: String) throws(JSONParseError) {
        let w = Array(word.utf8)
        guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
            throw fail("ký tự không hợp lệ")
        }
        index += w.count
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > 512 { throw fail("lồng quá sâu") }
    }

    mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var pairs: [(String, JSONValue)] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(pairs)
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("thiếu tên khoá") }
            let key = try parseString()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("thiếu dấu ':'") }
            index += 1
            pairs.append((key, try parseValue()))
            skipSpace()
            guard index < bytes.count else { throw fail("hết dữ liệu giữa chừng") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { throw fail("thiếu dấu ',' hoặc '}'") }
            index += 1
            return .object(pairs)
        }
    }

    mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            items.append(try parseValue())
            skipSpace()
            guard index < bytes.count else { throw fail("hết dữ liệu giữa chừng") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else { throw fail("thiếu dấu ',' hoặc ']'") }
            index += 1
            return .array(items)
        }
    }

    mutating func parseString() throws(JSONParseError) -> String {
        index += 1
        var start = index
        var raw: [UInt8] = []
        while true {
            guard index < bytes.count else { throw fail("chuỗi chưa đóng") }
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                raw.append(contentsOf: bytes[start..<index])
                index += 1
                break
            }
            if b < 0x20 { throw fail("ký tự điều khiển trong chuỗi") }
            if b == UInt8(ascii: "\\") {
                raw.append(contentsOf: bytes[start..<index])
                index += 1
                guard index < bytes.count else { throw fail("chuỗi chưa đóng") }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "\""): raw.append(0x22)
                case UInt8(ascii: "\\"): raw.append(0x5C)
                case UInt8(ascii: "/"): raw.append(0x2F)
                case UInt8(ascii: "b"): raw.append(0x08)
                case UInt8(ascii: "f"): raw.append(0x0C)
                case UInt8(ascii: "n"): raw.append(0x0A)
                case UInt8(ascii: "r"): raw.append(0x0D)
                case UInt8(ascii: "t"): raw.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        else { throw fail("cặp surrogate không hợp lệ") }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw fail("cặp surrogate không hợp lệ") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw fail("mã Unicode không hợp lệ") }
                    raw.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: throw fail("chuỗi thoát không hợp lệ")
                }
                start = index
                continue
            }
            index += 1
        }
        return String(decoding: raw, as: UTF8.self)
    }

    mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("chuỗi thoát không hợp lệ") }
        var value: UInt32 = 0
        for b in bytes[index..<index + 4] {
            value <<= 4
            switch b {
            case 0x30...0x39: value |= UInt32(b - 0x30)
            case 0x41...0x46: value |= UInt32(b - 0x41 + 10)
            case 0x61...0x66: value |= UInt32(b - 0x61 + 10)
            default: throw fail("chuỗi thoát không hợp lệ")
            }
        }
        index += 4
        return value
    }

    /// A number as RFC 8259 writes it: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        var isInteger = true
        func isDigit(_ i: Int) -> Bool { i < bytes.count && (0x30...0x39).contains(bytes[i]) }
        func digits() throws(JSONParseError) {
            guard isDigit(index) else { throw fail("số không hợp lệ") }
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard isDigit(index) else { throw fail(index == start ? "ký tự không hợp lệ" : "số không hợp lệ") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            try digits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            try digits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            try digits()
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let i = Int(text) { return .int(i) }
        guard let d = Double(text), d.isFinite else { throw fail("số không hợp lệ") }
        return .double(d)
    }
}
