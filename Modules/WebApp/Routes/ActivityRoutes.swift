import Foundation
import HTTPTypes
import Hummingbird
import PlanApp
import PlanCore
import PlanStore

/// Việc của tôi, the activity page, recording a result (Ghi kết quả), correcting one (Sửa kết quả), and
/// downloading evidence.
struct ActivityRoutes: Sendable {
    let app: WebServices

    func register(_ router: RouterGroup<WebContext>) {
        router.get("/", use: home)
        router.get("/hoat-dong/:id", use: activity)
        router.get("/hoat-dong/:id/ghi-ket-qua", use: recordForm)
        router.post("/hoat-dong/:id/ghi-ket-qua", use: record)
        router.get("/ket-qua/:id/sua", use: correctForm)
        router.post("/ket-qua/:id/sua", use: correct)
        router.get("/tep/:sha", use: download)
    }

    // MARK: Việc của tôi

    struct WorkItemView {
        var id: Int64
        var reference: String
        var title: String
        var role: String
        var schedule: String
        var deadline: String
        var status: String
        var statusClass: String
        var lastResult: String
        var entries: Int
        var canRecord: Bool
    }

    struct WorkGroupView {
        var heading: String
        var hint: String
        var items: [WorkItemView]
        var count: Int
    }

    struct PlanLinkView {
        var id: Int64
        var reference: String
        var title: String
        var year: Int
        var activities: Int
        var owner: String
    }

    struct HomeView {
        var hasUnit: Bool
        var unit: String
        var period: String
        var window: String
        var deadline: String
        var groups: [WorkGroupView]
        var empty: Bool
        var plans: [PlanLinkView]
        var showPlans: Bool
    }

    @Sendable func home(_ request: Request, context: WebContext) async throws -> Response {
        let session = try context.requireSession()
        let today = app.configuration.today()
        let role = session.user.role
        let (unitName, body) = try await app.withStore(session) { store -> (String?, String) in
            let unitName = try app.unitName(session, store: store)
            // The page depends on the role, the unit and the day only: rendered once per data version.
            let key = CacheKey.make("home", role.rawValue, session.user.unitID.map(String.init) ?? "-", today.iso)
            let body = try app.pages.value(key, on: store.connection) { _ in
                app.views.render("home", try Self.homeView(store: store, session: session, unitName: unitName, today: today))
            }
            return (unitName, body)
        }
        return app.views.page(
            body: body, title: "Việc của tôi", session: session, path: request.uri.path, unitName: unitName,
            messages: Self.flash(request))
    }

    static func homeView(store: Store, session: WebSession, unitName: String?, today: Day) throws -> HomeView {
        var view = HomeView(
            hasUnit: false, unit: unitName ?? "", period: "", window: "", deadline: "", groups: [], empty: true,
            plans: [], showPlans: session.user.role != .unit)
        if let unit = session.user.unitID {
            let work = try WorkList.load(store: store, unitID: unit, today: today)
            view.hasUnit = true
            view.period = work.period.label
            view.window = "\(work.window.from.vietnamese) – \(work.window.to.vietnamese)"
            view.deadline = work.deadline.vietnamese
            view.groups = work.groups.map { group, items in
                WorkGroupView(
                    heading: heading(group), hint: hint(group),
                    items: items.map { item($0, canRecord: session.user.role != .viewer) }, count: items.count)
            }
            view.empty = view.groups.isEmpty
        }
        if view.showPlans {
            view.plans = try store.listPlans().filter { $0.year >= today.year - 1 }.map {
                PlanLinkView(
                    id: $0.id, reference: $0.reference, title: $0.title ?? "", year: $0.year, activities: $0.activityCount,
                    owner: $0.owner)
            }
        }
        return view
    }

    static func item(_ item: WorkList.Item, canRecord: Bool) -> WorkItemView {
        let overview = item.overview
        return WorkItemView(
            id: overview.activity.id, reference: overview.activity.reference, title: overview.activity.title,
            role: item.leads ? "Chủ trì" : "Phối hợp", schedule: overview.activity.schedule.inWords,
            deadline: PageFormat.date(item.deadline), status: statusText(overview.status, overview.statusDay),
            statusClass: overview.status.rawValue, lastResult: PageFormat.date(overview.lastEntry),
            entries: overview.entryCount, canRecord: canRecord && overview.status != .cancelled)
    }

