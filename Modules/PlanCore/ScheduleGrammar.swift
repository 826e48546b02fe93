/// The Vietnamese time-frame grammar (thời gian thực hiện → `Schedule`).
public enum ScheduleGrammar {
    /// Reads a time frame; a missing year is `planYear`. Text it cannot read is `unspecified`.
    public static func parse(_ text: String, planYear: Int) -> Schedule {
        // Placeholder until the grammar lands (issue 2); every caller already goes through here.
        Schedule(text: text, kind: .unspecified)
    }
}
