import PlanCore
import Testing
@testable import PlanImport

/// The closing: "Nơi nhận" and the signature block in its usual forms.
@Suite("Signature and recipients")
struct SignatureTests {
    static func parse(_ lines: [String]) -> (signer: DocumentIdentity.Signer, recipients: [String]) {
        SignatureParser.parse(lines.enumerated().map { Paragraph(text: $1, columns: [$1], location: .line($0 + 1)) })
    }

    static let signerCases: [([String], DocumentIdentity.Signer)] = [
        (
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"],
            .init(capacity: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", name: "Nguyễn Văn A")
        ),
        (
            ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký)", "Phạm Thị Mai Hương"],
            .init(capacity: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Phạm Thị Mai Hương")
        ),
        (["GIÁM ĐỐC", "Trần Văn B"], .init(capacity: nil, title: "GIÁM ĐỐC", name: "Trần Văn B")),
        (
            ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "[đã ký]", "Lê Văn C"],
            .init(capacity: "TL. CHỦ TỊCH", title: "CHÁNH VĂN PHÒNG", name: "Lê Văn C")
        ),
        (["TUQ. GIÁM ĐỐC", "TRƯỞNG PHÒNG NỘI VỤ"], .init(capacity: "TUQ. GIÁM ĐỐC", title: "TRƯỞNG PHÒNG NỘI VỤ", name: nil)),
    ]

    @Test("authority lines, title and name", arguments: signerCases)
    func signer(lines: [String], expected: DocumentIdentity.Signer) {
        #expect(Self.parse(lines).signer == expected)
    }

    @Test("recipients without their dashes and closing punctuation")
    func recipients() {
        let closing = Self.parse([
            "Nơi nhận:", "- UBND tỉnh;", "- Sở Nội vụ;", "- Lưu: VT, VP (TL1).", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
            "Phạm Thị Mai Hương",
        ])
        #expect(closing.recipients == ["UBND tỉnh", "Sở Nội vụ", "Lưu: VT, VP (TL1)"])
        #expect(closing.signer.name == "Phạm Thị Mai Hương")
    }

    @Test("a first recipient on the heading line, and entries without dashes ending at \"Lưu\"")
    func recipientForms() {
        #expect(Self.parse(["Nơi nhận: - Bộ Nội vụ;", "- Sở Nội vụ."]).recipients == ["Bộ Nội vụ", "Sở Nội vụ"])
        #expect(
            Self.parse(["Nơi nhận:", "Như trên;", "Lưu: VT.", "GIÁM ĐỐC", "Trần Văn B"]).recipients == ["Như trên", "Lưu: VT"])
    }
}
