/// A task as found in the document, before its units are split and its time frame parsed.
struct ActivityDraft: Equatable {
    var ref: String
    var title: String
    var group: String?
    var fields: AssignmentFields
    var location: SourceLocation?
}

/// Finds the tasks of the body: numbered or bulleted items with labelled lines under them (chủ trì,
/// phối hợp, thời gian, sản phẩm), items with their fields inline in parentheses, and task tables.
/// "Tổ chức thực hiện" holds standing duties, not tasks, and is skipped.
enum ActivityExtractor {
    static func extract(_ root: OutlineNode) -> [ActivityDraft] {
        var drafts: [ActivityDraft] = []
        for child in root.children { visit(child, into: &drafts) }
        return drafts
    }

    private static func visit(_ node: OutlineNode, into drafts: inout [ActivityDraft]) {
        switch node.kind {
        case .root:
            return
        case .table(let table):
            let prefix = node.parent.map(\.ref).flatMap { $0.isEmpty ? nil : $0 } ?? "BẢNG"
            let group = node.parent?.isSection == true ? node.parent?.text : nil
            drafts.append(contentsOf: AnnexTableReader.activities(table, refPrefix: prefix, group: group))
        case .plain:
            let inline = InlineAssignmentParser.parse(node.text)
            var fields = AssignmentFields()
            for field in inline.fields { fields.add(field.field, field.value) }
            guard !inline.title.isEmpty, !fields.isEmpty else { return }
            let siblings = node.parent?.children.filter { $0.label == nil } ?? []
            let position = (siblings.firstIndex { $0 === node } ?? 0) + 1
            let parentRef = node.parent?.ref ?? ""
            drafts.append(
                ActivityDraft(
                    ref: parentRef.isEmpty ? "(\(position))" : "\(parentRef).(\(position))", title: inline.title,
                    group: node.enclosingSection?.text, fields: fields, location: node.location))
        case .annex, .labelled:
            if isResponsibilities(node) { return }
            let lines = node.children.map(fieldLine)
            let own = ownFields(node, lines: lines)
            let before = drafts.count
            for (child, line) in zip(node.children, lines) where line == nil { visit(child, into: &drafts) }
            if drafts.count > before {
                if !own.fields.isEmpty {
                    for index in before..<drafts.count { drafts[index].fields.inherit(own.fields) }
                }
            } else if node.label != nil, !own.fields.isEmpty {
                let group = node.enclosingSection.map(\.text).flatMap { $0.isEmpty ? nil : $0 }
                drafts.append(
                    ActivityDraft(
                        ref: node.ref, title: own.title, group: group, fields: own.fields, location: node.location))
            }
        }
    }

    /// The item's fields: from its labelled lines, and inline in its own text.
    private static func ownFields(_ node: OutlineNode, lines: [InlineAssignmentParser.Result?]) -> (
        title: String, fields: AssignmentFields
    ) {
        var fields = AssignmentFields()
        let inline = InlineAssignmentParser.parse(node.text)
        var title = node.text
        if !inline.fields.isEmpty, !inline.title.isEmpty {
            title = inline.title
            for field in inline.fields { fields.add(field.field, field.value) }
        }
        for (child, line) in zip(node.children, lines) {
            guard let line else { continue }
            for field in line.fields {
                if field.value.isEmpty, !child.children.isEmpty {
                    // "- Đơn vị phối hợp:" with the units on the bullets below.
                    let values = child.children.map(\.text).map(TextNormalization.trimListPunctuation)
                    fields.add(field.field, values.joined(separator: "; "))
                } else {
                    fields.add(field.field, field.value)
                }
            }
        }
        title = TextNormalization.trim(title, [":"])
        return (title, fields)
    }

    /// A line that is only fields ("- Thời gian thực hiện: Quý II/2024."), or nil.
    private static func fieldLine(_ node: OutlineNode) -> InlineAssignmentParser.Result? {
        switch node.kind {
        case .plain, .labelled:
            let parsed = InlineAssignmentParser.parse(node.text)
            return parsed.title.isEmpty && !parsed.fields.isEmpty ? parsed : nil
        default:
            return nil
        }
    }

    /// "TỔ CHỨC THỰC HIỆN", "Trách nhiệm thực hiện", "Phân công nhiệm vụ".
    static func isResponsibilities(_ node: OutlineNode) -> Bool {
        guard node.isSection, node.label != nil, node.text.utf8.count <= 160,
            let first = node.text.utf8.first, [UInt8]("tTpPnN".utf8).contains(first),
            node.text.utf8.lazy.filter({ $0 == 0x20 }).count < 10
        else { return false }
        let heading = TextNormalization.fold(TextNormalization.trim(node.text, [".", ":"]))
        guard TextNormalization.words(heading).count <= 10 else { return false }
        return ["tổ chức thực hiện", "trách nhiệm thực hiện", "phân công nhiệm vụ", "phân công thực hiện",
            "phân công trách nhiệm", "trách nhiệm của các", "nhiệm vụ của các"]
            .contains { heading.hasPrefix($0) }
    }
}
