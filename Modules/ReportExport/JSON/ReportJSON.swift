import PlanCore

/// `cchc.report/v1` (docs/contracts/report-v1.md): keys in the contract's order, `null` kept, plus a
/// final `generatedAt` that is `null` unless the context asked for a stamp.
extension Report: JSONRepresentable {
    public var json: JSONValue {
        .object([
            ("format", .string(Report.format)),
            ("reporter", .object([("name", .string(reporter.name)), ("parent", .string(reporter.parent))])),
            ("recipient", .string(recipient)),
            (
                "plan",
                .object([
                    ("code", .string(plan.code)), ("title", .string(plan.title)), ("year", .int(plan.year)),
                    ("parent", .string(plan.parent)),
                ])
            ),
            (
                "period",
                .object([
                    ("id", .string(period.id)), ("label", .string(period.label)),
                    ("from", .string(VietnameseFormat.iso(period.window.from))), ("to", .string(VietnameseFormat.iso(period.window.to))),
                    ("regime", .string(period.regime)),
                ])
            ),
            ("status", .string(status.rawValue)),
            ("snapshot", snapshot?.json ?? .null),
            ("summary", summaryJSON),
            ("activities", .array(activities.map(\.json))),
            ("nextPeriod", .strings(nextTasks.map(\.ref))),
            ("issues", .string(issues)),
            ("proposals", .string(proposals)),
            ("generatedAt", .string(generatedAt)),
        ])
    }

    /// The `cchc.report/v1` text: two-space indentation, UTF-8, final newline.
    public func jsonText() -> String { json.serialized() }

    private var summaryJSON: JSONValue {
        .object([
            ("activities", .int(figures.activities)),
            ("done", .int(figures.done)),
            ("inProgress", .int(figures.inProgress)),
            ("notStarted", .int(figures.notStarted)),
            ("overdue", .int(figures.overdue)),
            ("completionRate", JSONNumber.rate(figures.completionRate)),
            ("progressEntries", .int(figures.progressEntries)),
            ("evidence", .int(figures.evidence)),
            (
                "units",
                .array(
                    figures.units.map {
                        .object([
                            ("unit", .string($0.unit)), ("expected", .int($0.expected)),
                            ("reported", .int($0.reported)), ("onTime", .int($0.onTime)),
                        ])
                    })
            ),
        ])
    }
}

extension ReportSnapshot: JSONRepresentable {
    public var json: JSONValue {
        .object([
            ("version", .int(version)), ("sha256", .string(sha256)), ("submittedAt", .string(submittedAt)),
            ("by", .string(by)),
        ])
    }
}

extension ReportActivity: JSONRepresentable {
    public var json: JSONValue {
        .object([
            ("ref", .string(ref)),
            ("title", .string(title)),
            ("lead", .strings(lead)),
            ("coordinating", .strings(coordinating)),
            ("schedule", JSONNumber.schedule(schedule)),
            ("status", .string(status.rawValue)),
            ("parentRef", .string(parentRef)),
            ("results", .array(results.map(\.json))),
        ])
    }
}

extension ReportResult: JSONRepresentable {
    public var json: JSONValue {
        .object([
            ("date", .string(VietnameseFormat.iso(date))),
            ("unit", .string(unit.name)),
            ("text", .string(text)),
            ("quantity", quantity.map(JSONNumber.quantity) ?? .null),
            ("quantityUnit", .string(quantityUnit)),
            (
                "evidence",
                .array(
                    evidence.map {
                        .object([("kind", .string($0.kind.rawValue)), ("value", .string($0.value)), ("title", .string($0.title))])
                    })
            ),
        ])
    }
}

/// Numbers and days in the exchange formats: rates rounded to four decimals, whole quantities as integers.
enum JSONNumber {
    /// `Schedule.json`'s shape, with days formatted without Foundation (reports write thousands of them).
    static func schedule(_ schedule: Schedule) -> JSONValue {
        .object([
            ("text", .string(schedule.text)),
            ("kind", .string(schedule.kind.rawValue)),
            ("from", .string(schedule.from.map(VietnameseFormat.iso))),
            ("to", .string(schedule.to.map(VietnameseFormat.iso))),
            ("every", .string(schedule.every?.rawValue)),
        ])
    }

    static func rate(_ rate: Double?) -> JSONValue {
        guard let rate, rate.isFinite else { return .null }
        return .double((rate * 10_000).rounded() / 10_000)
    }

    static func quantity(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .null }
        if value == value.rounded(), abs(value) < 1e15 { return .int(Int(value)) }
        return .double(value)
    }
}
