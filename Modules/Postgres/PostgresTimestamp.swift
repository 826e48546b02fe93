import Foundation

/// Converts between `Date` and PostgreSQL's ISO timestamp text, at the server's microsecond precision.
///
/// Reads `timestamptz` output with any offset (`+00`, `+05:30`, `-03:30:15`), `timestamp` (taken as UTC),
/// and `date` (midnight UTC); accepts `T` or a space between date and time, `Z`, and a trailing ` BC`.
/// `infinity` and `-infinity` are not dates and read as nil.
public enum PostgresTimestamp {
    /// Microseconds between 1970-01-01 and 2001-01-01 (Foundation's reference date).
    private static let referenceOffsetMicros: Int64 = 978_307_200 * 1_000_000

    /// `YYYY-MM-DD HH:MM:SS.ffffff+00`, in UTC, rounded to the microsecond.
    public static func text(from date: Date) -> String {
        let micros = Int64((date.timeIntervalSinceReferenceDate * 1_000_000).rounded()) + referenceOffsetMicros
        let (seconds, fraction) = floorDivide(micros, 1_000_000)
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let (year, month, day) = CivilCalendar.civil(fromDaysSinceEpoch: Int(days))
        let displayYear = year > 0 ? year : 1 - year
        var text = "\(pad(displayYear, 4))-\(pad(month, 2))-\(pad(day, 2)) "
        text += "\(pad(Int(secondOfDay / 3600), 2)):\(pad(Int(secondOfDay % 3600 / 60), 2)):"
        text += "\(pad(Int(secondOfDay % 60), 2)).\(pad(Int(fraction), 6))+00"
        if year <= 0 { text += " BC" }
        return text
    }

    /// The instant a timestamp text denotes, or nil when it is not one.
    public static func date(from text: String) -> Date? {
        var scanner = TimestampScanner(text)
        guard let micros = scanner.scan() else { return nil }
        return Date(timeIntervalSinceReferenceDate: Double(micros - referenceOffsetMicros) / 1_000_000)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
        return (quotient, value - quotient * divisor)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// A one-pass reader of `Y…Y-MM-DD[( |T)HH:MM[:SS[.f…]]][Z|±HH[:MM[:SS]]][ BC]` into microseconds since 1970.
private struct TimestampScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    mutating func scan() -> Int64? {
        guard let year = number(minDigits: 4, maxDigits: 7), take("-"), let month = number(exactly: 2), take("-"),
            let day = number(exactly: 2), (1...12).contains(month)
        else { return nil }
        var seconds: Int64 = 0
        var micros: Int64 = 0
        var offset: Int64 = 0
        if take(" ") || take("T") {
            guard let hour = number(exactly: 2), take(":"), let minute = number(exactly: 2), hour <= 24, minute < 60
            else { return nil }
            var second = 0
            if take(":") {
                guard let value = number(exactly: 2), value <= 60 else { return nil }
                second = value
                if take(".") {
                    guard let (fraction, digits) = fractionDigits() else { return nil }
                    micros = Int64(fraction)
                    for _ in digits..<6 { micros *= 10 }
                }
            }
            seconds = Int64(hour * 3600 + minute * 60 + second)
            if take("Z") {
                offset = 0
            } else if let sign = peekSign() {
                index += 1
                guard let hours = number(exactly: 2) else { return nil }
                var total = hours * 3600
                if take(":") {
                    guard let minutes = number(exactly: 2) else { return nil }
                    total += minutes * 60
                    if take(":") {
                        guard let secs = number(exactly: 2) else { return nil }
                        total += secs
                    }
                }
                offset = Int64(sign * total)
            }
        }
        var astronomicalYear = year
        if take(" ") {
            guard take("B"), take("C") else { return nil }
            astronomicalYear = 1 - year
        }
        guard index == bytes.count, day <= CivilCalendar.daysIn(month: month, year: astronomicalYear) else {
            return nil
        }
        let days = Int64(CivilCalendar.daysSinceEpoch(year: astronomicalYear, month: month, day: day))
        return (days * 86_400 + seconds - offset) * 1_000_000 + micros
    }

    private mutating func take(_ character: Character) -> Bool {
        guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
        index += 1
        return true
    }

    private func peekSign() -> Int? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "+"): return 1
        case UInt8(ascii: "-"): return -1
        default: return nil
        }
    }

    private mutating func number(exactly count: Int) -> Int? { number(minDigits: count, maxDigits: count) }

    private mutating func number(minDigits: Int, maxDigits: Int) -> Int? {
        var value = 0
        var digits = 0
        while index < bytes.count, digits < maxDigits, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        return digits >= minDigits ? value : nil
    }

    /// Up to six significant fraction digits (further digits are dropped); returns value and digit count.
    private mutating func fractionDigits() -> (Int, Int)? {
        var value = 0
        var digits = 0
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            if digits < 6 {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                digits += 1
            }
            index += 1
        }
        return digits > 0 ? (value, digits) : nil
    }
}
