/// The list definitions of word/numbering.xml: abstract numberings, their levels, and the numbering
/// instances (w:num) that point at them with optional level overrides.
struct NumberingDefinitions: Sendable {
    /// One w:lvl.
    struct Level: Sendable, Equatable {
        /// w:start (the spec's default is 0).
        var start: Int = 0
        /// w:numFmt ("decimal", "upperRoman", "lowerLetter", "bullet", …).
        var format: String = "decimal"
        /// w:lvlText ("%1.", "%1.%2.", "-"), nil when absent.
        var text: String?
        /// w:lvlRestart (1-based level that restarts this one; 0 = never), nil when absent.
        var restart: Int?
        /// w:isLgl: show every referenced level as a decimal number.
        var isLegal = false
        /// w:pStyle: the paragraph style bound to this level.
        var styleID: String?

        init() {}

        init(_ element: XMLTree) {
            if let value = element.value(of: "w:start").flatMap({ Int($0) }) { start = clampedStart(value) }
            if let value = element.value(of: "w:numFmt") { format = value }
            text = element.value(of: "w:lvlText")
            restart = element.value(of: "w:lvlRestart").flatMap { Int($0) }
            if let flag = element.child("w:isLgl") {
                isLegal = OnOff.value(XMLStartTag(name: flag.name, attributes: flag.attributes))
            }
            styleID = element.value(of: "w:pStyle")
        }
    }

    /// One w:abstractNum.
    struct Abstract: Sendable {
        var levels: [Int: Level] = [:]
        /// w:numStyleLink: the levels live in the abstract numbering linked to this numbering style.
        var numberingStyleLink: String?
        /// w:styleLink: this abstract numbering defines the numbering style named here.
        var styleLink: String?
    }

    /// One w:num: the abstract it uses and its w:lvlOverride entries.
    struct Instance: Sendable {
        var abstractID: String
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    private(set) var abstracts: [String: Abstract] = [:]
    private(set) var instances: [String: Instance] = [:]

    init() {}

    init(_ root: XMLTree) {
        for element in root.children("w:abstractNum") {
            guard let id = element["w:abstractNumId"] else { continue }
            var abstract = Abstract()
            abstract.numberingStyleLink = element.value(of: "w:numStyleLink")
            abstract.styleLink = element.value(of: "w:styleLink")
            for level in element.children("w:lvl") {
                guard let index = level["w:ilvl"].flatMap({ Int($0) }), (0...8).contains(index) else { continue }
                abstract.levels[index] = Level(level)
            }
            if abstracts[id] == nil { abstracts[id] = abstract }
        }
        for element in root.children("w:num") {
            guard let id = element["w:numId"], let abstractID = element.value(of: "w:abstractNumId") else { continue }
            var instance = Instance(abstractID: abstractID)
            for override in element.children("w:lvlOverride") {
                guard let index = override["w:ilvl"].flatMap({ Int($0) }), (0...8).contains(index) else { continue }
                if let start = override.value(of: "w:startOverride").flatMap({ Int($0) }) {
                    instance.startOverrides[index] = clampedStart(start)
                }
                if let level = override.child("w:lvl") { instance.levelOverrides[index] = Level(level) }
            }
            if instances[id] == nil { instances[id] = instance }
        }
    }

    /// The abstract numbering id whose levels apply to `instance`, following w:numStyleLink through the
    /// numbering style's own w:numId (at most a few hops).
    func resolvedAbstractID(of instance: Instance, styles: StyleSheet) -> String? {
        var abstractID = instance.abstractID
        for _ in 0..<4 {
            guard let abstract = abstracts[abstractID] else { return nil }
            guard let link = abstract.numberingStyleLink else { return abstractID }
            guard let linkedNumID = styles.chain(link).lazy.compactMap(\.paragraph.numberingID).first,
                let linked = instances[linkedNumID], linked.abstractID != abstractID
            else {
                // Fall back to the abstract that declares this style link.
                return abstracts.first { $0.value.styleLink == link }?.key ?? abstractID
            }
            abstractID = linked.abstractID
        }
        return abstractID
    }

    /// The level definition for `level` of `instance` (a full w:lvl override wins).
    func level(_ level: Int, of instance: Instance, abstractID: String) -> Level? {
        instance.levelOverrides[level] ?? abstracts[abstractID]?.levels[level]
    }

    /// The level of the abstract numbering bound to paragraph style `styleID` via w:lvl/w:pStyle.
    func levelBound(toStyle styleID: String, abstractID: String) -> Int? {
        abstracts[abstractID]?.levels.first { $0.value.styleID == styleID }?.key
    }
}

/// Word accepts list start values 0…32767; clamping keeps hostile values from overflowing counters.
private func clampedStart(_ value: Int) -> Int { min(max(value, 0), 32767) }
