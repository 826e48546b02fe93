import Foundation
import HTTPTypes
import Hummingbird
import PlanApp
import PlanCore
import PlanStore
import ReportExport

/// Bảng theo dõi (the board of a period) and Báo cáo (preview, downloads, submission) for the Văn phòng
/// Sở and viewers.
struct ReportRoutes: Sendable {
    let app: WebServices

    func register(_ router: RouterGroup<WebContext>) {
        router.get("/bang-theo-doi", use: board)
        router.get("/bao-cao", use: report)
        router.get("/bao-cao/tai", use: download)
        router.post("/bao-cao/nop", use: submit)
    }

    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    /// Plan, period and regime chosen in the query (`ke-hoach`, `ky`, `che-do`); defaults: the newest plan,
    /// the period holding today, the cchc regime.
    struct Selection: Sendable {
        var planID: Int64?
        var period: String?
        var regime: String

        init(_ request: Request) {
            let query = request.uri.queryParameters
            planID = query["ke-hoach"].flatMap { Int64(String($0)) }
            period = query["ky"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            regime = query["che-do"].map(String.init).flatMap { ["cchc", "nd09"].contains($0) ? $0 : nil } ?? "cchc"
        }
    }

    struct Choices {
        var plans: [Option]
        var periods: [Option]
        var regimes: [Option]
    }

    /// The chosen plan and period, resolved, with the options of the selection form.
    struct Resolved {
        var plan: StoredPlan
        var period: PeriodID
        var regime: ReportingRegime
        var choices: Choices
        /// The selection as a query string, for links.
        var query: String { "ke-hoach=\(plan.id)&ky=\(period.description)&che-do=\(regime.id)" }
    }

    static func resolve(_ selection: Selection, store: Store, today: Day) throws -> Resolved? {
        let plans = try store.listPlans().sorted { ($0.year, $0.id) > ($1.year, $1.id) }
        guard let plan = selection.planID.flatMap({ id in plans.first { $0.id == id } }) ?? plans.first else { return nil }
        let regime = try ReportingRegime.named(selection.regime)
        let offered = ["Q1", "Q2", "Q3", "Q4", "H1", "9M", "Y"].compactMap { try? PeriodID(parsing: "\(plan.year)-\($0)") }
            .filter { regime.offers($0.kind) }
        let period: PeriodID
        if let text = selection.period {
            do {
                period = try PeriodID(parsing: text)
            } catch {
                throw PlanAppError(.period, error.description)
            }
        } else if let current = try? Store.currentPeriod(regime, on: today), offered.contains(current) {
            period = current
        } else {
            period = offered[0]
        }
        let choices = Choices(
            plans: plans.map {
                Option(value: String($0.id), label: "\($0.reference) — \($0.owner) (\($0.year))", selected: $0.id == plan.id)
            },
            periods: offered.map { Option(value: $0.description, label: $0.label, selected: $0 == period) },
            regimes: [("cchc", "Hướng dẫn của Bộ Nội vụ (cchc)"), ("nd09", "Nghị định 09/2019 (nd09)")].map {
                Option(value: $0.0, label: $0.1, selected: $0.0 == regime.id)
            })
        return Resolved(plan: plan, period: period, regime: regime, choices: choices)
    }

    // MARK: Bảng theo dõi

    struct UnitRow {
        var id: Int64
        var name: String
        var expected: Int
        var reported: Int
        var missing: Int
        var hasMissing: Bool
        var overdue: Int
        var done: Int
        var late: Int
        var missingItems: [MissingItem]
        var open: Bool
    }

    struct MissingItem {
        var id: Int64
        var ref: String
        var title: String
    }

    struct Bar {
        var y: Int
        var textY: Int
        var label: String
        var reportedWidth: Int
        var missingX: Int
        var missingWidth: Int
        var figures: String
    }

    struct BoardView {
        var choices: Choices
        var planID: String
        var periodID: String
        var regimeID: String
        var plan: String
        var period: String
        var window: String
        var deadline: String
        var asOf: String
        var counts: String
        var units: [UnitRow]
        var bars: [Bar]
        var chartHeight: Int
        var silent: [MissingItem]
        var hasPlan: Bool
    }

