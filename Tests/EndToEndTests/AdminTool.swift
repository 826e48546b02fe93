import Foundation
import PlanCore
import Postgres
import TestSupport
import Testing

/// `cchc-admin` run as a person would, against a test database seeded with the fixture plans by
/// `cchc-import`.
struct AdminTool {
    let db: TestDatabase
    let runner: ToolRunner
    /// Who acts unless a call says otherwise (`CCHC_USER`).
    var user = "vanphong"

    init(_ db: TestDatabase) {
        self.db = db
        self.runner = ToolRunner(environment: db.childEnvironment)
    }

    /// Runs `cchc-admin ARGS` as `user` (or `as`).
    @discardableResult
    func callAsFunction(_ arguments: String..., as login: String? = nil, in directory: URL? = nil) throws
        -> ToolRunner.Outcome
    {
        try self(arguments, as: login, in: directory)
    }

    /// Runs `cchc-admin ARGS` as `user` (or `as`).
    @discardableResult
    func callAsFunction(_ arguments: [String], as login: String? = nil, in directory: URL? = nil) throws
        -> ToolRunner.Outcome
    {
        try runner.run(
            "cchc-admin", arguments, extraEnvironment: ["CCHC_USER": login ?? user, "NO_COLOR": ""],
            currentDirectory: directory)
    }

    /// Imports 96/KH-UBND and 45/KH-STP (which implements it).
    func importFixtures() throws {
        for name in ["96-KH-UBND-2024.txt", "45-KH-STP-2024.txt"] {
            let outcome = try runner.run(
                "cchc-import", ["plan", ToolRunner.fixture(name).path], extraEnvironment: ["CCHC_USER": user])
            #expect(outcome.status == 0, "\(outcome)")
        }
    }

    func count(_ table: String) throws -> Int {
        try db.connection.query("SELECT count(*) FROM \(unsafeRaw: table)").scalar(Int.self)
    }

    /// A database with the two fixture plans, ready for `body`.
    static func withPlans(_ body: (AdminTool) throws -> Void) throws {
        try withMigratedDatabase { db in
            let tool = AdminTool(db)
            try tool.importFixtures()
            try body(tool)
        }
    }
}

extension ToolRunner.Outcome {
    /// The JSON printed on stdout.
    func json() throws -> JSONValue { try JSONValue.parse(stdout) }
}
