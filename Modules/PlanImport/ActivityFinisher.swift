import PlanCore

/// Drafts → `PlannedActivity`: units split, time frames parsed with the plan year, products split;
/// warnings for a missing lead, an unreadable time frame, duplicates, and a plan without tasks.
enum ActivityFinisher {
    static func finish(_ drafts: [ActivityDraft], planYear: Int?) -> (activities: [PlannedActivity], warnings: [Diagnostic]) {
        var activities: [PlannedActivity] = []
        var warnings: [Diagnostic] = []
        var seen: [String: String] = [:]
        // Plans repeat their unit lists and time frames: each distinct text is read once.
        var unitLists: [String: [String]] = [:]
        var schedules: [String: Schedule] = [:]
        var productLists: [String: [String]] = [:]
        func units(_ texts: [String]) -> [String] {
            unique(texts.flatMap { text in unitLists.memoized(text) { UnitListSplitter.split(text) } })
        }
        activities.reserveCapacity(drafts.count)
        for draft in drafts {
            let title = draft.title
            let lead = units(draft.fields.lead)
            let coordinating = units(draft.fields.coordinating)
            let scheduleText = draft.fields.schedule.first ?? ""
            let schedule = schedules.memoized(scheduleText) { parseSchedule(scheduleText, planYear: planYear) }
            let products = draft.fields.products.flatMap { text in
                productLists.memoized(text) { ProductListSplitter.split(text) }
            }
            let location = draft.location?.text
            // Only warnings name the activity.
            func name() -> String { "“\(shortened(title))” (\(draft.ref))" }
            if lead.isEmpty {
                warnings.append(
                    Diagnostic(
                        code: "missing-lead", message: "Hoạt động \(name()) chưa có đơn vị chủ trì.", location: location))
            }
            if !scheduleText.isEmpty, schedule.kind == .unspecified {
                warnings.append(
                    Diagnostic(
                        code: "unreadable-schedule",
                        message: "Không đọc được thời gian thực hiện “\(scheduleText)” của hoạt động \(name()); "
                            + "cần kiểm tra và nhập lại.",
                        location: location))
            }
            let key = duplicateKey(title)
            if let first = seen[key] {
                warnings.append(
                    Diagnostic(
                        code: "duplicate-activity",
                        message: "Hoạt động \(name()) trùng nội dung với hoạt động \(first).", location: location))
            } else {
                seen[key] = draft.ref
            }
            activities.append(
                PlannedActivity(
                    ref: draft.ref, title: title, group: draft.group, lead: lead, coordinating: coordinating,
                    schedule: schedule, products: products))
        }
        return (activities, warnings)
    }

    /// Reads a time frame; without a plan year, only a text that names its own year can be placed.
    static func parseSchedule(_ text: String, planYear: Int?) -> Schedule {
        guard !text.isEmpty else { return Schedule(text: "", kind: .unspecified) }
        guard let year = planYear ?? PlanYear.firstYear(in: text) else {
            return Schedule(text: text, kind: .unspecified)
        }
        return ScheduleGrammar.parse(text, planYear: year)
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        guard names.count > 1 else { return names }
        return names.filter { seen.insert(TextNormalization.fold($0)).inserted }
    }

    private static func duplicateKey(_ title: String) -> String {
        TextNormalization.trimListPunctuation(TextNormalization.fold(title))
    }

    private static func shortened(_ title: String) -> String {
        title.count <= 60 ? title : String(title.prefix(57)) + "…"
    }
}