    @Sendable func board(_ request: Request, context: WebContext) async throws -> Response {
        let session = try Access.require(context, [.admin, .viewer], "xem bảng theo dõi")
        let selection = Selection(request)
        let today = app.configuration.today()
        let openUnit = request.uri.queryParameters["don-vi"].flatMap { Int64(String($0)) }
        let key = CacheKey.make(
            "board", session.user.role.rawValue, selection.planID.map(String.init) ?? "-", selection.period ?? "-",
            selection.regime, openUnit.map(String.init) ?? "-", today.iso)
        let body = try await app.withStore(session) { store -> String in
            try app.pages.value(key, on: store.connection) { _ in
                app.views.render(
                    "board", try Self.boardView(app, store: store, selection: selection, openUnit: openUnit, today: today) ?? BoardView.empty)
            }
        }
        return app.views.page(body: body, title: "Bảng theo dõi", session: session, path: request.uri.path)
    }

    static func boardView(
        _ app: WebServices, store: Store, selection: Selection, openUnit: Int64?, today: Day
    ) throws -> BoardView? {
        guard let resolved = try Self.resolve(selection, store: store, today: today) else { return nil }
        let (plan, period, regime, choices) = (resolved.plan, resolved.period, resolved.regime, resolved.choices)
        let asOf = min(today, try regime.window(for: period).to)
        let board = try app.boards.value(
            "\(plan.id)|\(period)|\(regime.id)|\(asOf.iso)", on: store.connection
        ) { _ in try store.statusBoard(planID: plan.id, period: period, regime: regime, asOf: asOf) }
        let ids = Dictionary(board.items.map { ($0.ref, $0) }) { first, _ in first }
        var units: [UnitRow] = []
        for line in board.units {
            let led = board.items.filter { $0.lead.contains(line.unit.name) }
            units.append(
                UnitRow(
                    id: line.unit.id, name: line.unit.name, expected: line.expected, reported: line.reported,
                    missing: line.expected - line.reported, hasMissing: line.expected > line.reported, overdue: led.filter { $0.status == .overdue }.count,
                    done: led.filter { $0.status.isDone }.count, late: line.late,
                    missingItems: line.missing.compactMap { ref in
                        ids[ref].map { MissingItem(id: $0.id, ref: $0.ref, title: $0.title) }
                    }, open: openUnit == line.unit.id))
        }
        let widest = max(1, units.map(\.expected).max() ?? 1)
        let bars = units.enumerated().map { index, unit in
            let reported = unit.reported * 360 / widest
            let missing = unit.missing * 360 / widest
            return Bar(
                y: index * 28 + 6, textY: index * 28 + 20, label: unit.name, reportedWidth: reported,
                missingX: 250 + reported, missingWidth: missing, figures: "\(unit.reported)/\(unit.expected)")
        }
        let counts = ActivityStatus.allCases.map { "\($0.vietnamese): \(board.count($0))" }.joined(separator: " · ")
        return BoardView(
            choices: choices, planID: String(plan.id), periodID: period.description, regimeID: regime.id, plan: "\(plan.reference) — \(plan.title ?? "")", period: period.label,
            window: "\(board.window.from.vietnamese) – \(board.window.to.vietnamese)", deadline: board.deadline.vietnamese,
            asOf: board.asOf.vietnamese, counts: "\(board.items.count) hoạt động trong kỳ — \(counts)", units: units,
            bars: bars, chartHeight: max(40, units.count * 28 + 12),
            silent: board.silentContinuous.map { MissingItem(id: $0.id, ref: $0.ref, title: $0.title) }, hasPlan: true)
    }

    // MARK: Báo cáo

    struct ResultLine {
        var text: String
        var evidence: [String]
    }

    struct ReportActivityView {
        var ref: String
        var title: String
        var lead: String
        var status: String
        var statusClass: String
        var results: [ResultLine]
    }

