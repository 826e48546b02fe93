import ArgumentParser
import CLISupport
import PlanStore

/// Where the database is and who is acting: every command that reads or writes the plan takes these.
struct SessionOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOption

    /// Connects (exit 3 when unreachable or not migrated) and opens the person's session.
    func open() throws -> Store {
        try database.openStore(identity)
    }
}
