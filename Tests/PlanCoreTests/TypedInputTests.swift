import PlanCore
import Testing

@Suite("Quantities as people type them: the number meant, or a refusal that says why")
struct TypedInputTests {
    @Test(
        "Vietnamese forms, and English forms that cannot be mistaken for them, are read as meant",
        arguments: [
            ("12", 12.0), ("0", 0), ("2,5", 2.5), ("0,125", 0.125), ("12,50", 12.5), ("1.000", 1000), ("12.500", 12_500),
            ("1.000.000", 1_000_000), ("1.234,5", 1234.5), ("1.234.567,25", 1_234_567.25), ("2.5", 2.5), ("0.750", 0.75),
            ("1,234,567", 1_234_567), ("1,234.5", 1234.5), ("1,2345", 1.2345), (" 120 ", 120), ("1000", 1000),
        ])
    func readsAsMeant(text: String, value: Double) throws {
        #expect(try TypedInput.quantity(text) == value)
    }

    @Test("A single comma before three digits is ambiguous: both readings are offered, nothing is guessed")
    func ambiguousComma() throws {
        for (text, thousands, decimal) in [("1,000", "1.000", "1"), ("2,500", "2.500", "2,5"), ("120,125", "120.125", "120,125")] {
            #expect(throws: TypedInput.Refusal.self) { try TypedInput.quantity(text) }
            do {
                _ = try TypedInput.quantity(text)
            } catch {
                #expect(
                    error.message
                        == "\"\(text)\" không rõ là \(thousands) (dấu phẩy ngăn hàng nghìn, cách viết tiếng Anh) hay \(decimal) (dấu phẩy thập phân): hãy viết \(thousands) hoặc \(decimal)."
                )
            }
        }
        // A leading zero cannot start a thousands group: "0,500" is a half.
        #expect(try TypedInput.quantity("0,500") == 0.5)
    }

    @Test(
        "Not numbers, and badly grouped digits, are refused with the reason",
        arguments: [
            ("mười hai", "không phải là một số"), ("", "không phải là một số"), ("-3", "không phải là một số"),
            ("1e3", "không phải là một số"), ("2,", "không phải là một số"), (",5", "không phải là một số"),
            ("1 000", "không phải là một số"), ("１２", "không phải là một số"), ("1.00.0", "đặt sai chỗ"),
            ("12.34.567", "đặt sai chỗ"), ("1,23,456", "đặt sai chỗ"), ("1.234,5,6", "đặt sai chỗ"),
            ("1,234.5.6", "đặt sai chỗ"), ("12.34,5", "đặt sai chỗ"), ("0.500.000", "đặt sai chỗ"),
        ])
    func refused(text: String, reason: String) {
        do {
            let value = try TypedInput.quantity(text)
            Issue.record("\"\(text)\" was read as \(value)")
        } catch {
            #expect(error.message.contains(reason), "\(error.message)")
        }
    }

    @Test("Numbers are written back the Vietnamese way, so what is shown reads as what was typed")
    func writtenBack() throws {
        for text in ["12", "2,5", "1.000", "12.500", "1.234,5", "1.000.000", "0,13"] {
            #expect(VietnameseText.number(try TypedInput.quantity(text)) == text)
        }
        #expect(VietnameseText.number(2.5) == "2,5" && VietnameseText.number(-1250) == "-1.250")
        // Reports round to two decimals; a form filled for a correction keeps what was stored.
        #expect(VietnameseText.number(0.125) == "0,13" && VietnameseText.number(0.125, decimals: 6) == "0,125")
        #expect(VietnameseText.number(1234.05, decimals: 6) == "1.234,05" && VietnameseText.number(7, decimals: 0) == "7")
        #expect(try TypedInput.quantity(VietnameseText.number(1_234_567.125, decimals: 6)) == 1_234_567.125)
    }
}