    static func statusText(_ status: ActivityStatus, _ day: Day?) -> String {
        day.map { "\(status.vietnamese) (\($0.vietnamese))" } ?? status.vietnamese
    }

    static func heading(_ group: WorkList.Group) -> String {
        switch group {
        case .overdue: "Quá hạn"
        case .due: "Đến hạn trong kỳ"
        case .continuous: "Thường xuyên"
        case .finished: "Đã xong"
        }
    }

    static func hint(_ group: WorkList.Group) -> String {
        switch group {
        case .overdue: "Thời hạn đã qua mà chưa hoàn thành: ghi kết quả hoặc báo Văn phòng Sở."
        case .due: "Có thời hạn trong kỳ báo cáo này."
        case .continuous: "Làm thường xuyên: mỗi kỳ cần ít nhất một kết quả."
        case .finished: "Đã hoàn thành hoặc dừng thực hiện."
        }
    }

    static func flash(_ request: Request) -> [Views.Message] {
        let query = request.uri.queryParameters
        var messages: [Views.Message] = []
        if let id = query["da-ghi"] { messages.append(.init(text: "Đã ghi kết quả #\(id).", isError: false)) }
        if let id = query["da-co"] {
            messages.append(.init(text: "Kết quả này đã được ghi trước đó (#\(id)); không ghi lại lần nữa.", isError: false))
        }
        if let id = query["da-sua"] { messages.append(.init(text: "Đã ghi mục #\(id) thay thế mục cũ.", isError: false)) }
        return messages
    }

    // MARK: Hoạt động

    /// A piece of evidence; field names differ from the page's (Mustache looks a missing value up in the
    /// enclosing context, so a nil `title` would show the activity's title).
    struct EvidenceView {
        var label: String
        var href: String?
        var evidenceTitle: String?
    }

    struct EntryView {
        var id: Int64
        var date: String
        var unit: String
        var text: String
        var quantity: String?
        var evidence: [EvidenceView]
        var recorded: String
        var correction: String?
        /// "Đã được sửa bởi mục #N." or "Đã rút (mục #N)."
        var superseded: String?
        var canCorrect: Bool
    }

    struct ActivityView {
        var id: Int64
        var reference: String
        var title: String
        var group: String?
        var lead: String
        var coordinating: String
        var schedule: String
        var products: [String]
        var status: String
        var statusClass: String
        var entries: [EntryView]
        var hasEntries: Bool
        var canRecord: Bool
        var parent: String?
        var implementedBy: [String]
    }

    static func id(_ context: WebContext, _ name: String = "id") throws -> Int64 {
        guard let text = context.parameters.get(name), let id = Int64(text), id > 0 else {
            throw PageRefusal(.notFound, "Không có trang này.")
        }
        return id
    }

    @Sendable func activity(_ request: Request, context: WebContext) async throws -> Response {
        let session = try context.requireSession()
        let id = try Self.id(context)
        let today = app.configuration.today()
        let view = try await app.withStore(session) { store -> ActivityView in
            let detail = try store.activityDetail(id, asOf: today)
            let mayRecord = try store.mayRecordProgress(activityID: id)
            let own = session.user.unitID.map { try? store.unitChainIDs($0) } ?? nil
            let activity = detail.overview.activity
            let withdrawals = Set(detail.progress.filter(\.withdrawn).map(\.id))
            return ActivityView(
                id: id, reference: activity.reference, title: activity.title, group: activity.group,
                lead: detail.overview.lead.map(\.unit.name).joined(separator: "; "),
                coordinating: detail.overview.coordinating.map(\.unit.name).joined(separator: "; "),
                schedule: activity.schedule.inWords, products: detail.products.map(\.text),
                status: Self.statusText(detail.overview.status, detail.overview.statusDay),
                statusClass: detail.overview.status.rawValue,
                entries: detail.progress.reversed().map { entry in
                    Self.entry(
                        entry, withdrawals: withdrawals,
                        canCorrect: entry.supersededBy == nil && !entry.withdrawn
                            && (session.user.role == .admin || (session.user.role == .unit && own?.contains(entry.unitID) == true)))
                },
                hasEntries: !detail.progress.isEmpty, canRecord: mayRecord, parent: activity.parentReference,
                implementedBy: detail.implementedBy.map { "\($0.reference) — \($0.title)" })
        }
        return app.views.page(
            "activity", title: view.reference, content: view, session: session, path: request.uri.path,
            messages: Self.flash(request))
    }

