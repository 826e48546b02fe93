import Foundation
import PlanCore
import Testing

/// Two spellings of one name and whether their keys must be equal.
struct KeyPair: Sendable, CustomTestStringConvertible {
    let left: String
    let right: String
    var testDescription: String { "\"\(left)\" ~ \"\(right)\"" }
    init(_ left: String, _ right: String) {
        self.left = left
        self.right = right
    }
}

@Suite("VietnameseText: stored form and matching keys")
struct VietnameseTextTests {
    @Test("nfc composes, trims and collapses every kind of white space to one space")
    func nfcForm() {
        let nfd = "Sở  Tư\u{00A0}pháp\t\n tỉnh ".decomposedStringWithCanonicalMapping
        let stored = VietnameseText.nfc(nfd)
        #expect(stored == "Sở Tư pháp tỉnh")
        #expect(stored.unicodeScalars.elementsEqual("Sở Tư pháp tỉnh".unicodeScalars))
        #expect(VietnameseText.nfc("\u{200B} a \u{FEFF}") == "a")
        #expect(VietnameseText.nfc("") == "")
    }

    @Test("nfc keeps what the author wrote: eth, tone placement, punctuation")
    func nfcKeepsText() {
        #expect(VietnameseText.nfc("Ðài Phát thanh") == "Ðài Phát thanh")
        #expect(VietnameseText.nfc("Thủy lợi") != VietnameseText.nfc("Thuỷ lợi"))
        #expect(VietnameseText.nfc("Lao động-Thương binh") == "Lao động-Thương binh")
    }

    static let sameKey: [KeyPair] = [
        .init("hòa", "hoà"), .init("thủy", "thuỷ"), .init("khỏe", "khoẻ"), .init("tùy", "tuỳ"),
        .init("hóa", "hoá"), .init("quý", "qúy"), .init("giữa", "giưã"), .init("Hòa Bình", "Hoà Bình"),
        .init("Khánh Hòa", "KHÁNH HOÀ"), .init("Ủy ban nhân dân", "Uỷ ban nhân dân"),
        .init("người", "ngừơi"), .init("thuở", "thủơ"), .init("quỳnh", "qùynh"), .init("hoàng", "hòang"),
        .init("ngoài", "ngòai"), .init("ngoài", "ngoaì"), .init("khuỷu", "khủyu"), .init("gìn giữ", "gìn giữ"),
        .init("huỷ bỏ", "hủy bỏ"), .init("Thủy sản", "Thuỷ sản"), .init("xoáy", "xóay"),
        .init("Sở Lao động - Thương binh và Xã hội", "Sở Lao động-Thương binh và Xã hội"),
        .init("Sở Lao động - Thương binh và Xã hội", "SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI"),
        .init("Đài Phát thanh - Truyền hình và Báo Bình Phước", "Ðài Phát thanh — Truyền hình và Báo Bình Phước"),
        .init("Văn phòng Sở", "  Văn  phòng\u{00A0}Sở. "),
        .init("các phòng chuyên môn, nghiệp vụ", "các phòng chuyên môn , nghiệp vụ"),
        .init("Trung tâm Phục vụ hành chính công", "Trung tâm Phục vụ hành chính công".decomposedStringWithCanonicalMapping),
    ]

    @Test("spellings of one name share the folded key", arguments: sameKey)
    func foldedKeysMatch(_ pair: KeyPair) {
        #expect(VietnameseText.foldedKey(pair.left) == VietnameseText.foldedKey(pair.right))
    }

    static let differentKey: [KeyPair] = [
        .init("hoà", "hoa"), .init("quý", "quy"), .init("Sở Y tế", "Sở Tư pháp"), .init("thủy", "thùy"),
        .init("UBND tỉnh", "Ủy ban nhân dân tỉnh"), .init("Sở Nội vụ", "Sở Ngoại vụ"), .init("da", "đa"),
        .init("gìn", "gin"),
    ]

    @Test("different words keep different keys (no abbreviation expansion)", arguments: differentKey)
    func foldedKeysDiffer(_ pair: KeyPair) {
        #expect(VietnameseText.foldedKey(pair.left) != VietnameseText.foldedKey(pair.right))
    }

    @Test("the folded key places tones by the new-style rule, lower-cased and in NFC")
    func foldedKeyShape() {
        #expect(VietnameseText.foldedKey("Hòa Thủy Khỏe QÚY") == "hoà thuỷ khoẻ quý")
        #expect(VietnameseText.foldedKey("Lao động  –  Thương binh.") == "lao động-thương binh")
        #expect(VietnameseText.foldedKey("Ðồng Xoài") == "đồng xoài")
        let key = VietnameseText.foldedKey("Gìn giữ".decomposedStringWithCanonicalMapping)
        #expect(key.unicodeScalars.elementsEqual("gìn giữ".unicodeScalars))
    }

    static let names = [
        "Sở Lao động - Thương binh và Xã hội", "UBND tỉnh Bình Phước", "Hòa", "qúy", "THỦY", "Ðài", "người",
        "Quý III/2024", "a - b , c ( d )",
    ]

    @Test("the folded key is idempotent", arguments: names)
    func foldedKeyIdempotent(_ name: String) {
        let key = VietnameseText.foldedKey(name)
        #expect(VietnameseText.foldedKey(key) == key)
    }

    @Test("the accent-insensitive key drops every mark and maps đ to d")
    func accentInsensitive() {
        #expect(VietnameseText.accentInsensitiveKey("Sở Lao động - Thương binh") == "so lao dong-thuong binh")
        #expect(VietnameseText.accentInsensitiveKey("Ðồng Xoài") == "dong xoai")
        #expect(VietnameseText.accentInsensitiveKey("Hòa") == VietnameseText.accentInsensitiveKey("hoa"))
        #expect(VietnameseText.accentInsensitiveKey("Ủy ban") == "uy ban")
    }

    @Test("upper-casing keeps every Vietnamese letter and mark, in NFC")
    func upperCase() {
        #expect(VietnameseText.upper("Sở Lao động - Thương binh và Xã hội") == "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI")
        #expect(VietnameseText.upper("cộng hòa xã hội chủ nghĩa việt nam") == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        #expect(VietnameseText.upper("đ ư ơ ă â ê ô ỹ ặ ự") == "Đ Ư Ơ Ă Â Ê Ô Ỹ Ặ Ự")
        let fromNFD = VietnameseText.upper("tiếng việt".decomposedStringWithCanonicalMapping)
        #expect(fromNFD.unicodeScalars.elementsEqual("TIẾNG VIỆT".unicodeScalars))
    }
}

@Suite("Instants and the period that follows")
struct InstantAndFollowingTests {
    @Test("a UTC instant in Việt Nam's time, across midnight")
    func instant() {
        #expect(VietnameseText.instant(fromUTC: "2026-12-03T17:39:19Z") == "00:39 ngày 04/12/2026")
        #expect(VietnameseText.instant(fromUTC: "2024-06-17T02:05:00Z") == "09:05 ngày 17/06/2024")
        #expect(VietnameseText.instant(fromUTC: "không phải thời điểm") == "không phải thời điểm")
    }

    @Test("the next period of a report follows its own period within the year")
    func following() throws {
        let cases = [("2024-H1", "2024-H2"), ("2024-H2", "2025-H1"), ("2024-9M", "2024-Q4"), ("2024-Q4", "2025-Q1"),
                     ("2024-M12", "2025-M01"), ("2024-Y", "2025-Y")]
        for (period, next) in cases {
            #expect(try PeriodID(parsing: period).following.description == next, "\(period)")
        }
    }
}