    struct ReportView {
        var choices: Choices
        var query: String
        var planID: String
        var periodID: String
        var regimeID: String
        var title: String
        var period: String
        var window: String
        var deadline: String
        var reporter: String
        var figures: [String]
        var activities: [ReportActivityView]
        var nextTasks: [String]
        var issues: String?
        var proposals: String?
        var canSubmit: Bool
        var csrf: String
        var submitted: String?
        /// The submitted version shown instead of live data, described; nil for a draft.
        var inForce: String?
        /// The query of the downloads (the same version as the page shows).
        var downloadQuery: String
        var hasPlan: Bool
    }

    @Sendable func report(_ request: Request, context: WebContext) async throws -> Response {
        let session = try Access.require(context, [.admin, .viewer], "xem báo cáo")
        let selection = Selection(request)
        let draft = request.uri.queryParameters["du-thao"] == "1"
        let today = app.configuration.today()
        let submitted = request.uri.queryParameters["da-nop"].map(String.init).map { text -> String in
            let parts = text.split(separator: "-", maxSplits: 1)
            return "Đã nộp báo cáo: bản số \(parts.first ?? ""), sha256 \(parts.count > 1 ? parts[1] : "")…; kỳ báo cáo đã được khóa."
        }
        let view = try await app.withStore(session) { store -> ReportView? in
            guard let resolved = try Self.resolve(selection, store: store, today: today) else { return nil }
            let assembly = try ReportAssembly(
                store: store, plan: "#\(resolved.plan.id)", period: resolved.period.description, regime: resolved.regime.id,
                date: nil)
            let (report, snapshot) = try Self.inForce(assembly, draft: draft)
            var view = Self.view(report, resolved: resolved, session: session, submitted: submitted)
            if let snapshot {
                view.inForce =
                    "Kỳ này đã nộp: bản số \(snapshot.version), nộp lúc \(PageFormat.instant(snapshot.submittedAt)) bởi "
                    + "\(snapshot.submittedBy), sha256 \(snapshot.sha256.prefix(16))…. Trang và các tệp tải về là đúng bản đã nộp."
                view.canSubmit = false
            } else if draft {
                view.downloadQuery += "&du-thao=1"
            }
            return view
        }
        return app.views.page(
            "report", title: "Báo cáo", content: view ?? ReportView.empty, session: session, path: request.uri.path)
    }

    static func view(_ report: Report, resolved: Resolved, session: WebSession, submitted: String?) -> ReportView {
        // The same sentences as the Word report: only the statuses that occur, no rate of nothing.
        let lines = report.overview
        return ReportView(
            choices: resolved.choices, query: resolved.query, planID: String(resolved.plan.id),
            periodID: resolved.period.description, regimeID: resolved.regime.id, title: report.title, period: report.period.label,
            window: "\(report.period.window.from.vietnamese) – \(report.period.window.to.vietnamese)",
            deadline: report.period.deadline.vietnamese, reporter: report.reporter.name, figures: lines,
            activities: report.activities.map { activity in
                ReportActivityView(
                    ref: activity.ref, title: activity.title,
                    lead: VietnameseText.capitalisedFirst(activity.lead.joined(separator: "; ")),
                    status: activity.status.vietnamese, statusClass: activity.status.rawValue,
                    results: activity.results.map { result in
                        let quantity = result.quantity.map { q in
                            " (" + ([PageFormat.number(q)] + [result.quantityUnit].compactMap { $0 }).joined(separator: " ") + ")"
                        } ?? ""
                        return ResultLine(
                            text: "\(result.date.vietnamese) - \(result.unit.name): \(result.text)\(quantity)",
                            evidence: result.evidence.map { ($0.title.map { "\($0): " } ?? "") + $0.value })
                    })
            },
            nextTasks: report.nextTasks.map { "\($0.ref) — \($0.title)" }, issues: report.issues, proposals: report.proposals,
            canSubmit: session.user.role == .admin, csrf: session.csrfToken, submitted: submitted, inForce: nil,
            downloadQuery: resolved.query, hasPlan: true)
    }

