/// Word's list counters while walking a document in order, producing the label of each numbered paragraph.
///
/// Counters belong to the abstract numbering (numbering instances that share one continue each other's
/// count, as in Word); the first paragraph of an instance with w:startOverride restarts those levels.
/// Using a level restarts the deeper levels (per w:lvlRestart, default: any shallower level).
struct NumberingCounters: Sendable {
    let definitions: NumberingDefinitions
    let styles: StyleSheet
    private var counters: [String: [Int?]] = [:]
    private var startedInstances: Set<String> = []
    /// The start override in force per abstract numbering and level (from the instance that last restarted it).
    private var startValues: [String: [Int: Int]] = [:]
    /// numId → resolved abstract numbering id (nil when the numbering does not resolve).
    private var resolvedAbstracts: [String: String?] = [:]

    init(definitions: NumberingDefinitions, styles: StyleSheet) {
        self.definitions = definitions
        self.styles = styles
    }

    /// Advances the counters for a paragraph numbered with (`numberingID`, `level`) and returns its label
    /// (nil when the level prints nothing) and level; nil when the numbering does not exist (or is "0").
    /// Without an explicit level, the level bound to the paragraph style (w:lvl/w:pStyle) is used, else 0.
    mutating func advance(numberingID: String, level requested: Int?, styleID: String?) -> (label: String?, level: Int)? {
        guard numberingID != "0", let instance = definitions.instances[numberingID] else { return nil }
        let abstractID: String
        if let cached = resolvedAbstracts[numberingID] {
            guard let cached else { return nil }
            abstractID = cached
        } else {
            let resolved = definitions.resolvedAbstractID(of: instance, styles: styles)
            resolvedAbstracts[numberingID] = .some(resolved)
            guard let resolved else { return nil }
            abstractID = resolved
        }
        let fallback = styleID.flatMap { definitions.levelBound(toStyle: $0, abstractID: abstractID) } ?? 0
        let level = min(max(requested ?? fallback, 0), 8)
        guard let definition = definitions.level(level, of: instance, abstractID: abstractID) else { return nil }

        var values = counters[abstractID] ?? Array(repeating: nil, count: 9)
        if !startedInstances.contains(numberingID) {
            startedInstances.insert(numberingID)
            for (overridden, start) in instance.startOverrides {
                values[overridden] = nil
                startValues[abstractID, default: [:]][overridden] = start
            }
        }
        let start = startValue(level, definition: definition, abstractID: abstractID)
        values[level] = values[level].map { $0 + 1 } ?? start
        for deeper in (level + 1)..<9 {
            let restart = definitions.level(deeper, of: instance, abstractID: abstractID)?.restart
            let restarts: Bool =
                switch restart {
                case nil: true
                case 0: false
                case let value?: level < value
                }
            if restarts { values[deeper] = nil }
        }
        counters[abstractID] = values

        let label = render(definition, level: level, values: values, instance: instance, abstractID: abstractID)
        return (label.isEmpty ? nil : label, level)
    }

    private func startValue(_ level: Int, definition: NumberingDefinitions.Level, abstractID: String) -> Int {
        startValues[abstractID]?[level] ?? definition.start
    }

    private func render(
        _ definition: NumberingDefinitions.Level, level: Int, values: [Int?],
        instance: NumberingDefinitions.Instance, abstractID: String
    ) -> String {
        guard let template = definition.text else { return "" }
        if definition.format == "bullet" { return NumberFormat.bullet(template) }
        var result = ""
        var characters = template.makeIterator()
        while let character = characters.next() {
            guard character == "%" else {
                result.append(character)
                continue
            }
            guard let digit = characters.next() else {
                result.append("%")
                break
            }
            guard let referenced = digit.wholeNumberValue, (1...9).contains(referenced) else {
                result.append("%")
                result.append(digit)
                continue
            }
            let index = referenced - 1
            let referencedDefinition =
                definitions.level(index, of: instance, abstractID: abstractID) ?? NumberingDefinitions.Level()
            let value = values[index] ?? startValue(index, definition: referencedDefinition, abstractID: abstractID)
            let format = definition.isLegal && referencedDefinition.format != "bullet" ? "decimal" : referencedDefinition.format
            result += NumberFormat.format(value, as: format)
        }
        return result
    }
}