    static func entry(_ entry: ProgressRow, withdrawals: Set<Int64> = [], canCorrect: Bool) -> EntryView {
        EntryView(
            id: entry.id, date: entry.date.vietnamese, unit: entry.unitName, text: entry.text,
            quantity: entry.quantity.map { q in ([PageFormat.number(q)] + [entry.quantityUnit].compactMap { $0 }).joined(separator: " ") },
            evidence: entry.evidence.map(Self.evidence),
            recorded: "Ghi bởi \(entry.recordedBy) lúc \(entry.recordedAt)",
            correction: entry.supersedes.map {
                (entry.withdrawn ? "Rút kết quả #\($0) (không tính)" : "Sửa mục #\($0)") + (entry.reason.map { ": \($0)" } ?? "")
            },
            superseded: entry.withdrawn
                ? "Mục rút kết quả: không tính trong báo cáo."
                : entry.supersededBy.map { withdrawals.contains($0) ? "Đã rút (mục #\($0)): không tính trong báo cáo." : "Đã được sửa bởi mục #\($0)." },
            canCorrect: canCorrect)
    }

    static func evidence(_ evidence: Evidence) -> EvidenceView {
        switch evidence.kind {
        case .url: return EvidenceView(label: evidence.value, href: evidence.value, evidenceTitle: evidence.title)
        case .document: return EvidenceView(label: "Văn bản: \(evidence.value)", href: nil, evidenceTitle: evidence.title)
        case .file:
            return EvidenceView(
                label: "Tệp: \(evidence.value)", href: evidence.sha256.map { "/tep/\($0)" }, evidenceTitle: evidence.title)
        }
    }

    // MARK: Ghi kết quả

    struct UnitOption {
        var id: Int64
        var name: String
        var selected: Bool
    }

    struct RecordView {
        var units: [UnitOption] = []
        var id: Int64
        var reference: String
        var title: String
        var csrf: String
        var date: String
        var text: String
        var quantity: String
        var quantityUnit: String
        var link: String
        var document: String
        var uploadLimit: Int
        var error: String?
        var correcting: Int64?
        var reason: String
        var action: String
    }

    @Sendable func recordForm(_ request: Request, context: WebContext) async throws -> Response {
        let session = try Access.require(context, [.admin, .unit], "ghi kết quả")
        let id = try Self.id(context)
        let today = app.configuration.today()
        let activity = try await app.withStore(session) { store -> ActivityRow in
            guard try store.mayRecordProgress(activityID: id) else {
                throw PageRefusal(.forbidden, "Đơn vị của bạn không chủ trì, không phối hợp hoạt động này nên không ghi kết quả được.")
            }
            return try store.activity(id: id)
        }
        return app.views.page(
            "record", title: "Ghi kết quả",
            content: RecordView(
                units: try await unitOptions(session, activity: id, selected: nil),
                id: id, reference: activity.reference, title: activity.title, csrf: session.csrfToken,
                date: today.vietnamese, text: "", quantity: "", quantityUnit: "", link: "", document: "",
                uploadLimit: app.configuration.uploadLimit / 1_048_576, error: nil, correcting: nil, reason: "",
                action: "/hoat-dong/\(id)/ghi-ket-qua"),
            session: session, path: request.uri.path)
    }

    /// The result's fields from a form; a refusal names the field in Vietnamese.
    struct ResultFields {
        var date: Day
        var text: String
        var quantity: Double?
        var quantityUnit: String?
        var evidence: [EvidenceInput]
    }

