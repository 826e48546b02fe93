import PlanCore
import Postgres

extension PostgresRow {
    /// A `date` column selected as text (`col::text`), or nil when NULL.
    func day(at column: Int) throws(PostgresError) -> Day? {
        guard let text = try decode(String?.self, at: column) else { return nil }
        guard let day = Day(iso: text) else {
            throw PostgresError(.decoding, message: "Cột số \(column): \"\(text)\" không phải là một ngày YYYY-MM-DD.")
        }
        return day
    }
}

extension PostgresResultRow {
    /// A `date` column read in place (ISO text on every session: `DateStyle=ISO`).
    func day(_ column: Int) throws(PostgresError) -> Day {
        let text = try string(column)
        guard let day = Day(iso: text) else {
            throw PostgresError(.decoding, message: "Dòng \(index + 1), cột số \(column): \"\(text)\" không phải là một ngày YYYY-MM-DD.")
        }
        return day
    }
}

extension Day {
    /// The day before, used to close a validity the day before an effective date.
    var previous: Day { adding(days: -1) }
}
