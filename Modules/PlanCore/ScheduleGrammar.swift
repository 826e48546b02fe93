/// The Vietnamese time-frame grammar (thời gian thực hiện → `Schedule`).
///
/// The text is folded (`VietnameseText.foldedKey`: any case, NFC or NFD, stray spaces, "qúy"), split
/// into tokens, and read by a small grammar (`ScheduleParser`) into time elements — days, months,
/// quarters, parts of a year, years — with markers of continuity, recurrence and deadlines. Every token
/// must belong to the grammar: a text with other words ("Theo kế hoạch của UBND tỉnh", "khi có yêu
/// cầu") is `unspecified`, never guessed from a stray number.
///
/// Meanings (`docs/contracts/plan-v1.md`, "Meaning of schedule"), and the decisions taken where the
/// contract is silent:
/// - continuous: "thường xuyên", "liên tục", "cả năm", "hằng ngày/tuần" — over the named period if one is
///   written ("thường xuyên trong năm 2024"), else the plan year.
/// - recurring: "định kỳ hằng tháng", "hàng quý", "định kỳ 6 tháng", "3 tháng/lần", "2 lần/năm", and
///   "hằng năm"/"thường niên" (every year: recurring, `every` = year). Several cadences ("định kỳ quý,
///   6 tháng, năm") keep the finest. From/to: the named period, else the plan year; a day in the
///   recurrence ("trước ngày 20 hằng tháng") adds nothing.
/// - deadline: "trước", "chậm nhất", "hạn chót", "không quá" + a day: that day ("Trước ngày 15/12/2024"
///   → 2024-12-15). + a longer period: "trước" means before it starts ("trước tháng 6/2024" → 2024-05-31,
///   "Trước Quý III/2024" → 2024-06-30), the others by its end ("chậm nhất tháng 6" → 06-30).
/// - period: everything else that names time. Lists and ranges ("Quý I, II/2026", "Quý II và Quý III",
///   "từ tháng 8 đến tháng 10/2024", "01/3 - 30/4/2024") span from the first to the last, also when the
///   listed parts are not contiguous ("Quý I, III" → Jan–Sep): a plan row has one time frame, and the
///   span is what a reporting period must overlap. "từ X" alone runs to the end of X's year, "đến X"
///   alone from the start of X's year. A day alone ("ngày 15 tháng 12 năm 2024") is a period of one day:
///   an event on that day, not a deadline (no "trước"). "đầu năm" is the first quarter, "cuối năm" the
///   last; "6/9 tháng đầu năm" the first months; "trong tháng 6" that month.
/// - A missing year comes from the nearest element that names one, else the plan year. Dates may be
///   written dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, dd/mm (yy = 20yy). A day that does not exist
///   (30/02/2024) makes the text unspecified.
public enum ScheduleGrammar {
    /// Reads a time frame; a missing year is `planYear`. Text it cannot read is `unspecified`.
    /// The result keeps `text` as written (NFC, trimmed).
    public static func parse(_ text: String, planYear: Int) -> Schedule {
        let written = VietnameseText.trimmed(text)
        guard (1...9998).contains(planYear) else { return Schedule(text: written, kind: .unspecified) }
        var parser = ScheduleParser(ScheduleToken.tokenize(VietnameseText.foldedKey(written)), planYear: planYear)
        guard let phrase = parser.parse(), let schedule = phrase.schedule(text: written, planYear: planYear) else {
            return Schedule(text: written, kind: .unspecified)
        }
        return schedule
    }
}
