/// The document tree of the body and annexes, with every level kept: numbered sections, bullets
/// ("-", "+"), plain paragraphs and tables, each under the item it belongs to.
final class OutlineNode {
    enum Kind {
        case root
        /// A "PHỤ LỤC" heading; `annexLabel` is "PL" or "PL" + its number.
        case annex(label: String)
        case labelled(Label)
        case plain
        case table(Table)
    }

    var kind: Kind
    /// The text after the label (for an annex: its title).
    var text: String
    var location: SourceLocation?
    var children: [OutlineNode] = []
    weak var parent: OutlineNode?

    init(kind: Kind, text: String, location: SourceLocation?) {
        self.kind = kind
        self.text = text
        self.location = location
    }

    var label: Label? {
        if case .labelled(let label) = kind { return label }
        return nil
    }

    /// Numbered sections and annexes make the public section tree; bullets and paragraphs are text.
    var isSection: Bool {
        switch kind {
        case .annex: return true
        case .labelled(let label): return label.isSection
        default: return false
        }
    }

    var isBullet: Bool {
        if case .labelled(let label) = kind { return !label.isSection }
        return false
    }

    var rank: Int {
        switch kind {
        case .root: return -1
        case .annex: return 0
        case .labelled(let label): return label.rank
        case .plain, .table: return Int.max
        }
    }

    /// The label as it appears in refs: "II", "a", "PL"; bullets as "-2" / "+1" (their position among
    /// bullet siblings).
    var refComponent: String? {
        switch kind {
        case .annex(let label): return label
        case .labelled(let label):
            guard !label.isSection else { return label.text }
            let siblings = parent?.children.filter { $0.label?.kind == label.kind } ?? []
            let position = (siblings.firstIndex { $0 === self } ?? 0) + 1
            return "\(label.text)\(position)"
        default: return nil
        }
    }

    /// The path of labels from the top: "III.1", "II.3.a", "PL.2"; a multi-level label ("1.2") replaces
    /// the label it extends ("1").
    var ref: String {
        var components: [String] = []
        var node: OutlineNode? = self
        while let current = node {
            if let component = current.refComponent {
                if let last = components.first, last.hasPrefix(component + "."), current.label?.kind == .arabic {
                    // "1" is already in "1.2".
                } else {
                    components.insert(component, at: 0)
                }
            }
            node = current.parent
        }
        return components.joined(separator: ".")
    }

    /// The nearest ancestor that is a section.
    var enclosingSection: OutlineNode? {
        var node = parent
        while let current = node {
            if current.isSection { return current }
            node = current.parent
        }
        return nil
    }

    func append(_ child: OutlineNode) {
        child.parent = self
        children.append(child)
    }
}

/// Builds the outline from the body and annex blocks by the nesting rank of labels.
enum OutlineBuilder {
    static func build(_ blocks: [Block], body: Range<Int>, annex: Range<Int>) -> OutlineNode {
        let root = OutlineNode(kind: .root, text: "", location: nil)
        var stack: [OutlineNode] = [root]
        var annexCount = 0

        func openSection() -> OutlineNode {
            // Plain paragraphs and tables belong to the nearest section, not to a bullet.
            while stack.count > 1, stack.last?.isBullet == true { stack.removeLast() }
            return stack.last ?? root
        }

        for index in Array(body) + Array(annex) {
            switch blocks[index] {
            case .table(let table):
                let node = OutlineNode(kind: .table(table), text: "", location: table.rows.first?.location)
                openSection().append(node)
            case .paragraph(let paragraph):
                if annex.contains(index), Cues.isAnnexHeading(paragraph.text) {
                    annexCount += 1
                    let (number, title) = Cues.annexNumberAndTitle(paragraph.text)
                    let label = "PL" + (number ?? (annexCount > 1 ? String(annexCount) : ""))
                    let node = OutlineNode(kind: .annex(label: label), text: title ?? "", location: paragraph.location)
                    stack = [root]
                    root.append(node)
                    stack.append(node)
                    continue
                }
                if let top = stack.last, case .annex = top.kind, top.children.isEmpty,
                    TextNormalization.isUppercase(paragraph.text), Labels.parse(paragraph.text) == nil
                {
                    // The annex title, in capitals under "PHỤ LỤC".
                    top.text = top.text.isEmpty ? paragraph.text : top.text + " " + paragraph.text
                    continue
                }
                if let (label, rest) = Labels.parse(paragraph.text) {
                    while stack.count > 1, let top = stack.last, top.rank >= label.rank { stack.removeLast() }
                    let node = OutlineNode(kind: .labelled(label), text: rest, location: paragraph.location)
                    (stack.last ?? root).append(node)
                    stack.append(node)
                } else if isClosingSentence(paragraph.text), stack.count > 1 {
                    // "Trên đây là Kế hoạch …./." belongs to the outermost section, not its last item.
                    stack.removeLast(stack.count - 2)
                    stack[1].append(OutlineNode(kind: .plain, text: paragraph.text, location: paragraph.location))
                } else {
                    openSection().append(OutlineNode(kind: .plain, text: paragraph.text, location: paragraph.location))
                }
            }
        }
        return root
    }

    /// The sentence that ends a văn bản's body ("…/.", "Trên đây là Kế hoạch …").
    static func isClosingSentence(_ text: String) -> Bool {
        text.hasSuffix("/.") || text.hasPrefix("Trên đây là")
    }
}
