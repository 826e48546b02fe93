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

    /// A quantity as Vietnamese writes it — "." groups thousands, "," starts the decimals: `1.000` is one
    /// thousand, `2,5` two and a half, `1.234,5` — or in the English form where that cannot be mistaken
    /// for it (`2.5`, `1,234,567`, `1,234.5`). The one truly ambiguous form, a single comma before exactly
    /// three digits (`1,000`: one in Vietnamese, a thousand in English), is refused with both readings.
    /// Never a different number than the one meant: badly grouped digits (`1.00.0`) are refused too.
    public static func quantity(_ text: String) throws(Refusal) -> Double {
        let value = VietnameseText.trimmed(text)
        let example = "ví dụ: 12, 1.000 hoặc 2,5"
        let notNumber = Refusal(message: "\"\(value)\" không phải là một số (\(example)).")
        guard value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }),
            value.first?.isNumber == true, value.last?.isNumber == true
        else { throw notNumber }
        let commas = value.filter { $0 == "," }.count
        let dots = value.filter { $0 == "." }.count

        /// `whole` split at `separator` is a grouping of thousands: 1–3 digits (not a leading 0), then 3s.
        func grouped(_ whole: Substring, by separator: Character) -> Bool {
            let groups = whole.split(separator: separator, omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count), groups.count > 1, first.first != "0"
            else { return false }
            return groups.dropFirst().allSatisfy { $0.count == 3 }
        }
        func number(whole: Substring, grouping: Character?, fraction: Substring?) throws(Refusal) -> Double {
            let digits = grouping.map { g in whole.filter { $0 != g } } ?? String(whole)
            guard let result = Double(digits + (fraction.map { "." + $0 } ?? "")) else { throw notNumber }
            return result
        }
        let badGrouping = Refusal(
            message:
                "\"\(value)\" có dấu phân cách hàng nghìn đặt sai chỗ (mỗi nhóm 3 chữ số, ví dụ 12.500 hoặc 12.500,5).")

        switch (dots, commas) {
        case (0, 0):
            return try number(whole: value[...], grouping: nil, fraction: nil)
        case (_, 0):
            // Dots only: thousands (Vietnamese) when they group by three after a non-zero lead; one dot
            // otherwise is a decimal point (2.5, 0.750).
            let parts = value.split(separator: ".", omittingEmptySubsequences: false)
            if grouped(value[...], by: ".") { return try number(whole: value[...], grouping: ".", fraction: nil) }
            guard dots == 1 else { throw badGrouping }
            return try number(whole: parts[0], grouping: nil, fraction: parts[1])
        case (0, _):
            // Commas only: one comma is the Vietnamese decimal comma, unless exactly three digits follow a
            // non-zero whole part (1,000), which English readers take for a thousand. Several commas can
            // only be English thousands (1,234,567).
            let parts = value.split(separator: ",", omittingEmptySubsequences: false)
            if commas == 1 {
                if parts[1].count == 3, parts[0].first != "0", parts[0].count <= 3 {
                    let decimals = parts[1].reversed().drop(while: { $0 == "0" }).reversed()
                    let decimal = parts[0] + (decimals.isEmpty ? "" : "," + String(decimals))
                    let thousands = VietnameseText.number(try number(whole: value[...], grouping: ",", fraction: nil))
                    throw Refusal(
                        message:
                            "\"\(value)\" không rõ là \(thousands) (dấu phẩy ngăn hàng nghìn, cách viết tiếng Anh) hay \(decimal) "
                            + "(dấu phẩy thập phân): hãy viết \(thousands) hoặc \(decimal).")
                }
                return try number(whole: parts[0], grouping: nil, fraction: parts[1])
            }
            guard grouped(value[...], by: ",") else { throw badGrouping }
            return try number(whole: value[...], grouping: ",", fraction: nil)
        default:
            // Both: the one that comes last starts the decimals, once; the other groups thousands.
            let decimal: Character = value.lastIndex(of: ",")! > value.lastIndex(of: ".")! ? "," : "."
            let grouping: Character = decimal == "," ? "." : ","
            guard value.filter({ $0 == decimal }).count == 1, let at = value.lastIndex(of: decimal) else { throw badGrouping }
            let whole = value[..<at]
            guard grouped(whole, by: grouping) else { throw badGrouping }
            return try number(whole: whole, grouping: grouping, fraction: value[value.index(after: at)...])
        }
    }
}
