import Foundation
import PlanCore
import Testing

@Suite("JSONValue: deterministic serialisation and a strict parser")
struct JSONValueTests {
    static let sample = JSONValue.object([
        ("a", .array([.int(1), .double(2.5), .null, .bool(true), .string("x/y\u{01}\n\t\"\\ Việt")])),
        ("b", .object([])), ("c", .array([])), ("d", .double(-0.0)), ("e", .double(1e16)), ("f", .double(1e15)),
        ("g", .double(1e-05)), ("h", .string(nil)),
    ])

    @Test("pretty output is Python's json.dumps(indent=2, ensure_ascii=False) plus a newline")
    func prettyLayout() {
        // Produced by Python 3 for the same value.
        let python = "{\n  \"a\": [\n    1,\n    2.5,\n    null,\n    true,\n    \"x/y\\u0001\\n\\t\\\"\\\\ Việt\"\n  ],\n  \"b\": {},\n  \"c\": [],\n  \"d\": -0.0,\n  \"e\": 1e+16,\n  \"f\": 1000000000000000.0,\n  \"g\": 1e-05,\n  \"h\": null\n}"
        #expect(Self.sample.serialized() == python + "\n")
    }

    @Test("compact output has no spaces and no newline")
    func compactLayout() {
        let value = JSONValue.object([("k", .array([.int(1), .string("đ/ơ")])), ("n", .null)])
        #expect(value.serialized(pretty: false) == "{\"k\":[1,\"đ/ơ\"],\"n\":null}")
    }

    @Test("every control character is escaped; other text is kept raw, in its normal form")
    func escaping() {
        for code in 0..<0x20 {
            let text = JSONValue.string(String(Character(Unicode.Scalar(code)!))).serialized(pretty: false)
            #expect(text.unicodeScalars.allSatisfy { $0.value >= 0x20 }, "U+\(code)")
        }
        #expect(JSONValue.string("\u{1F}").serialized(pretty: false) == "\"\\u001f\"")
        let nfd = "Hòa".decomposedStringWithCanonicalMapping
        #expect(JSONValue.string(nfd).serialized(pretty: false).unicodeScalars.count == nfd.unicodeScalars.count + 2)
        #expect(JSONValue.string("😀 /").serialized(pretty: false) == "\"😀 /\"")
    }

    @Test("object keys keep the order they were built or read in")
    func keyOrder() throws {
        let value = try JSONValue.parse("{\"z\": 1, \"a\": 2, \"m\": 3}")
        #expect(value.serialized(pretty: false) == "{\"z\":1,\"a\":2,\"m\":3}")
        #expect(value["a"]?.intValue == 2)
        #expect(value != JSONValue.object([("a", .int(2)), ("z", .int(1)), ("m", .int(3))]))
    }

    static let fixtures = ["KH-SLDTBXH-2024", "96-KH-UBND-2024", "45-KH-STP-2024"]

