import PlanCore

/// Dates typed on the command line (PlanCore's `TypedInput.day`): a refusal names the option.
public enum DayArgument {
    public static func parse(_ text: String, option: String) throws(ToolError) -> Day {
        do {
            return try TypedInput.day(text)
        } catch {
            throw .argument(option, error.message)
        }
    }

    /// Parses an optional value (nil stays nil).
    public static func parse(optional text: String?, option: String) throws(ToolError) -> Day? {
        guard let text else { return nil }
        return try parse(text, option: option)
    }
}