    static func fields(_ form: Form) throws(PageRefusal) -> ResultFields {
        let day: Day
        do {
            day = try TypedInput.day(form.text("date") ?? "")
        } catch {
            throw PageRefusal(.badRequest, "Ngày thực hiện: \(error.message)")
        }
        guard let text = form.text("text") else { throw PageRefusal(.badRequest, "Hãy ghi kết quả thực hiện.") }
        var quantity: Double?
        if let typed = form.text("quantity") {
            do {
                quantity = try TypedInput.quantity(typed)
            } catch {
                throw PageRefusal(.badRequest, "Số lượng: \(error.message)")
            }
        }
        let unit = form.text("quantity_unit")
        if unit != nil, quantity == nil { throw PageRefusal(.badRequest, "Đơn vị tính cần đi kèm số lượng.") }
        var evidence: [EvidenceInput] = []
        if let link = form.text("link") {
            do {
                let input = try EvidenceInput.classify(link, workingDirectory: "/nonexistent")
                guard case .url = input else { throw StoreError.invalid("") }
                evidence.append(input)
            } catch {
                throw PageRefusal(.badRequest, "Đường liên kết phải bắt đầu bằng http:// hoặc https://.")
            }
        }
        if let number = form.text("document") {
            let date = form.text("document_date").map { " ngày \($0)" } ?? ""
            evidence.append(.document(number + date))
        }
        for file in form.chosenFiles("file") {
            evidence.append(.uploaded(fileName: file.fileName, data: file.data))
        }
        return ResultFields(date: day, text: text, quantity: quantity, quantityUnit: unit, evidence: evidence)
    }

    @Sendable func record(_ request: Request, context: WebContext) async throws -> Response {
        let session = try Access.require(context, [.admin, .unit], "ghi kết quả")
        let id = try Self.id(context)
        let form = try await FormReader.read(
            request, context: context, csrf: session.csrfToken, limit: app.configuration.uploadLimit)
        let activity = try await app.withStore(session) { try $0.activity(id: id) }
        let fields: ResultFields
        do {
            fields = try Self.fields(form)
        } catch {
            return try await refusedForm(request, session: session, activity: activity, form: form, message: error.message)
        }
        do {
            let unit = try await unitFor(session, form: form)
            let (entry, repeated) = try await app.withStore(session) { store in
                try store.recordProgress(
                    NewProgress(
                        activityID: id, unitID: unit, date: fields.date, text: fields.text, quantity: fields.quantity,
                        quantityUnit: fields.quantityUnit, evidence: fields.evidence))
            }
            return Views.redirect("/hoat-dong/\(id)?\(repeated ? "da-co" : "da-ghi")=\(entry.id)")
        } catch let error as StoreError {
            switch error {
            case .forbidden, .actingForbidden: throw error
            default:
                return try await refusedForm(
                    request, session: session, activity: activity, form: form, message: error.description)
            }
        }
    }

    /// The unit reporting: the person's own; an administrator without one records for the lead unit.
    func unitFor(_ session: WebSession, form: Form) async throws -> Int64 {
        if let unit = session.user.unitID { return unit }
        let id = try Self.idValue(form.value("unit"))
        guard let id else { throw StoreError.invalid("Hãy chọn đơn vị báo cáo kết quả.") }
        return id
    }

    static func idValue(_ text: String?) throws -> Int64? {
        guard let text, !text.isEmpty else { return nil }
        guard let id = Int64(text) else { throw StoreError.invalid("Đơn vị không hợp lệ.") }
        return id
    }

    /// The units an administrator without a unit of their own may record for: the activity's named units.
    func unitOptions(_ session: WebSession, activity: Int64, selected: Int64?) async throws -> [UnitOption] {
        guard session.user.unitID == nil, session.user.role == .admin else { return [] }
        let today = app.configuration.today()
        let units = try await app.withStore(session) { store in
            try store.activityDetail(activity, asOf: today).overview.units.filter { $0.unit.kind != .group }.map(\.unit)
        }
        var seen = Set<Int64>()
        return units.filter { seen.insert($0.id).inserted }.enumerated().map { index, unit in
            UnitOption(id: unit.id, name: unit.name, selected: selected.map { $0 == unit.id } ?? (index == 0))
        }
    }

    func refusedForm(
        _ request: Request, session: WebSession, activity: ActivityRow, form: Form, message: String, correcting: Int64? = nil
    ) async throws -> Response {
        app.views.page(
            "record", title: correcting == nil ? "Ghi kết quả" : "Sửa kết quả",
            content: RecordView(
                units: correcting == nil
                    ? try await unitOptions(session, activity: activity.id, selected: try Self.idValue(form.value("unit")))
                    : [],
                id: activity.id, reference: activity.reference, title: activity.title, csrf: session.csrfToken,
                date: form.value("date") ?? "", text: form.value("text") ?? "", quantity: form.value("quantity") ?? "",
                quantityUnit: form.value("quantity_unit") ?? "", link: form.value("link") ?? "",
                document: form.value("document") ?? "", uploadLimit: app.configuration.uploadLimit / 1_048_576,
                error: message, correcting: correcting, reason: form.value("reason") ?? "",
                action: correcting.map { "/ket-qua/\($0)/sua" } ?? "/hoat-dong/\(activity.id)/ghi-ket-qua"),
            session: session, path: request.uri.path, status: .badRequest)
    }

