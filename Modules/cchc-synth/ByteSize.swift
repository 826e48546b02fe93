import Foundation

/// Sizes as people read them ("1,2 MB"), with the Vietnamese decimal comma.
enum ByteSize {
    static func text(_ bytes: Int) -> String {
        let units = ["B", "KB", "MB", "GB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let number = unit == 0 ? String(bytes) : String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
        return "\(number) \(units[unit])"
    }
}
