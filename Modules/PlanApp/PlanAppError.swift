/// Why a use case refused its input: what is wrong, in Vietnamese, and which input it is about, so each
/// front end names it its own way (`--period` on the command line, the "Kỳ báo cáo" field on a page).
public struct PlanAppError: Error, CustomStringConvertible, Sendable {
    /// The input a refusal is about.
    public enum Field: String, Sendable, Hashable {
        case plan, period, regime, date, asOf
    }

    /// The input concerned, or nil when the refusal is about the data rather than one input.
    public var field: Field?
    /// What is wrong, in Vietnamese.
    public var message: String

    public init(_ field: Field?, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { message }
}
