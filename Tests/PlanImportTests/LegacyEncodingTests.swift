import Foundation
import PlanCore
import Testing
@testable import PlanImport

/// TCVN3 (ABC), VNI and Windows-1258 texts are detected and converted to Unicode.
@Suite("Legacy Vietnamese encodings")
struct LegacyEncodingTests {
    static let sentence =
        "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Sở Lao động - Thương binh và Xã hội "
        + "tổ chức thực hiện kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024; đơn vị phối hợp: "
        + "các phòng chuyên môn, nghiệp vụ thuộc Sở, Trung tâm Dịch vụ việc làm, Quỹ Bảo trợ trẻ em."

    @Test("bytes in each legacy encoding are recognised and converted exactly")
    func detectsBytes() {
        let cases: [(Data, LegacyVietnameseEncoding)] = [
            (LegacyEncoders.tcvn3(Self.sentence), .tcvn3), (LegacyEncoders.vni(Self.sentence), .vni),
            (LegacyEncoders.windows1258(Self.sentence), .windows1258),
        ]
        for (data, encoding) in cases {
            let decoded = LegacyVietnamese.decode(bytes: [UInt8](data))
            #expect(decoded.encoding == encoding)
            #expect(decoded.text == Self.sentence)
        }
    }

    @Test("well-known legacy strings read as Latin-1 convert back", arguments: [
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", LegacyVietnameseEncoding.tcvn3, "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", .tcvn3, "Độc lập - Tự do - Hạnh phúc"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", .vni, "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", .vni, "Độc lập - Tự do - Hạnh phúc"),
    ])
    func convertsKnownStrings(misread: String, encoding: LegacyVietnameseEncoding, expected: String) {
        #expect(LegacyVietnamese.convertMisread(misread, from: encoding) == expected)
    }

    @Test(".VnTimeH headings typed in capitals come out in capitals")
    func capitalsFont() {
        #expect(LegacyVietnamese.convertMisread("KÕ HO¹CH", from: .tcvn3) == "KẾ HOẠCH")
        #expect(LegacyVietnamese.convertMisread("MôC §ÝCH, Y£U CÇU", from: .tcvn3) == "MỤC ĐÍCH, YÊU CẦU")
        // A mixed-case line keeps its lower case.
        #expect(LegacyVietnamese.convertMisread("KÕ ho¹ch", from: .tcvn3) == "Kế hoạch")
    }

    @Test("a UTF-8 file holding TCVN3 text pasted as Latin-1 is converted")
    func misreadInsideUTF8() throws {
        let misread = String(String.UnicodeScalarView(LegacyEncoders.tcvn3(Self.sentence).map { Unicode.Scalar($0) }))
        let decoded = try #require(TextDecoding.decode(Data(misread.utf8)))
        #expect(decoded.legacy == .tcvn3)
        #expect(decoded.text == Self.sentence)
    }

    @Test("Unicode Vietnamese and other Latin text are left alone", arguments: Fixtures.documents.filter { $0.hasSuffix(".txt") })
    func noFalsePositives(name: String) throws {
        let text = try String(contentsOf: Fixtures.url(name), encoding: .utf8)
        #expect(LegacyVietnamese.detectMisread(in: text) == nil)
        #expect(LegacyVietnamese.detectMisread(in: "Café crème à la carte, façade, naïve, señor, über") == nil)
    }

    @Test("a whole plan in TCVN3 or VNI imports like the Unicode original, with a warning")
    func wholePlan() throws {
        let original = try String(contentsOf: Fixtures.url("96-KH-UBND-2024.txt"), encoding: .utf8)
        let reference = try importText(original)
        for (data, code) in [(LegacyEncoders.tcvn3(original), "TCVN3"), (LegacyEncoders.vni(original), "VNI")] {
            let plan = try PlanImporter().read(data: data, fileName: "96-KH-UBND-2024.txt")
            #expect(plan.activities == reference.activities)
            #expect(plan.parent == reference.parent)
            #expect(plan.document.code == reference.document.code)
            #expect(plan.document.issuer == reference.document.issuer)
            #expect(plan.document.title == reference.document.title)
            #expect(plan.warnings.first?.code == "legacy-encoding")
            #expect(plan.warnings.first?.message.contains(code) == true)
        }
    }
}
