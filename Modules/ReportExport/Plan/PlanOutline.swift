import PlanCore

/// The body of a plan document as format-independent blocks: the stored document tree with every body
/// activity placed at its ref ("II.3.a" under II → 3 as "a)"), each written as the importer reads it:
///
///     a) <title>
///     - Đơn vị chủ trì: <unit>; <unit>.
///     - Đơn vị phối hợp: <unit>; <unit>.
///     - Thời gian thực hiện: <schedule text>.
///     - Sản phẩm: <product>; <product>.
///
/// Units and products are joined with "; " because names hold commas ("các sở, ban, ngành tỉnh"). Missing
/// tree nodes are created: the activity's parent takes the activity's group as heading, higher ones
/// "NỘI DUNG". Activities whose ref starts with "PL" are annex rows (`annexTable`), not body blocks.
struct PlanOutline {
    /// A node of the merged tree.
    final class Node {
        var label: String
        var heading: String
        var text: [String]
        var children: [Node] = []
        var activity: ActivityRecord?

        init(label: String, heading: String, text: [String] = []) {
            self.label = label
            self.heading = heading
            self.text = text
        }
    }

    let roots: [Node]
    let annex: [ActivityRecord]

    init(plan: PlanRecord, content: PlanContent) {
        var roots = content.sections.map(Self.node)
        var annex: [ActivityRecord] = []
        for activity in plan.activities {
            let path = activity.ref.split(separator: ".").map(String.init)
            guard let first = path.first, !first.uppercased().hasPrefix("PL") else {
                annex.append(activity)
                continue
            }
            var siblings = roots
            var parents: [Node] = []
            for (depth, label) in path.enumerated() {
                let isLast = depth == path.count - 1
                let existing = siblings.first { $0.label == label }
                let node =
                    existing
                    ?? Node(
                        label: label,
                        heading: isLast ? "" : (depth == path.count - 2 ? (activity.group ?? "Nhiệm vụ") : "NỘI DUNG"))
                if existing == nil {
                    if let parent = parents.last {
                        Self.insert(node, into: &parent.children)
                    } else {
                        Self.insert(node, into: &roots)
                    }
                }
                if isLast { node.activity = activity }
                parents.append(node)
                siblings = node.children
            }
        }
        if !content.responsibilities.isEmpty,
            !roots.contains(where: { VietnameseText.foldedKey($0.heading).contains("tổ chức thực hiện") })
        {
            let duties = Node(label: VietnameseNumerals.roman(roots.count + 1), heading: "TỔ CHỨC THỰC HIỆN")
            duties.children = content.responsibilities.enumerated().map { index, duty in
                Node(label: String(index + 1), heading: duty.unit, text: [duty.text])
            }
            roots.append(duties)
        }
        self.roots = roots
        self.annex = annex
    }

    private static func node(_ section: PlanDocument.Section) -> Node {
        let node = Node(label: section.label, heading: section.heading, text: section.text)
        node.children = section.children.map(Self.node)
        return node
    }

    /// Inserts before the first sibling of the same label kind that sorts after it; else appends.
    private static func insert(_ node: Node, into siblings: inout [Node]) {
        guard let key = LabelOrder.key(node.label),
            let index = siblings.firstIndex(where: { sibling in
                LabelOrder.key(sibling.label).map { $0.kind == key.kind && $0.value > key.value } ?? false
            })
        else {
            siblings.append(node)
            return
        }
        siblings.insert(node, at: index)
    }

    /// The blocks of the body, depth-first.
    var blocks: [ReportBlock] {
        var blocks: [ReportBlock] = []
        for root in roots { append(root, depth: 0, into: &blocks) }
        return blocks
    }

    private func append(_ node: Node, depth: Int, into blocks: inout [ReportBlock]) {
        let marker = LabelOrder.marker(node.label)
        if let activity = node.activity {
            blocks.append(.heading("\(marker) \(activity.title)", level: min(depth + 1, 3)))
            blocks += Self.lines(activity)
        } else {
            let heading = depth == 0 ? VietnameseFormat.upper(node.heading) : node.heading
            blocks.append(.heading("\(marker) \(heading)", level: min(depth + 1, 3)))
        }
        for line in node.text {
            let trimmed = VietnameseFormat.trimmed(line)
            guard !trimmed.isEmpty else { continue }
            // An activity's own labelled lines come from the record above, as it stands now (units resolved,
            // time frame edited); the lines the imported text kept would repeat them, possibly outdated.
            if node.activity != nil, Self.isFieldLine(trimmed) { continue }
            if trimmed.hasPrefix("- ") {
                blocks.append(.item(trimmed))
            } else if trimmed.hasPrefix("+ ") {
                blocks.append(.item(trimmed, level: 2))
            } else {
                blocks.append(.paragraph(trimmed))
            }
        }
        for child in node.children { append(child, depth: depth + 1, into: &blocks) }
    }

