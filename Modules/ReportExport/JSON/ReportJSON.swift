import PlanCore

/// `cchc.report/v1` (docs/contracts/report-v1.md): keys in the contract's order, `null` kept, plus a
/// final `generatedAt` that is `null` unless the context asked for a stamp.
extension Report: JSONRepresentable {
    public var json: JSONValue {
        .object(leadingMembers + [("activities", .array(activities.map(\.json)))] + trailingMembers)
    }

    /// The `cchc.report/v1` text: two-space indentation, UTF-8, final newline.
    public func jsonText() -> String {
        var bytes: [UInt8] = []
        writeJSON { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes of `jsonText()` handed out in pieces of about `piece` bytes, written activity by activity,
    /// so a report with 100,000 results is never held whole in memory (and no tree of it is built).
    public func writeJSON(piece: Int = 1 << 20, _ emit: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var writer = JSONStreamWriter(capacity: piece + (piece >> 2))
        writer.openObject()
        for (key, value) in leadingMembers { writer.member(key, value) }
        writer.key("activities")
        writer.openArray()
        for activity in activities {
            activity.write(to: &writer)
            if writer.pendingCount >= piece { try writer.flush(emit) }
        }
        writer.closeArray()
        for (key, value) in trailingMembers { writer.member(key, value) }
        writer.closeObject()
        try writer.finish().withUnsafeBytes(emit)
    }

    /// The members before "activities", in the contract's order.
    private var leadingMembers: [(String, JSONValue)] {
        [
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
                    ("from", .string(period.window.from.iso)), ("to", .string(period.window.to.iso)),
                    ("regime", .string(period.regime)),
                ])
            ),
            ("status", .string(status.rawValue)),
            ("snapshot", snapshot?.json ?? .null),
            ("summary", summaryJSON),
        ]
    }

    /// The members after "activities".
    private var trailingMembers: [(String, JSONValue)] {
        [
            ("nextPeriod", .strings(nextTasks.map(\.ref))),
            ("issues", .string(issues)),
            ("proposals", .string(proposals)),
            ("generatedAt", .string(generatedAt)),
        ]
    }

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
    public var json: JSONValue { JSONTreeBuilder.build { write(to: &$0) } }

    /// The activity's object, described to a sink: a report streams 100,000 results this way without
    /// building their trees.
    func write<Sink: JSONSink>(to sink: inout Sink) {
        sink.openObject()
        sink.member("ref", .string(ref))
        sink.member("title", .string(title))
        sink.member("lead", .strings(lead))
        sink.member("coordinating", .strings(coordinating))
        sink.member("schedule", schedule.json)
        sink.member("status", .string(status.rawValue))
        sink.member("parentRef", .string(parentRef))
        sink.key("results")
        sink.openArray()
        for result in results { result.write(to: &sink) }
        sink.closeArray()
        sink.closeObject()
    }
}

extension ReportResult: JSONRepresentable {
    public var json: JSONValue { JSONTreeBuilder.build { write(to: &$0) } }

    func write<Sink: JSONSink>(to sink: inout Sink) {
        sink.openObject()
        sink.member("date", .string(date.iso))
        sink.member("unit", .string(unit.name))
        sink.member("text", .string(text))
        sink.member("quantity", quantity.map(JSONNumber.quantity) ?? .null)
        sink.member("quantityUnit", .string(quantityUnit))
        sink.key("evidence")
        sink.openArray()
        for item in evidence {
            sink.openObject()
            sink.member("kind", .string(item.kind.rawValue))
            sink.member("value", .string(item.value))
            sink.member("title", .string(item.title))
            sink.closeObject()
        }
        sink.closeArray()
        sink.closeObject()
    }
}

/// Numbers in the exchange formats: rates rounded to four decimals, whole quantities as integers.
enum JSONNumber {
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
