import PlanCore

/// `cchc.aggregate/v1` (docs/contracts/aggregate-v1.md): keys in a fixed order, nulls kept.
extension ProvincialSummary: JSONRepresentable {
    public var json: JSONValue {
        let totals = self.totals
        return .object([
            ("format", .string(ProvincialSummary.format)),
            (
                "period",
                .object([
                    ("id", .string(period.id)), ("label", .string(period.label)),
                    ("from", .string(period.window.from.iso)), ("to", .string(period.window.to.iso)),
                    ("regime", .string(period.regime)), ("deadline", .string(period.deadline.iso)),
                ])
            ),
            ("expectedUnits", .strings(expectedUnits)),
            ("units", .array(rows.map(\.json))),
            ("missing", .strings(missing)),
            (
                "totals",
                .object([
                    ("reports", .int(rows.count)),
                    ("activities", .int(totals.activities)), ("done", .int(totals.done)),
                    ("inProgress", .int(totals.inProgress)), ("notStarted", .int(totals.notStarted)),
                    ("overdue", .int(totals.overdue)), ("cancelled", .int(totals.cancelled)),
                    ("completionRate", JSONNumber.rate(totals.completionRate)),
                    ("progressEntries", .int(totals.progressEntries)), ("evidence", .int(totals.evidence)),
                    ("onTime", .int(totals.onTime)),
                ])
            ),
            ("generatedAt", .string(generatedAt)),
        ])
    }

    /// The `cchc.aggregate/v1` text: two-space indentation, UTF-8, final newline.
    public func jsonText() -> String { json.serialized() }
}

extension ProvincialSummary.Row: JSONRepresentable {
    public var json: JSONValue {
        .object([
            ("unit", .string(unit)), ("parent", .string(parent)), ("file", .string(file)), ("plan", .string(plan)),
            ("status", .string(status.rawValue)), ("activities", .int(activities)), ("done", .int(done)),
            ("inProgress", .int(inProgress)), ("notStarted", .int(notStarted)), ("overdue", .int(overdue)),
            ("cancelled", .int(cancelled)), ("completionRate", JSONNumber.rate(completionRate)),
            ("progressEntries", .int(progressEntries)), ("evidence", .int(evidence)),
            ("submittedAt", .string(submittedAt)), ("onTime", onTime.map(JSONValue.bool) ?? .null),
        ])
    }
}
