import Testing
@testable import PlanImport

/// Numbering labels: I. / 1. / 1.1. / a) (with đ) / - / +.
@Suite("Numbering labels")
struct LabelTests {
    @Test("labels are recognised with their kind and the text after them", arguments: [
        ("I. MỤC ĐÍCH, YÊU CẦU", LabelKind.roman, "I", "MỤC ĐÍCH, YÊU CẦU"),
        ("VI. TỔ CHỨC THỰC HIỆN", .roman, "VI", "TỔ CHỨC THỰC HIỆN"),
        ("II- NỘI DUNG", .roman, "II", "NỘI DUNG"),
        ("1. Mục đích", .arabic, "1", "Mục đích"),
        ("12) Tổ chức hội nghị", .arabic, "12", "Tổ chức hội nghị"),
        ("1.1. Tuyên truyền", .arabic, "1.1", "Tuyên truyền"),
        ("2.3 Tập huấn", .arabic, "2.3", "Tập huấn"),
        ("a) Đăng tải bản tin", .letter, "a", "Đăng tải bản tin"),
        ("đ) Tổ chức", .letter, "đ", "Tổ chức"),
        ("b. Lồng ghép", .letter, "b", "Lồng ghép"),
        ("A. PHẦN CHUNG", .upperLetter, "A", "PHẦN CHUNG"),
        ("- Thời gian thực hiện: thường xuyên.", .dash, "-", "Thời gian thực hiện: thường xuyên."),
        ("– Đơn vị phối hợp", .dash, "-", "Đơn vị phối hợp"),
        ("• Tin, bài", .dash, "-", "Tin, bài"),
        ("+ Cải cách thể chế: …", .plus, "+", "Cải cách thể chế: …"),
        ("-Thời gian: Quý II", .dash, "-", "Thời gian: Quý II"),
    ])
    func recognises(text: String, kind: LabelKind, label: String, rest: String) throws {
        let parsed = try #require(Labels.parse(text))
        #expect(parsed.label.kind == kind)
        #expect(parsed.label.text == label)
        #expect(parsed.rest == rest)
    }

    @Test("ordinary sentences are not labelled", arguments: [
        "6 tháng đầu năm 2024", "1.000 người tham dự", "Kinh phí thực hiện", "TM. ỦY BAN NHÂN DÂN",
        "KT. GIÁM ĐỐC", "v.v. và các nội dung khác", "15/12/2024", "2024. Năm", "Số: 96/KH-UBND",
        "*Ghi chú*", "IIII. Sai số La Mã",
    ])
    func rejects(text: String) {
        #expect(Labels.parse(text) == nil)
    }

    @Test("nested labels rank deeper", arguments: [
        ("I. A", "1. B"), ("1. A", "1.1. B"), ("1.1. A", "a) B"), ("a) A", "- B"), ("- A", "+ B"),
    ])
    func ranks(outer: String, inner: String) throws {
        let a = try #require(Labels.parse(outer)).label
        let b = try #require(Labels.parse(inner)).label
        #expect(a.rank < b.rank)
    }

    @Test("Roman numerals in canonical form only")
    func roman() {
        #expect(Roman.value("IV") == 4)
        #expect(Roman.value("XIV") == 14)
        #expect(Roman.value("IIII") == nil)
        #expect(Roman.value("IC") == nil)
        #expect(Roman.numeral(39) == "XXXIX")
    }

    @Test("Vietnamese letter order includes đ; Word's order includes f")
    func letters() {
        #expect(Labels.letterFollows("đ", "d"))
        #expect(Labels.letterFollows("e", "đ"))
        #expect(Labels.letterFollows("e", "d"))
        #expect(Labels.letterFollows("g", "e"))
        #expect(Labels.letterFollows("f", "e"))
        #expect(!Labels.letterFollows("e", "c"))
    }
}
