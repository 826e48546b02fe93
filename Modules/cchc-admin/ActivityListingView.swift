import CLISupport
import PlanCore
import PlanStore

/// Activities as a listing: one row each, the same values in table, JSON and CSV.
enum ActivityListingView {
    /// Every column in JSON and CSV; a terminal table shows the narrow set (mã, hoạt động, nội dung,
    /// chủ trì, hạn, tình trạng, số kết quả) unless `wide`.
    static func listing(_ activities: [ActivityOverview], format: OutputFormat, wide: Bool = true) -> Listing {
        let table = format == .table
        let narrow = table && !wide
        let columns: [(Listing.Column, wide: Bool)] = [
            (.init("id", "Mã", numeric: true), false), (.init("reference", "Hoạt động"), false),
            (.init("title", "Nội dung"), false), (.init("lead", "Chủ trì"), false),
            (.init("coordinating", "Phối hợp"), true), (.init("schedule", "Thời gian"), true), (.init("due", "Hạn"), false),
            (.init("status", "Tình trạng"), false), (.init("entries", "Số kết quả", numeric: true), false),
            (.init("lastEntry", "Kết quả gần nhất"), true), (.init("version", "Phiên bản", numeric: true), true),
        ]
        let shown = columns.map { !(narrow && $0.wide) }
        var listing = Listing(columns: zip(columns, shown).filter(\.1).map(\.0.0))
        for item in activities {
            let a = item.activity
            let values: [JSONValue] = [
                .int(Int(a.id)), .string(a.reference), .string(table ? shortened(a.title, to: narrow ? 48 : 60) : a.title),
                .strings(item.lead.map(\.unit.name)), .strings(item.coordinating.map(\.unit.name)),
                .string(a.schedule.text),
                .string(table ? a.schedule.to?.vietnamese : a.schedule.to?.iso),
                .string(table ? Wording.status(item.status) : item.status.rawValue), .int(item.entryCount),
                .string(table ? item.lastEntry?.vietnamese : item.lastEntry?.iso), .int(a.version),
            ]
            listing.append(zip(values, shown).filter(\.1).map(\.0))
        }
        return listing
    }

    /// Long titles cut for a terminal table (JSON and CSV keep them whole).
    static func shortened(_ text: String, to length: Int = 60) -> String {
        text.count > length ? String(text.prefix(length - 1)) + "…" : text
    }
}
