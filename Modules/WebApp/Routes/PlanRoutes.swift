import Foundation
import HTTPTypes
import Hummingbird
import PlanApp
import PlanCore
import PlanStore

/// Kế hoạch: the plans, and one plan's tree of sections and activities with filters.
struct PlanRoutes: Sendable {
    let app: WebServices

    func register(_ router: RouterGroup<WebContext>) {
        router.get("/ke-hoach", use: plan)
    }

    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    struct ActivityLine {
        var id: Int64
        var ref: String
        var title: String
        var lead: String
        var coordinating: String
        var schedule: String
        var status: String
        var statusClass: String
        var lastResult: String
        var entries: Int
    }

    struct NodeView {
        var label: String
        var heading: String
        var depth: Int
        var activities: [ActivityLine]
    }

    struct PlanView {
        var plans: [Option]
        var units: [Option]
        var statuses: [Option]
        var periods: [Option]
        var text: String
        var title: String
        var reference: String
        var nodes: [NodeView]
        var shown: Int
        var empty: Bool
        var hasPlan: Bool
    }

    @Sendable func plan(_ request: Request, context: WebContext) async throws -> Response {
        let session = try context.requireSession()
        let query = request.uri.queryParameters
        let today = app.configuration.today()
        let planChoice = query["ke-hoach"].flatMap { Int64(String($0)) }
        let unitChoice = query["don-vi"].flatMap { Int64(String($0)) }
        let statusChoice = query["tinh-trang"].flatMap { ActivityStatus(rawValue: String($0)) }
        let periodChoice = query["ky"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let text = query["tim"].map { VietnameseText.nfc(String($0)) } ?? ""
        let key = CacheKey.make(
            "plan", session.user.role.rawValue, session.user.unitID.map(String.init) ?? "-", planChoice.map(String.init) ?? "-",
            unitChoice.map(String.init) ?? "-", statusChoice?.rawValue ?? "-", periodChoice ?? "-", today.iso, text)
        let body = try await app.withStore(session) { store -> String in
            try app.pages.value(key, on: store.connection) { _ in
                app.views.render(
                    "plan",
                    try Self.planView(
                        app, store: store, planChoice: planChoice, unitChoice: unitChoice, statusChoice: statusChoice,
                        periodChoice: periodChoice, text: text, today: today))
            }
        }
        return app.views.page(body: body, title: "Kế hoạch", session: session, path: request.uri.path)
    }

    static func planView(
        _ app: WebServices, store: Store, planChoice: Int64?, unitChoice: Int64?, statusChoice: ActivityStatus?,
        periodChoice: String?, text: String, today: Day
    ) throws -> PlanView {
        let plans = try store.listPlans().sorted { ($0.year, $0.id) > ($1.year, $1.id) }
        let chosen = planChoice.flatMap { id in plans.first { $0.id == id } } ?? plans.first
        var view = PlanView(
            plans: plans.map {
                Option(value: String($0.id), label: "\($0.reference) — \($0.owner) (\($0.year))", selected: $0.id == chosen?.id)
            },
            units: [], statuses: [Option(value: "", label: "Mọi tình trạng", selected: statusChoice == nil)]
                + ActivityStatus.allCases.map {
                    Option(value: $0.rawValue, label: $0.vietnamese, selected: $0 == statusChoice)
                },
            periods: [], text: text, title: chosen?.title ?? "", reference: chosen?.reference ?? "", nodes: [],
            shown: 0, empty: true, hasPlan: chosen != nil)
        guard let chosen else { return view }
        var window: DayRange?
        var periods = [Option(value: "", label: "Cả năm kế hoạch", selected: periodChoice == nil)]
        for kind in ["Q1", "Q2", "Q3", "Q4", "H1", "9M", "Y"] {
            let id = "\(chosen.year)-\(kind)"
            guard let period = try? PeriodID(parsing: id), let range = try? ReportingRegime.cchc.window(for: period) else {
                continue
            }
            if id == periodChoice { window = range }
            periods.append(Option(value: id, label: period.label, selected: id == periodChoice))
        }
        view.periods = periods
        let filter = PlanBrowser.Filter(unitID: unitChoice, status: statusChoice, window: window, text: text)
        let browser: PlanBrowser
        if unitChoice == nil {
            // The whole plan's activities and text do not depend on the filters: computed once per state.
            let activities = try app.planActivities.value("\(chosen.id)|\(today.iso)", on: store.connection) { _ in
                try store.listActivities(ActivityFilter(planID: chosen.id, asOf: today))
            }
            let planText = try app.planTexts.value("\(chosen.id)", on: store.connection) { _ in
                try store.planText(planID: chosen.id)
            }
            browser = PlanBrowser.make(plan: chosen, text: planText, activities: activities, filter: filter, today: today)
        } else {
            browser = try PlanBrowser.load(store: store, planID: chosen.id, filter: filter, today: today)
        }
        let units = try app.planUnits.value("\(chosen.id)|\(today.iso)", on: store.connection) { _ in
            try store.planUnits(planID: chosen.id, on: today)
        }
        view.units = [Option(value: "", label: "Mọi đơn vị", selected: unitChoice == nil)]
            + units.map { Option(value: String($0.id), label: $0.name, selected: $0.id == unitChoice) }
        var nodes: [NodeView] = []
        func flatten(_ node: PlanBrowser.Node, depth: Int) {
            nodes.append(
                NodeView(label: node.label, heading: node.heading, depth: min(depth, 4), activities: node.activities.map(Self.line)))
            node.children.forEach { flatten($0, depth: depth + 1) }
        }
        (browser.nodes + browser.others).forEach { flatten($0, depth: 1) }
        view.nodes = nodes
        view.shown = browser.shown
        view.empty = browser.shown == 0
        return view
    }

    static func line(_ overview: ActivityOverview) -> ActivityLine {
        ActivityLine(
            id: overview.activity.id, ref: overview.activity.ref, title: overview.activity.title,
            lead: overview.lead.map(\.unit.name).joined(separator: "; "),
            coordinating: overview.coordinating.map(\.unit.name).joined(separator: "; "),
            schedule: overview.activity.schedule.inWords,
            status: ActivityRoutes.statusText(overview.status, overview.statusDay), statusClass: overview.status.rawValue,
            lastResult: PageFormat.date(overview.lastEntry), entries: overview.entryCount)
    }
}
