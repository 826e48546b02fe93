import PlanCore

/// What differs between the stored revision of a plan and a newly read version of it.
public struct PlanChanges: Hashable, Sendable {
    /// Identity fields that changed, as "field: old → new".
    public var identity: [String] = []
    /// "ref — title" of activities only in the new version.
    public var added: [String] = []
    /// "ref — title" of activities only in the stored revision.
    public var removed: [String] = []
    /// "ref — title (what changed)" of activities in both that differ.
    public var changed: [String] = []
    /// True when sections, responsibilities or recipients differ (the body text was edited).
    public var bodyChanged = false

    public var isEmpty: Bool {
        identity.isEmpty && added.isEmpty && removed.isEmpty && changed.isEmpty && !bodyChanged
    }

    /// Compares two `cchc.plan/v1` values (the stored content and the new plan's JSON).
    public static func between(old: JSONValue, new: JSONValue) -> PlanChanges {
        // Stored content comes back from jsonb with its keys reordered: compare canonical forms.
        let old = old.canonical
        let new = new.canonical
        var changes = PlanChanges()
        let fields: [(String, String)] = [
            ("code", "số, ký hiệu"), ("issuedOn", "ngày ban hành"), ("title", "trích yếu"), ("issuer", "cơ quan ban hành"),
            ("place", "địa danh"), ("year", "năm"),
        ]
        for (field, label) in fields {
            let before = old["document"]?[field] ?? .null
            let after = new["document"]?[field] ?? .null
            if before != after {
                changes.identity.append("\(label): \(Self.show(before)) → \(Self.show(after))")
            }
        }
        if (old["document"]?["signer"] ?? .null) != (new["document"]?["signer"] ?? .null) {
            changes.identity.append("người ký")
        }
        if (old["parent"] ?? .null) != (new["parent"] ?? .null) {
            changes.identity.append("kế hoạch cấp trên: \(Self.show(old["parent"]?["code"] ?? .null)) → \(Self.show(new["parent"]?["code"] ?? .null))")
        }
        let oldActivities = old["activities"]?.arrayValue ?? []
        let newActivities = new["activities"]?.arrayValue ?? []
        func label(_ a: JSONValue) -> String {
            "\(a["ref"]?.stringValue ?? "?") — \(a["title"]?.stringValue ?? "")"
        }
        let oldByRef = Dictionary(oldActivities.map { ($0["ref"]?.stringValue ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let newRefs = Set(newActivities.map { $0["ref"]?.stringValue ?? "" })
        for activity in newActivities {
            let ref = activity["ref"]?.stringValue ?? ""
            guard let before = oldByRef[ref] else {
                changes.added.append(label(activity))
                continue
            }
            let parts: [(String, String)] = [
                ("title", "nội dung"), ("lead", "chủ trì"), ("coordinating", "phối hợp"), ("schedule", "thời gian"),
                ("products", "sản phẩm"), ("group", "nhóm"),
            ]
            let differing = parts.filter { (before[$0.0] ?? .null) != (activity[$0.0] ?? .null) }.map(\.1)
            if !differing.isEmpty {
                changes.changed.append("\(label(activity)) (\(differing.joined(separator: ", ")))")
            }
        }
        for activity in oldActivities where !newRefs.contains(activity["ref"]?.stringValue ?? "") {
            changes.removed.append(label(activity))
        }
        for key in ["sections", "responsibilities"] where (old[key] ?? .null) != (new[key] ?? .null) {
            changes.bodyChanged = true
        }
        if (old["document"]?["recipients"] ?? .null) != (new["document"]?["recipients"] ?? .null) {
            changes.bodyChanged = true
        }
        return changes
    }

    static func show(_ value: JSONValue) -> String {
        switch value {
        case .null: return "(trống)"
        case .string(let s): return s
        default: return value.serialized(pretty: false)
        }
    }

    /// The lines a person reads ("+ III.9 — …", "- III.2 — …", "~ III.3 — … (thời gian)").
    public var lines: [String] {
        identity.map { "* \($0)" } + added.map { "+ \($0)" } + removed.map { "- \($0)" } + changed.map { "~ \($0)" }
            + (bodyChanged ? ["* nội dung văn bản (mục, đoạn, nơi nhận) đã sửa"] : [])
    }
}

extension JSONValue {
    /// The same value with object keys sorted at every level (jsonb does not keep key order).
    public var canonical: JSONValue {
        switch self {
        case .object(let pairs):
            return .object(pairs.map { ($0.0, $0.1.canonical) }.sorted { $0.0 < $1.0 })
        case .array(let items):
            return .array(items.map(\.canonical))
        default:
            return self
        }
    }

    /// An object without some keys.
    public func removing(_ keys: Set<String>) -> JSONValue {
        guard case .object(let pairs) = self else { return self }
        return .object(pairs.filter { !keys.contains($0.0) })
    }
}