    /// Words that name an activity's field in its labelled lines ("- Cơ quan chủ trì: …").
    static let fieldWords = ["chủ trì", "phối hợp", "thực hiện", "thời gian", "thời hạn", "sản phẩm", "kết quả"]

    /// "- Đơn vị chủ trì thực hiện: …", "- Thời gian hoàn thành: …": a short label naming a field, then ":".
    static func isFieldLine(_ line: String) -> Bool {
        let text = line.hasPrefix("- ") || line.hasPrefix("+ ") ? String(line.dropFirst(2)) : line
        guard let colon = text.firstIndex(of: ":") else { return false }
        let label = VietnameseText.foldedKey(String(text[..<colon]))
        return label.split(separator: " ").count <= 7 && fieldWords.contains { label.contains($0) }
    }

    /// The labelled lines of an activity, in the order plans write them.
    static func lines(_ activity: ActivityRecord) -> [ReportBlock] {
        var lines: [ReportBlock] = []
        lines.append(.item("- Đơn vị chủ trì: \(joined(activity.lead.map(\.name)))."))
        if !activity.coordinating.isEmpty {
            lines.append(.item("- Đơn vị phối hợp: \(joined(activity.coordinating.map(\.name)))."))
        }
        lines.append(.item("- Thời gian thực hiện: \(VietnameseFormat.withoutFinalStop(VietnameseFormat.schedule(activity.schedule)))."))
        if !activity.products.isEmpty {
            lines.append(.item("- Sản phẩm: \(joined(activity.products.map(\.text)))."))
        }
        return lines
    }

    private static func joined(_ items: [String]) -> String {
        let cleaned = items.map(VietnameseFormat.withoutFinalStop).filter { !$0.isEmpty }
        return cleaned.isEmpty ? "chưa xác định" : cleaned.joined(separator: "; ")
    }

    /// The annex rows: STT, Nội dung nhiệm vụ, Đơn vị chủ trì, Đơn vị phối hợp, Thời gian thực hiện, Sản phẩm,
    /// under Roman-numbered group rows when activities carry groups.
    var annexTable: BlockTable {
        var rows: [BlockTable.Row] = []
        var groups: [String?] = []
        var buckets: [String?: [ActivityRecord]] = [:]
        for activity in annex {
            if buckets[activity.group] == nil { groups.append(activity.group) }
            buckets[activity.group, default: []].append(activity)
        }
        let grouped = groups.contains { $0 != nil }
        for (index, group) in groups.enumerated() {
            if grouped { rows.append(.group(label: VietnameseNumerals.roman(index + 1), text: group ?? "Nhiệm vụ khác")) }
            for (number, activity) in buckets[group]!.enumerated() {
                rows.append(
                    .cells([
                        [String(number + 1)], [activity.title], activity.lead.map(\.name),
                        activity.coordinating.map(\.name), [VietnameseFormat.schedule(activity.schedule)],
                        activity.products.map(\.text),
                    ]))
            }
        }
        return BlockTable(
            headers: ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Sản phẩm"],
            widths: [6, 34, 16, 16, 12, 16], alignments: [.center, .left, .left, .left, .center, .left], rows: rows)
    }
}

/// Reading and writing document labels: "II" (Roman), "3" (Arabic), "a" / "đ" (letters).
enum LabelOrder {
    enum Kind { case roman, arabic, letter }

    /// Vietnamese list letters in order (plans skip the accented vowels except "đ").
    static let letters = Array("abcdđeghiklmnopqrstuvxy")

    static func key(_ label: String) -> (kind: Kind, value: Int)? {
        if let value = Int(label) { return (.arabic, value) }
        if label.count == 1, label == label.lowercased(), let index = letters.firstIndex(of: Character(label)) {
            return (.letter, index)
        }
        if let value = VietnameseNumerals.romanValue(label) { return (.roman, value) }
        return nil
    }

    /// "II." / "3." / "a)"; other labels followed by ".".
    static func marker(_ label: String) -> String {
        if case .letter? = key(label)?.kind { return label + ")" }
        return label + "."
    }
}