    /// The report a page or download shows: the submitted version in force, unless a draft from live data
    /// is asked for (`du-thao=1`) or the period was never submitted.
    static func inForce(_ assembly: ReportAssembly, draft: Bool) throws -> (Report, SnapshotRecord?) {
        if !draft, let (report, snapshot) = try assembly.submitted() { return (report, snapshot) }
        return (try assembly.report(asOf: nil, status: .draft, snapshot: nil), nil)
    }

    @Sendable func download(_ request: Request, context: WebContext) async throws -> Response {
        let session = try Access.require(context, [.admin, .viewer], "tải báo cáo")
        let selection = Selection(request)
        guard let format = request.uri.queryParameters["dinh-dang"].flatMap({ ReportFormat(rawValue: String($0)) }) else {
            throw PageRefusal(.badRequest, "Định dạng tải về phải là docx, xlsx, pdf, json, csv hoặc md.")
        }
        let draft = request.uri.queryParameters["du-thao"] == "1"
        let today = app.configuration.today()
        let (report, name) = try await app.withStore(session) { store -> (Report, String) in
            guard let resolved = try Self.resolve(selection, store: store, today: today) else {
                throw PageRefusal(.notFound, "Chưa có kế hoạch nào.")
            }
            let (plan, period) = (resolved.plan, resolved.period)
            let assembly = try ReportAssembly(
                store: store, plan: "#\(plan.id)", period: period.description, regime: resolved.regime.id, date: nil)
            let (report, _) = try Self.inForce(assembly, draft: draft)
            let slug = plan.reference.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "#", with: "")
            return (report, "bao-cao-\(slug)-\(period.description).\(format.rawValue)")
        }
        // Rendering (LibreOffice for a PDF takes seconds) holds no database connection.
        let data = try await app.render { try report.data(format) }
        return Response(
            status: .ok,
            headers: [
                .contentType: format.mediaType, .contentDisposition: "attachment; filename=\"\(name)\"",
                .cacheControl: "private, no-store", .xContentTypeOptions: "nosniff",
            ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    @Sendable func submit(_ request: Request, context: WebContext) async throws -> Response {
        let session = try Access.require(context, [.admin], "nộp báo cáo")
        let form = try await FormReader.read(request, context: context, csrf: session.csrfToken, limit: 1 << 16)
        var selection = Selection(request)
        selection.planID = form.value("ke-hoach").flatMap { Int64($0) }
        selection.period = form.text("ky")
        selection.regime = form.text("che-do") ?? "cchc"
        let today = app.configuration.today()
        let chosen = selection
        let (version, sha, query) = try await app.withStore(session) { store -> (Int, String, String) in
            guard let resolved = try Self.resolve(chosen, store: store, today: today) else {
                throw PageRefusal(.notFound, "Chưa có kế hoạch nào.")
            }
            var assembly = try ReportAssembly(
                store: store, plan: "#\(resolved.plan.id)", period: resolved.period.description,
                regime: resolved.regime.id, date: nil)
            let (_, snapshot) = try assembly.submit(asOf: nil)
            return (snapshot.version, snapshot.sha256, resolved.query)
        }
        return Views.redirect("/bao-cao?\(query)&da-nop=\(version)-\(sha.prefix(16))")
    }
}

extension ReportRoutes.BoardView {
    static var empty: Self {
        .init(
            choices: .init(plans: [], periods: [], regimes: []), planID: "", periodID: "", regimeID: "", plan: "", period: "",
            window: "", deadline: "", asOf: "",
            counts: "", units: [], bars: [], chartHeight: 0, silent: [], hasPlan: false)
    }
}

extension ReportRoutes.ReportView {
    static var empty: Self {
        .init(
            choices: .init(plans: [], periods: [], regimes: []), query: "", planID: "", periodID: "", regimeID: "", title: "",
            period: "", window: "", deadline: "",
            reporter: "", figures: [], activities: [], nextTasks: [], issues: nil, proposals: nil, canSubmit: false,
            csrf: "", submitted: nil, inForce: nil, downloadQuery: "", hasPlan: false)
    }
}
