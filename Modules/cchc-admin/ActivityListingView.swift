import CLISupport
import PlanCore
import PlanStore

/// Activities as a listing: one row each, the same values in table, JSON and CSV.
enum ActivityListingView {
    static func listing(_ activities: [ActivityOverview], format: OutputFormat) -> Listing {
        let table = format == .table
        var listing = Listing(columns: [
            .init("id", "Mã", numeric: true), .init("reference", "Hoạt động"), .init("title", "Nội dung"),
            .init("lead", "Chủ trì"), .init("coordinating", "Phối hợp"), .init("schedule", "Thời gian"),
            .init("due", "Hạn"), .init("status", "Tình trạng"), .init("entries", "Số kết quả", numeric: true),
            .init("lastEntry", "Kết quả gần nhất"), .init("version", "Phiên bản", numeric: true),
        ])
        for item in activities {
            let a = item.activity
            listing.append([
                .int(Int(a.id)), .string(a.reference), .string(table ? shortened(a.title) : a.title),
                .strings(item.lead.map(\.unit.name)), .strings(item.coordinating.map(\.unit.name)),
                .string(a.schedule.text),
                .string(table ? a.schedule.to?.vietnamese : a.schedule.to?.iso),
                .string(table ? Wording.status(item.status) : item.status.rawValue), .int(item.entryCount),
                .string(table ? item.lastEntry?.vietnamese : item.lastEntry?.iso), .int(a.version),
            ])
        }
        return listing
    }

    /// Long titles cut for a terminal table (JSON and CSV keep them whole).
    static func shortened(_ text: String, to length: Int = 60) -> String {
        text.count > length ? String(text.prefix(length - 1)) + "…" : text
    }
}
