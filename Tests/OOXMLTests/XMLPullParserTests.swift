import OOXML
import Testing

/// The strict XML reader: what it accepts, what it refuses, and where it says the error is.
@Suite("XML pull parser")
struct XMLPullParserTests {
    static func events(_ xml: String, canonicalPrefixes: [String: String] = [:]) throws(OOXMLError) -> [XMLEvent] {
        var parser = try XMLPullParser(Array(xml.utf8), part: "test.xml", canonicalPrefixes: canonicalPrefixes)
        var events: [XMLEvent] = []
        while true {
            let event = try parser.next()
            if event == .endOfDocument { return events }
            events.append(event)
        }
    }

    static func failure(_ xml: String) -> OOXMLError? {
        do {
            _ = try events(xml)
            return nil
        } catch {
            return error
        }
    }

    @Test("Elements, attributes as written, text, CDATA; comments and PIs skipped; empty tags end")
    func wellFormedDocument() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!-- đầu --><?mso-application progid="Word.Document"?>
            <w:p w:rsidR="00A1" a='1'><w:t>Xin &amp; chào</w:t><w:br/><![CDATA[<b>&amp;</b>]]></w:p>
            """
        let events = try Self.events(xml)
        #expect(events == [
            .start(XMLStartTag(name: "w:p", attributes: [XMLAttribute(name: "w:rsidR", value: "00A1"),
                                                         XMLAttribute(name: "a", value: "1")])),
            .start(XMLStartTag(name: "w:t")), .text("Xin & chào"), .end("w:t"),
            .start(XMLStartTag(name: "w:br")), .end("w:br"), .text("<b>&amp;</b>"), .end("w:p"),
        ])
    }

    @Test("The five predefined entities and numeric references decode; line ends normalise to \\n")
    func references() throws {
        let xml = "<a v=\"&lt;&#x1EA0;&#7863;\tx\">&lt;&gt;&amp;&quot;&apos;&#272;&#x1ec7;\r\nb\rc</a>"
        let events = try Self.events(xml)
        #expect(events.first == .start(XMLStartTag(name: "a", attributes: [XMLAttribute(name: "v", value: "<Ạặ x")])))
        #expect(events.dropFirst().first == .text("<>&\"'Đệ\nb\nc"))
    }

    @Test("UTF-8 and UTF-16 byte order marks are honoured")
    func byteOrderMarks() throws {
        var parser = try XMLPullParser([0xEF, 0xBB, 0xBF] + Array("<a>ạ</a>".utf8), part: "x")
        #expect(try parser.next() == .start(XMLStartTag(name: "a")))
        #expect(try parser.next() == .text("ạ"))
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("<a>ạ</a>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        var parser16 = try XMLPullParser(utf16, part: "x")
        #expect(try parser16.next() == .start(XMLStartTag(name: "a")))
        #expect(try parser16.next() == .text("ạ"))
    }

    @Test(
        "DTDs, entity declarations, external entities and billion laughs are refused outright",
        arguments: [
            "<!DOCTYPE a><a/>",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>",
            """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">\
            <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>
            """,
            "<a><!ENTITY x \"y\"></a>",
            "<!doctype html><a/>",
        ])
    func forbiddenDTD(xml: String) {
        #expect(Self.failure(xml) == .forbiddenDTD(part: "test.xml"))
    }

    @Test(
        "Malformed XML is reported with its line",
        arguments: [
            ("<a>\n<b>\n</a>", 3),
            ("<a>\n&unknown;</a>", 2),
            ("<a>\n\n&#0;</a>", 3),
            ("<a>x & y</a>", 1),
            ("<a b=\"1\" b=\"2\"/>", 1),
            ("<a b=1/>", 1),
            ("<a b=\"<\"/>", 1),
            ("<a>\n\n\n", 4),
            ("<a/><b/>", 1),
            ("text<a/>", 1),
            ("", 1),
            ("<a>\u{1}</a>", 1),
            ("<a></b>", 1),
            ("</a>", 1),
            ("<a><!-- open</a>", 1),
            ("<a><![CDATA[x</a>", 1),
            ("<a><?xml version=\"1.0\"?></a>", 1),
            ("<?xml version=\"1.0\" encoding=\"windows-1258\"?><a/>", 1),
            ("<a b=\"1\"c=\"2\"/>", 1),
            ("<1a/>", 1),
        ])
    func malformed(xml: String, line: Int) {
        guard case .malformedXML(let part, let reportedLine, let reason)? = Self.failure(xml) else {
            Issue.record("expected malformedXML for \(xml.debugDescription), got \(String(describing: Self.failure(xml)))")
            return
        }
        #expect(part == "test.xml")
        #expect(reportedLine == line)
        #expect(!reason.isEmpty)
    }

    @Test("Nesting deeper than the limit is malformed, not a stack overflow")
    func deepNesting() {
        let depth = XMLPullParser.maxDepth + 1
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        guard case .malformedXML? = Self.failure(xml) else {
            Issue.record("expected malformedXML")
            return
        }
        let fine = String(repeating: "<a>", count: depth - 1) + String(repeating: "</a>", count: depth - 1)
        #expect(Self.failure(fine) == nil)
    }

    @Test("Known namespaces are reported under canonical prefixes, whatever the document calls them")
    func canonicalPrefixes() throws {
        let xml = """
            <d xmlns="urn:word" xmlns:q="urn:word"><p q:val="1"><q:t>x</q:t>\
            <o xmlns="urn:other"><i/></o></p></d>
            """
        let events = try Self.events(xml, canonicalPrefixes: ["urn:word": "w"])
        let names: [String] = events.compactMap { event in
            switch event {
            case .start(let tag): tag.name + (tag["w:val"].map { "@" + $0 } ?? "")
            case .end(let name): "/" + name
            default: nil
            }
        }
        #expect(names == ["w:d", "w:p@1", "w:t", "/w:t", "o", "i", "/i", "/o", "/w:p", "/w:d"])
    }

    @Test("skipElement consumes exactly the current element")
    func skipElement() throws {
        var parser = try XMLPullParser(Array("<a><b><c/>t</b><d/></a>".utf8), part: "x")
        #expect(try parser.next() == .start(XMLStartTag(name: "a")))
        #expect(try parser.next() == .start(XMLStartTag(name: "b")))
        try parser.skipElement()
        #expect(try parser.next() == .start(XMLStartTag(name: "d")))
    }
}