    // MARK: Sửa kết quả

    @Sendable func correctForm(_ request: Request, context: WebContext) async throws -> Response {
        let session = try Access.require(context, [.admin, .unit], "sửa kết quả")
        let id = try Self.id(context)
        let (entry, activity) = try await app.withStore(session) { store -> (ProgressRow, ActivityRow) in
            let entry = try store.progressEntry(id)
            return (entry, try store.activity(id: entry.activityID))
        }
        if entry.withdrawn {
            throw PageRefusal(.conflict, "Mục #\(id) là mục rút kết quả; không sửa được (hãy ghi một kết quả mới).")
        }
        if let newer = entry.supersededBy {
            throw PageRefusal(.conflict, "Mục #\(id) đã được sửa bởi mục #\(newer); hãy sửa mục #\(newer).")
        }
        return app.views.page(
            "record", title: "Sửa kết quả",
            content: RecordView(
                id: activity.id, reference: activity.reference, title: activity.title, csrf: session.csrfToken,
                date: entry.date.vietnamese, text: entry.text, quantity: entry.quantity.map { VietnameseText.number($0, decimals: 6) } ?? "",
                quantityUnit: entry.quantityUnit ?? "", link: "", document: "",
                uploadLimit: app.configuration.uploadLimit / 1_048_576, error: nil, correcting: id, reason: "",
                action: "/ket-qua/\(id)/sua"),
            session: session, path: request.uri.path)
    }

    @Sendable func correct(_ request: Request, context: WebContext) async throws -> Response {
        let session = try Access.require(context, [.admin, .unit], "sửa kết quả")
        let id = try Self.id(context)
        let form = try await FormReader.read(
            request, context: context, csrf: session.csrfToken, limit: app.configuration.uploadLimit)
        let (entry, activity) = try await app.withStore(session) { store -> (ProgressRow, ActivityRow) in
            let entry = try store.progressEntry(id)
            return (entry, try store.activity(id: entry.activityID))
        }
        let fields: ResultFields
        do {
            fields = try Self.fields(form)
        } catch {
            return try await refusedForm(
                request, session: session, activity: activity, form: form, message: error.message, correcting: id)
        }
        guard let reason = form.text("reason") else {
            return try await refusedForm(
                request, session: session, activity: activity, form: form, message: "Hãy ghi lý do sửa.", correcting: id)
        }
        do {
            let fixed = try await app.withStore(session) { store in
                try store.correctProgress(
                    id, reason: reason,
                    ProgressCorrection(
                        date: fields.date == entry.date ? nil : fields.date,
                        text: fields.text == entry.text ? nil : fields.text,
                        quantity: fields.quantity == entry.quantity ? nil : .some(fields.quantity),
                        quantityUnit: fields.quantityUnit == entry.quantityUnit ? nil : .some(fields.quantityUnit),
                        evidence: fields.evidence.isEmpty ? nil : fields.evidence))
            }
            return Views.redirect("/hoat-dong/\(activity.id)?da-sua=\(fixed.id)")
        } catch let error as StoreError {
            switch error {
            case .forbidden, .actingForbidden: throw error
            default:
                return try await refusedForm(
                    request, session: session, activity: activity, form: form, message: error.description, correcting: id)
            }
        }
    }

    // MARK: Tệp kiểm chứng

    @Sendable func download(_ request: Request, context: WebContext) async throws -> Response {
        let session = try context.requireSession()
        guard let sha = context.parameters.get("sha") else { throw PageRefusal(.notFound, "Không có tệp này.") }
        guard let file = try await app.withStore(session, { try $0.evidenceFile(sha256: sha) }) else {
            throw PageRefusal(.notFound, "Không có tệp này.")
        }
        let ascii = String(file.name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = file.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "tep"
        var headers: HTTPFields = [
            .contentType: file.mediaType,
            .contentDisposition: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)",
            .xContentTypeOptions: "nosniff", .cacheControl: "private, no-store",
        ]
        headers[.contentSecurityPolicy] = "default-src 'none'; sandbox"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
    }
}
