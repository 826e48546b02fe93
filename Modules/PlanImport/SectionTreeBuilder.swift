import PlanCore

/// Outline → the public section tree: numbered sections and annexes with their paragraphs; bullets
/// stay in the text with their marker ("- …", "+ …").
enum SectionTreeBuilder {
    static func sections(_ root: OutlineNode) -> [PlanDocument.Section] {
        root.children.filter(\.isSection).map(section)
    }

    private static func section(_ node: OutlineNode) -> PlanDocument.Section {
        var text: [String] = []
        var children: [PlanDocument.Section] = []
        for child in node.children {
            if child.isSection {
                children.append(section(child))
            } else {
                appendText(child, to: &text)
            }
        }
        let label: String
        switch node.kind {
        case .annex(let annexLabel): label = annexLabel
        default: label = node.label?.text ?? ""
        }
        return PlanDocument.Section(label: label, heading: node.text, text: text, children: children)
    }

    private static func appendText(_ node: OutlineNode, to text: inout [String]) {
        switch node.kind {
        case .plain:
            text.append(node.text)
        case .labelled(let label):
            text.append(node.text.isEmpty ? label.text : "\(label.text) \(node.text)")
            for child in node.children { appendText(child, to: &text) }
        default:
            break
        }
    }
}

/// Warnings for numbering that skips or repeats ("VI" right after "III").
enum NumberingChecker {
    static func check(_ root: OutlineNode) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        visit(root, into: &warnings)
        return warnings
    }

    private static func visit(_ node: OutlineNode, into warnings: inout [Diagnostic]) {
        var previousByKind: [LabelKind: Label] = [:]
        for child in node.children {
            guard let label = child.label, label.isSection else {
                if child.isSection || child.isBullet { visit(child, into: &warnings) }
                continue
            }
            if let previous = previousByKind[label.kind], !follows(label, previous) {
                warnings.append(
                    Diagnostic(
                        code: "numbering-gap", message: message(label, after: previous),
                        location: child.location?.text))
            }
            previousByKind[label.kind] = label
            visit(child, into: &warnings)
        }
    }

    private static func follows(_ label: Label, _ previous: Label) -> Bool {
        switch label.kind {
        case .letter, .upperLetter:
            guard let next = label.text.lowercased().first, let last = previous.text.lowercased().first else {
                return true
            }
            return Labels.letterFollows(next, last)
        case .arabic:
            // "1.2" after "1.1"; "2" after "1.3" (a deeper label closing) is not compared here.
            let a = label.text.split(separator: ".")
            let b = previous.text.split(separator: ".")
            guard a.count == b.count, let x = label.ordinal, let y = previous.ordinal else { return true }
            return a.dropLast() == b.dropLast() ? x == y + 1 : true
        default:
            guard let x = label.ordinal, let y = previous.ordinal else { return true }
            return x == y + 1
        }
    }

    private static func message(_ label: Label, after previous: Label) -> String {
        var missing: [String] = []
        switch label.kind {
        case .roman:
            if let x = label.ordinal, let y = previous.ordinal, x > y + 1, x - y <= 10 {
                missing = ((y + 1)..<x).map(Roman.numeral)
            }
        case .arabic:
            if let x = label.ordinal, let y = previous.ordinal, x > y + 1, x - y <= 10 {
                let prefix = label.text.split(separator: ".").dropLast().map(String.init)
                missing = ((y + 1)..<x).map { (prefix + [String($0)]).joined(separator: ".") }
            }
        case .letter, .upperLetter:
            if let next = label.text.lowercased().first, let last = previous.text.lowercased().first {
                missing = Labels.lettersBetween(last, next).map(String.init)
                if label.kind == .upperLetter { missing = missing.map { $0.uppercased() } }
            }
        default:
            break
        }
        var text = "Đánh số mục không liên tục: “\(label.text)” đứng ngay sau “\(previous.text)”"
        if !missing.isEmpty {
            text += " (thiếu \(missing.joined(separator: ", ")) hoặc đánh số nhầm)"
        } else if let x = label.ordinal, let y = previous.ordinal, x <= y {
            text += " (đánh số lặp lại hoặc lùi lại)"
        }
        return text + "."
    }
}
