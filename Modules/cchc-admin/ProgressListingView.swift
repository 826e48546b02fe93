import CLISupport
import Foundation
import PlanCore
import PlanStore

/// Progress entries as a listing.
enum ProgressListingView {
    static func listing(_ entries: [ProgressRow], format: OutputFormat) -> Listing {
        let table = format == .table
        var listing = Listing(columns: [
            .init("id", "Mã", numeric: true), .init("date", "Ngày"), .init("activity", "Hoạt động"),
            .init("unit", "Đơn vị"),
            .init("text", "Kết quả"), .init("quantity", "Số lượng", numeric: true),
            .init("quantityUnit", "Đơn vị tính"),
            .init("evidence", "Tài liệu kiểm chứng"), .init("supersedes", "Sửa mục", numeric: true),
            .init("supersededBy", "Đã sửa bởi", numeric: true), .init("withdrawn", "Rút kết quả"), .init("reason", "Lý do sửa, rút"),
            .init("recordedBy", "Người ghi"), .init("recordedAt", "Ghi lúc"),
            .init("receivedOn", "Nhập bù: nhận ngày"), .init("receivedIn", "Nhập bù: văn bản"),
        ])
        for entry in entries {
            let evidence: JSONValue =
                table || format == .csv
                ? .strings(entry.evidence.map { $0.kind == .file ? "tệp: \($0.value)" : $0.value })
                : .array(
                    entry.evidence.map {
                        .object([
                            ("kind", .string($0.kind.rawValue)), ("value", .string($0.value)),
                            ("sha256", .string($0.sha256)),
                        ])
                    })
            let quantity: JSONValue =
                entry.quantity.map { q in
                    q == q.rounded() && abs(q) < 1e15 ? .int(Int(q)) : .double(q)
                } ?? .null
            listing.append([
                .int(Int(entry.id)), .string(table ? entry.date.vietnamese : entry.date.iso),
                .string(entry.activityReference),
                .string(entry.unitName), .string(table ? ActivityListingView.shortened(entry.text) : entry.text),
                table ? .string(entry.quantity.map { VietnameseText.number($0, decimals: 6) }) : quantity,
                .string(entry.quantityUnit), evidence, entry.supersedes.map { .int(Int($0)) } ?? .null,
                entry.supersededBy.map { .int(Int($0)) } ?? .null,
                table || format == .csv ? .string(entry.withdrawn ? "có" : nil) : .bool(entry.withdrawn),
                .string(entry.reason), .string(entry.recordedBy),
                .string(entry.recordedAt),
                .string(entry.received.map { table ? $0.day.vietnamese : $0.day.iso }), .string(entry.received?.document),
            ])
        }
        return listing
    }
}
