import PlanCore

/// Dates typed on the command line: `30/06/2024` (also `30-06-2024`, `30.06.2024`, `1/7/2024`) or
/// `2024-06-30`. A day that does not exist (30/02) is an input error naming the option.
public enum DayArgument {
    public static func parse(_ text: String, option: String) throws(ToolError) -> Day {
        let value = VietnameseText.trimmed(text)
        let format = "dạng DD/MM/YYYY hoặc YYYY-MM-DD"
        let parts = value.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2])
        else {
            throw .argument(option, "\"\(value)\" không phải là ngày (\(format)).")
        }
        let (year, month, day): (Int, Int, Int)
        if parts[0].count == 4 {
            guard value.contains("-") else { throw .argument(option, "\"\(value)\" không phải là ngày (\(format)).") }
            (year, month, day) = (a, b, c)
        } else if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
            (year, month, day) = (c, b, a)
        } else {
            throw .argument(option, "\"\(value)\" không phải là ngày (\(format)); năm viết đủ 4 chữ số.")
        }
        guard (1945...2200).contains(year) else {
            throw .argument(option, "năm \(parts[0].count == 4 ? parts[0] : parts[2]) của ngày \(value) nằm ngoài khoảng 1945–2200.")
        }
        guard let result = Day(year, month, day) else {
            throw .argument(option, "ngày \(value) không tồn tại.")
        }
        return result
    }

    /// Parses an optional value (nil stays nil).
    public static func parse(optional text: String?, option: String) throws(ToolError) -> Day? {
        guard let text else { return nil }
        return try parse(text, option: option)
    }
}