    @Test("parsing and serialising a fixture gives its bytes back", arguments: fixtures)
    func roundTripFixture(_ name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name).expect.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        let value = try JSONValue.parse(text)
        let again = value.serialized()
        #expect(again == (text.hasSuffix("\n") ? text : text + "\n"))
        #expect(try JSONValue.parse(again) == value)
    }

    @Test("values survive serialise → parse")
    func roundTripValues() throws {
        #expect(try JSONValue.parse(Self.sample.serialized()) == Self.sample)
        #expect(try JSONValue.parse(Self.sample.serialized(pretty: false)) == Self.sample)
    }

    @Test("numbers: integers stay integers, the rest are doubles")
    func numbers() throws {
        #expect(try JSONValue.parse("-0") == .int(0))
        #expect(try JSONValue.parse("42") == .int(42))
        #expect(try JSONValue.parse("1.5e2") == .double(150))
        #expect(try JSONValue.parse("1E-2") == .double(0.01))
        #expect(try JSONValue.parse("12345678901234567890") == .double(Double("12345678901234567890")!))
        #expect(JSONValue.double(150).intValue == 150)
    }

    @Test("escapes, surrogate pairs and a byte-order mark are read")
    func strings() throws {
        #expect(try JSONValue.parse("\"a\\/b\\u00e9\\ud83d\\ude00\\n\"") == .string("a/bé😀\n"))
        #expect(try JSONValue.parse("\u{FEFF}[true, false, null]") == .array([.bool(true), .bool(false), .null]))
    }

    static let malformed: [(String, Int)] = [
        ("", 1), ("{", 1), ("[1,]", 1), ("{\"a\" 1}", 1), ("{\"a\": 1,}", 1), ("01", 1), ("+1", 1), (".5", 1),
        ("1.", 1), ("1e", 1), ("-", 1), ("1e999", 1), ("tru", 1), ("\"abc", 1), ("\"\\x\"", 1),
        ("\"\\udc00\"", 1), ("\"\\ud83dx\"", 1), ("\"a\nb\"", 1), ("[1] 2", 1), ("{\n  \"a\": 1,\n  \"b\": x\n}", 3),
        ("[\n1,\n2\n", 4), ("{\n\n\n  \"k\": [1 2]\n}", 4),
    ]

    @Test("malformed JSON is an error with the line of the problem", arguments: malformed)
    func parseErrors(_ text: String, _ line: Int) {
        do {
            let value = try JSONValue.parse(text)
            Issue.record("parsed \(value)")
        } catch {
            #expect(error.line == line)
            #expect(error.description.hasPrefix("JSON không hợp lệ ở dòng \(line): "))
        }
    }

    @Test("nesting deeper than 512 levels is refused, not a crash")
    func deepNesting() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(String(repeating: "[", count: 10_000)) }
        #expect(throws: Never.self) { try JSONValue.parse(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) }
    }

    @Test("schedules serialise with null kept and read back")
    func scheduleJSON() throws {
        let schedule = ScheduleGrammar.parse("Trước ngày 15/12/2024", planYear: 2024)
        #expect(schedule.json.serialized(pretty: false)
            == "{\"text\":\"Trước ngày 15/12/2024\",\"kind\":\"deadline\",\"from\":null,\"to\":\"2024-12-15\",\"every\":null}")
        #expect(Schedule(json: schedule.json) == schedule)
    }
}

@Suite("JSONStreamWriter: a document written piece by piece")
struct JSONStreamWriterTests {
    @Test("gives the bytes of the same value serialised whole, pretty and compact")
    func sameBytes() {
        for pretty in [true, false] {
            var writer = JSONStreamWriter(pretty: pretty, capacity: 8)
            writer.openObject()
            for (key, value) in [("a", JSONValueTests.sample), ("b", .array([])), ("c", .object([]))] {
                writer.member(key, value)
            }
            writer.key("list")
            writer.openArray()
            writer.value(.int(1))
            writer.openObject()
            writer.closeObject()
            writer.openArray()
            writer.value(.string("ờ \"x\""))
            writer.closeArray()
            writer.closeArray()
            writer.key("empty")
            writer.openArray()
            writer.closeArray()
            writer.closeObject()
            let whole = JSONValue.object([
                ("a", JSONValueTests.sample), ("b", .array([])), ("c", .object([])),
                ("list", .array([.int(1), .object([]), .array([.string("ờ \"x\"")])])), ("empty", .array([])),
            ])
            #expect(writer.finish() == whole.serializedBytes(pretty: pretty), "pretty: \(pretty)")
        }
    }

    @Test("flushed pieces add up to the whole document")
    func pieces() {
        var writer = JSONStreamWriter(capacity: 4)
        var pieces: [UInt8] = []
        writer.openArray()
        for index in 0..<100 {
            writer.value(.object([("n", .int(index)), ("text", .string("Kết quả \(index)\n"))]))
            if writer.pendingCount > 50 { writer.flush { pieces.append(contentsOf: $0) } }
        }
        writer.closeArray()
        pieces += writer.finish()
        let whole = JSONValue.array((0..<100).map { .object([("n", .int($0)), ("text", .string("Kết quả \($0)\n"))]) })
        #expect(pieces == whole.serializedBytes())
    }

    @Test("escapes are found wherever they fall in a long text")
    func escapesInLongText() throws {
        for position in 0..<20 {
            for special in ["\"", "\\", "\n", "\u{01}"] {
                var text = String(repeating: "ă", count: 3) + String(repeating: "a", count: 20)
                let index = text.index(text.startIndex, offsetBy: position)
                text.insert(contentsOf: special, at: index)
                let serialized = JSONValue.string(text).serialized(pretty: false)
                #expect(try JSONValue.parse(serialized).stringValue == text, "\(position) \(special.debugDescription)")
            }
        }
    }
}
