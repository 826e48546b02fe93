import Foundation
import PlanCore

/// The scoring of `Tests/Fixtures/check-plan-json`, in Swift: the same facts, the same normalisation
/// (NFC, case folding, white space folded, a trailing ".;,:" dropped, parenthesised asides dropped),
/// each expected activity matched to the first unused actual one whose title starts with its prefix.
enum PlanScorer {
    struct Result {
        var got = 0
        var total = 0
        var misses: [String] = []
        var percent: Double { total == 0 ? 100 : 100 * Double(got) / Double(total) }
    }

    static func norm(_ text: String?) -> String? {
        guard let text else { return nil }
        var result = text.precomposedStringWithCanonicalMapping
        // Drop "( … )" asides (no nesting, as the Python regex \([^)]*\)).
        var out = ""
        var inside = false
        var pending = ""
        for character in result {
            if !inside {
                if character == "(" {
                    inside = true
                    pending = "("
                } else {
                    out.append(character)
                }
            } else if character == ")" {
                out += " "
                inside = false
                pending = ""
            } else {
                pending.append(character)
            }
        }
        out += pending
        result = out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        while let last = result.last, ".;,:".contains(last) { result.removeLast() }
        result = result.trimmingCharacters(in: .whitespaces)
        return result.lowercased()
    }

    static func score(expect: JSONValue, actual: JSONValue) -> Result {
        var result = Result()
        func check(_ label: String, _ want: String, _ have: String) {
            result.total += 1
            if want == have { result.got += 1 } else { result.misses.append("\(label): expected \(want), got \(have)") }
        }
        func text(_ value: JSONValue?) -> String {
            guard let value else { return "null" }
            if case .null = value { return "null" }
            return value.stringValue ?? value.serialized(pretty: false)
        }
        let document = actual["document"]
        check("document.code", text(expect["code"]), text(document?["code"]))
        check("document.issuedOn", text(expect["issuedOn"]), text(document?["issuedOn"]))
        check("parent.code", text(expect["parent"]), text(actual["parent"]?["code"]))
        guard case .array(let expected)? = expect["activities"] else { return result }
        let activities: [JSONValue]
        if case .array(let list)? = actual["activities"] { activities = list } else { activities = [] }
        check("activity count", String(expected.count), String(activities.count))
        var used = Set<Int>()
        for (index, wanted) in expected.enumerated() {
            let prefix = norm(wanted["title"]?.stringValue) ?? ""
            let match = activities.indices.first { candidate in
                !used.contains(candidate)
                    && (norm(activities[candidate]["title"]?.stringValue) ?? "").hasPrefix(prefix)
            }
            let label = "activity \(index + 1) (\(prefix.prefix(40)))"
            guard let match else {
                result.total += 5
                result.misses.append("\(label): not found")
                continue
            }
            used.insert(match)
            let activity = activities[match]
            result.total += 1
            result.got += 1
            func units(_ value: JSONValue?) -> String {
                guard case .array(let list)? = value else { return "[]" }
                return list.compactMap { norm($0.stringValue) }.sorted().joined(separator: " | ")
            }
            check("\(label) lead", units(wanted["lead"]), units(activity["lead"]))
            check("\(label) coordinating", units(wanted["coordinating"]), units(activity["coordinating"]))
            let schedule = activity["schedule"]
            check("\(label) schedule.kind", text(wanted["schedule"]?["kind"]), text(schedule?["kind"]))
            check(
                "\(label) schedule.from-to",
                text(wanted["schedule"]?["from"]) + "…" + text(wanted["schedule"]?["to"]),
                text(schedule?["from"]) + "…" + text(schedule?["to"]))
        }
        return result
    }
}
