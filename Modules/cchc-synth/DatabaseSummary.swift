import Foundation
import PlanCore

/// What a synthetic load created and how long each step took, for people (Vietnamese) and scripts (JSON).
enum DatabaseSummary {
    static func text(_ outcome: SyntheticDatabase.Outcome, shape: DatabaseShape) -> String {
        var lines = ["Đã tạo:"]
        let width = outcome.counts.map(\.label.count).max() ?? 0
        for (label, count) in outcome.counts {
            lines.append("  \(label.padding(toLength: width, withPad: " ", startingAt: 0))  \(SynthText.number(count))")
        }
        lines.append("Tỉnh: \(outcome.provinceNames.joined(separator: ", ")).")
        if outcome.triggersBypassed {
            lines.append(
                "Trigger NFC, nhật ký thay đổi, khóa kỳ và khóa ngoại đã được tắt trong giao dịch nạp "
                    + "(session_replication_role = replica, người dùng là superuser): dữ liệu tổng hợp không có trong nhật ký.")
        } else {
            lines.append(
                "Các trigger (NFC, nhật ký thay đổi, khóa kỳ) đã chạy cho từng dòng"
                    + (outcome.superuser ? " (--keep-triggers)." : " (người dùng không phải superuser)."))
        }
        lines.append("Tổng thời gian: \(SynthText.seconds(outcome.totalSeconds)).")
        if let plan = outcome.firstPlan {
            lines.append(
                "Kế hoạch mẫu: #\(plan.id) (\(plan.code), \(plan.owner), \(plan.province)): "
                    + "\(SynthText.number(plan.activities)) hoạt động, \(SynthText.number(plan.entries)) mục tiến độ.")
            lines.append(
                "Xuất báo cáo: cchc-export report --plan '#\(plan.id)' --period \(shape.year)-Y --format docx -o bao-cao.docx")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ outcome: SyntheticDatabase.Outcome, shape: DatabaseShape) -> JSONValue {
        .object([
            ("shape", .object([
                ("provinces", .int(shape.provinces)), ("units", .int(shape.units)), ("activities", .int(shape.activities)),
                ("entries", .int(shape.entries)), ("year", .int(shape.year)),
            ])),
            ("provinces", .strings(outcome.provinceNames)),
            ("counts", .object(outcome.counts.map { ($0.label, .int($0.count)) })),
            ("timings", .object(outcome.timings.map { ($0.label, .double(($0.seconds * 1000).rounded() / 1000)) })),
            ("totalSeconds", .double((outcome.totalSeconds * 1000).rounded() / 1000)),
            ("triggersBypassed", .bool(outcome.triggersBypassed)),
            ("plan", outcome.firstPlan.map { plan in
                .object([
                    ("id", .int(Int(plan.id))), ("reference", .string("#\(plan.id)")), ("code", .string(plan.code)),
                    ("owner", .string(plan.owner)), ("province", .string(plan.province)),
                    ("activities", .int(plan.activities)), ("entries", .int(plan.entries)),
                ])
            } ?? .null),
        ])
    }
}
