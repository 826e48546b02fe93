import Foundation

/// Numbers and durations as Vietnamese text ("2.720.000", "3,4 s").
enum SynthText {
    /// Thousands separated by dots.
    static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// Seconds with one decimal (comma).
    static func seconds(_ value: Double) -> String {
        String(format: "%.1f s", value).replacingOccurrences(of: ".", with: ",")
    }

    /// "  Hoạt động …: 3,4 s".
    static func step(_ label: String, seconds value: Double) -> String {
        "  \(label): \(seconds(value))"
    }
}
