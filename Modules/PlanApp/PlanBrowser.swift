import PlanCore
import PlanStore

/// Kế hoạch: a plan's tree of sections with its activities, filtered by unit, status, a due window and a
/// text searched with and without diacritics ("tuyen truyen" finds "tuyên truyền").
public struct PlanBrowser: Sendable {
    /// What to show.
    public struct Filter: Sendable {
        public var unitID: Int64?
        public var status: ActivityStatus?
        /// Activities belonging to this window (the report's membership rule).
        public var window: DayRange?
        public var text: String?

        public init(unitID: Int64? = nil, status: ActivityStatus? = nil, window: DayRange? = nil, text: String? = nil) {
            self.unitID = unitID
            self.status = status
            self.window = window
            self.text = text
        }
    }

    /// A section of the plan with the activities standing directly under it.
    public struct Node: Sendable {
        public var label: String
        public var heading: String
        public var activities: [ActivityOverview]
        public var children: [Node]

        /// Activities here and below.
        public var count: Int { activities.count + children.reduce(0) { $0 + $1.count } }
    }

    public var plan: StoredPlan
    public var nodes: [Node]
    /// Activities of no section (annex tables), by their group.
    public var others: [Node]
    public var shown: Int

    public static func load(store: Store, planID: Int64, filter: Filter, today: Day) throws -> PlanBrowser {
        make(
            plan: try store.findPlan("#\(planID)"), text: try store.planText(planID: planID),
            activities: try store.listActivities(ActivityFilter(planID: planID, unitID: filter.unitID, asOf: today)),
            filter: filter, today: today)
    }

    /// The tree of `activities` (the plan's, or those of `filter.unitID` already) under `text`'s sections.
    public static func make(
        plan: StoredPlan, text: StoredPlanText, activities: [ActivityOverview], filter: Filter, today: Day
    ) -> PlanBrowser {
        let key = filter.text.map(VietnameseText.accentInsensitiveKey).flatMap { $0.isEmpty ? nil : $0 }
        let overviews = activities
            .filter { overview in
                if let status = filter.status, overview.status != status { return false }
                if let window = filter.window {
                    let activity = overview.activity
                    guard
                        ActivityStatusRules.inclusion(
                            schedule: activity.schedule, state: activity.state, planYear: activity.planYear, window: window,
                            asOf: min(today, window.to), hasResults: overview.lastEntry.map(window.contains) ?? false)
                            != nil
                    else { return false }
                }
                if let key {
                    let haystack = ([overview.activity.ref, overview.activity.title] + overview.units.map(\.unit.name))
                        .joined(separator: " ")
                    guard VietnameseText.accentInsensitiveKey(haystack).contains(key) else { return false }
                }
                return true
            }
        var placed = Set<Int64>()
        func build(_ section: PlanDocument.Section, path: String) -> Node {
            let here = overviews.filter { overview in
                guard !placed.contains(overview.activity.id) else { return false }
                return Self.belongs(overview.activity.ref, to: path, children: section.children, prefix: path)
            }
            here.forEach { placed.insert($0.activity.id) }
            let children = section.children.map { child in build(child, path: path + "." + child.label) }
            return Node(label: path, heading: section.heading, activities: here, children: children.filter { $0.count > 0 })
        }
        let nodes = text.sections.map { build($0, path: $0.label) }
        let rest = overviews.filter { !placed.contains($0.activity.id) }
        let groups = Dictionary(grouping: rest) { $0.activity.group ?? "" }
        let others = rest.map { $0.activity.group ?? "" }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            .map { Node(label: "", heading: $0.isEmpty ? "Các hoạt động khác" : $0, activities: groups[$0] ?? [], children: []) }
        return PlanBrowser(plan: plan, nodes: nodes.filter { $0.count > 0 }, others: others, shown: overviews.count)
    }

    /// Whether `ref` ("II.3.a") stands under the section `path` ("II.3") and under none of its children.
    static func belongs(_ ref: String, to path: String, children: [PlanDocument.Section], prefix: String) -> Bool {
        guard ref == path || ref.hasPrefix(path + ".") else { return false }
        return !children.contains { child in
            let childPath = prefix + "." + child.label
            return ref == childPath || ref.hasPrefix(childPath + ".")
        }
    }
}
