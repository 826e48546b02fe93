import PlanApp
import PlanStore
import Postgres

/// Turns any error into the Vietnamese message and exit status a person sees.
public enum ErrorReport {
    public static func classify(_ error: any Error) -> ToolError {
        switch error {
        case let error as ToolError:
            return error
        case let error as PlanAppError:
            guard let field = error.field else { return ToolError(error.message) }
            return .argument(option(field), error.message)
        case let error as PostgresError where error.code == .connectionFailed || error.code == .connectionLost:
            return ToolError(error.description, exitCode: ExitStatus.database)
        case let error as PostgresError where error.code == .invalidConfiguration:
            return ToolError(error.description, exitCode: ExitStatus.usage)
        case let error as MigrationError:
            return ToolError(error.description, exitCode: ExitStatus.database)
        case let error as any CustomStringConvertible:
            return ToolError(error.description, exitCode: ExitStatus.inputError)
        default:
            return ToolError(String(describing: error), exitCode: ExitStatus.inputError)
        }
    }

    /// The command-line option of a use case's input.
    static func option(_ field: PlanAppError.Field) -> String {
        switch field {
        case .plan: "--plan"
        case .period: "--period"
        case .regime: "--regime"
        case .date: "--date"
        case .asOf: "--as-of"
        }
    }
}
