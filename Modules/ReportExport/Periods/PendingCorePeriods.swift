import PlanCore

// TEMPORARY: the shape branch `core` will give PlanCore (reporting periods and regimes). This file is
// deleted when `core` is merged; everything in ReportExport reaches periods through `PeriodAdapter.swift`
// only, so the merge touches that one file.

/// A reporting period: "2024-M05", "2024-Q2", "2024-H1", "2024-9M", "2024-Y".
public struct PeriodID: Hashable, Sendable, CustomStringConvertible {
    /// The kind of period and its index in the year.
    public enum Kind: Hashable, Sendable {
        case month(Int)
        case quarter(Int)
        case half(Int)
        case nineMonths
        case year
    }

    public let year: Int
    public let kind: Kind

    public init(year: Int, kind: Kind) {
        self.year = year
        self.kind = kind
    }

    /// Parses the identifier form ("2024-Q2").
    public init?(_ text: String) {
        let parts = text.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        let rest = String(parts[1])
        switch rest {
        case "Y": kind = .year
        case "9M": kind = .nineMonths
        case "H1", "H2": kind = .half(Int(rest.dropFirst())!)
        case "Q1", "Q2", "Q3", "Q4": kind = .quarter(Int(rest.dropFirst())!)
        default:
            guard rest.count == 3, rest.first == "M", let m = Int(rest.dropFirst()), (1...12).contains(m) else {
                return nil
            }
            kind = .month(m)
        }
        self.year = year
    }

    public var description: String {
        switch kind {
        case .month(let m): return "\(year)-M" + (m < 10 ? "0\(m)" : "\(m)")
        case .quarter(let q): return "\(year)-Q\(q)"
        case .half(let h): return "\(year)-H\(h)"
        case .nineMonths: return "\(year)-9M"
        case .year: return "\(year)-Y"
        }
    }

    /// "Quý II năm 2024", "Tháng 5 năm 2024", "6 tháng đầu năm 2024", "9 tháng năm 2024", "Năm 2024".
    public var label: String {
        let roman = ["I", "II", "III", "IV"]
        switch kind {
        case .month(let m): return "Tháng \(m) năm \(year)"
        case .quarter(let q): return "Quý \(roman[q - 1]) năm \(year)"
        case .half(let h): return h == 1 ? "6 tháng đầu năm \(year)" : "6 tháng cuối năm \(year)"
        case .nineMonths: return "9 tháng năm \(year)"
        case .year: return "Năm \(year)"
        }
    }

    /// The following period of the same kind.
    public var next: PeriodID {
        switch kind {
        case .month(let m): return m == 12 ? PeriodID(year: year + 1, kind: .month(1)) : PeriodID(year: year, kind: .month(m + 1))
        case .quarter(let q): return q == 4 ? PeriodID(year: year + 1, kind: .quarter(1)) : PeriodID(year: year, kind: .quarter(q + 1))
        case .half(let h): return h == 2 ? PeriodID(year: year + 1, kind: .half(1)) : PeriodID(year: year, kind: .half(2))
        case .nineMonths: return PeriodID(year: year, kind: .year)
        case .year: return PeriodID(year: year + 1, kind: .year)
        }
    }
}

/// Which cut-off rule and deadlines produce a period's data window.
public enum ReportingRegime: String, Hashable, Sendable, CaseIterable {
    /// Nghị định 09/2019/NĐ-CP: windows from day 15 to day 14.
    case nd09
    /// The CCHC regime (581/BNV-CCHC): quarterly, 6-month and yearly reports; Q3 only 15/6 → 14/9.
    case cchc

    /// The data window (cut-off) of a period.
    public func window(for period: PeriodID) -> DayRange {
        let y = period.year
        func span(_ firstMonth: Int, _ lastMonth: Int) -> DayRange {
            DayRange(from: Day(y, firstMonth, 15)!.adding(months: -1), to: Day(y, lastMonth, 14)!)
        }
        switch period.kind {
        case .month(let m): return span(m, m)
        case .quarter(let q): return span(3 * q - 2, 3 * q)
        case .half(let h): return h == 1 ? span(1, 6) : span(7, 12)
        case .nineMonths: return span(1, 9)
        case .year: return span(1, 12)
        }
    }

    /// The last day a unit's report counts as on time: day 5 of the month after the cut-off for ND09,
    /// day 20 of the period's last month for CCHC (configurable in PlanCore; fixed here).
    public func deadline(for period: PeriodID) -> Day {
        let to = window(for: period).to
        switch self {
        case .nd09: return Day(to.year, to.month, 1)!.adding(months: 1).adding(days: 4)
        case .cchc: return Day(to.year, to.month, 20)!
        }
    }
}
