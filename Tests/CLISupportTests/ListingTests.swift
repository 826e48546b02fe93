import CLISupport
import PlanCore
import Testing

@Suite("Listings: what reaches a terminal or a spreadsheet")
struct ListingTests {
    static func listing(_ cells: [String]) -> Listing {
        var listing = Listing(columns: [.init("name", "Tên"), .init("note", "Ghi chú")])
        for cell in cells { listing.append([.string(cell), .string("x")]) }
        return listing
    }

    @Test("Control characters already stored are shown escaped in tables and CSV, never sent raw")
    func controlsEscaped() {
        let listing = Self.listing(["Phòng\u{1B}[2J X\u{07}", "Tab\tgiữ nguyên", "C1\u{9B}31m"])
        let table = listing.table()
        let csv = listing.csv
        for text in [table, csv] {
            #expect(!text.unicodeScalars.contains { ControlCharacters.isForbidden($0) })
            #expect(text.contains("Phòng\\u001B[2J X\\u0007"))
            #expect(text.contains("C1\\u009B31m"))
        }
        #expect(csv.contains("Tab\tgiữ nguyên"))
    }

    @Test(
        "CSV cells a spreadsheet would run as formulas get a leading apostrophe",
        arguments: [
            ("=1+1", "'=1+1"), ("+84 912", "'+84 912"), ("@SUM(A1)", "'@SUM(A1)"), ("-2+3", "'-2+3"),
            ("- gạch đầu dòng", "- gạch đầu dòng"), ("Phòng =A1", "Phòng =A1"),
        ])
    func formulas(_ cell: String, _ written: String) {
        let line = Self.listing([cell]).csv.split(separator: "\r\n")[1]
        #expect(line == "\(written),x")
    }

    @Test("An argument with a control character is refused, naming its option")
    func argumentRefusal() {
        #expect(VietnameseArgument.controlCharacterRefusal(["progress", "add", "--text", "a\u{1B}b"])?.contains("--text") == true)
        #expect(VietnameseArgument.controlCharacterRefusal(["--name=x\u{85}"])?.contains("--name") == true)
        #expect(VietnameseArgument.controlCharacterRefusal(["unit", "add", "Phòng\u{7F}"])?.contains("thứ 3") == true)
        #expect(VietnameseArgument.controlCharacterRefusal(["--text", "dòng 1\ndòng 2\tcột"]) == nil)
    }

    @Test("Day arguments: years outside 1945–2200 are refused, real days accepted")
    func days() throws {
        #expect(throws: ToolError.self) { try DayArgument.parse("01/01/0001", option: "--date") }
        #expect(throws: ToolError.self) { try DayArgument.parse("9999-12-31", option: "--date") }
        #expect(try DayArgument.parse("29/02/2024", option: "--date") == Day(2024, 2, 29))
    }
}
