import Foundation

/// Values people type — on the command line or in a form — read strictly, with the reason in Vietnamese
/// when they cannot be read. Every front end uses these, so a date or a quantity means the same thing
/// wherever it was typed.
public enum TypedInput {
    /// Why a typed value was refused (without naming the field: each front end names it its own way).
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public var message: String
        public var description: String { message }
    }

    /// `30/06/2024` (also `30-06-2024`, `30.06.2024`, `1/7/2024`) or `2024-06-30`; years 1945–2200; a day
    /// that does not exist (30/02) is refused.
    public static func day(_ text: String) throws(Refusal) -> Day {
        let value = VietnameseText.trimmed(text)
        let format = "dạng DD/MM/YYYY hoặc YYYY-MM-DD"
        let parts = value.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2])
        else {
            throw Refusal(message: "\"\(value)\" không phải là ngày (\(format)).")
        }
        let (year, month, day): (Int, Int, Int)
        if parts[0].count == 4 {
            guard value.contains("-") else { throw Refusal(message: "\"\(value)\" không phải là ngày (\(format)).") }
            (year, month, day) = (a, b, c)
        } else if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
            (year, month, day) = (c, b, a)
        } else {
            throw Refusal(message: "\"\(value)\" không phải là ngày (\(format)); năm viết đủ 4 chữ số.")
        }
        guard (1945...2200).contains(year) else {
            throw Refusal(message: "năm \(parts[0].count == 4 ? parts[0] : parts[2]) của ngày \(value) nằm ngoài khoảng 1945–2200.")
        }
        guard let result = Day(year, month, day) else {
            throw Refusal(message: "ngày \(value) không tồn tại.")
        }
        return result
    }

    /// `12`, `2,5` or `2.5`; `1.000` is refused as ambiguous (a decimal point, or a thousands separator?).
    public static func quantity(_ text: String) throws(Refusal) -> Double {
        let value = VietnameseText.trimmed(text)
        let separators = value.filter { $0 == "," || $0 == "." }
        let digitsOnly = value.filter { $0 != "," && $0 != "." }
        guard !digitsOnly.isEmpty, digitsOnly.allSatisfy({ $0.isASCII && $0.isNumber }), separators.count <= 1,
            value.first?.isNumber == true, value.last?.isNumber == true
        else {
            throw Refusal(message: "\"\(value)\" không phải là một số (ví dụ: 12 hoặc 2,5).")
        }
        if separators == ".", let dot = value.firstIndex(of: "."), value[value.index(after: dot)...].count == 3 {
            throw Refusal(
                message:
                    "\"\(value)\" không rõ là số thập phân hay số có dấu phân cách hàng nghìn; hãy viết \(digitsOnly) hoặc \(value.replacingOccurrences(of: ".", with: ","))."
            )
        }
        guard let number = Double(value.replacingOccurrences(of: ",", with: ".")) else {
            throw Refusal(message: "\"\(value)\" không phải là một số.")
        }
        return number
    }
}
