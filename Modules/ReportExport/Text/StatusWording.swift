import PlanCore

/// Status words as Vietnamese reports print them (tình trạng).
enum StatusWording {
    static func text(_ status: ActivityStatus) -> String { status.vietnamese }

    /// The status with its day when an administrator decided it ("Hoàn thành (20/05/2024)").
    static func text(_ activity: ReportActivity) -> String {
        guard let day = activity.statusDay else { return text(activity.status) }
        return text(activity.status) + " (\(VietnameseFormat.date(day)))"
    }
}
