import Foundation
import Postgres

/// How much a synthetic database holds.
struct DatabaseShape {
    /// Provinces (each an "Ủy ban nhân dân tỉnh …" unit).
    var provinces: Int
    /// Departments (sở, ban, ngành) per province, each with one plan.
    var units: Int
    /// Activities per plan.
    var activities: Int
    /// Progress entries per activity.
    var entries: Int
    var year: Int
    var seed: UInt64

    var plans: Int { provinces * units }
    var totalActivities: Int { plans * activities }
    var totalEntries: Int { totalActivities * entries }
}

/// Fills a migrated database with a synthetic national (or provincial) data set in one transaction,
/// set-based: every table is written by a few `INSERT … SELECT` statements over `generate_series` and
/// array parameters, never a statement per row. Rows are keyed in temporary tables (`synth_*`, dropped
/// at commit) whose ids are drawn from the tables' own identity sequences.
///
/// When the login is a superuser, `session_replication_role = replica` is set for the transaction unless
/// `keepTriggers`: the NFC, audit and lock triggers (and foreign-key triggers) do not fire, so the
/// synthetic rows are not audited. CHECK constraints (NFC included) and unique indexes still apply, and the
/// load verifies its own counts before committing.
struct SyntheticDatabase {
    let connection: Connection
    let shape: DatabaseShape
    let keepTriggers: Bool
    /// Receives a Vietnamese line as each step finishes.
    let progress: (String) -> Void

    /// What one load did.
    struct Outcome {
        var triggersBypassed: Bool
        var superuser: Bool
        var provinceNames: [String]
        var counts: [(label: String, count: Int)] = []
        var timings: [(label: String, seconds: Double)] = []
        var firstPlan: PlanReference?
        var totalSeconds: Double = 0
    }

    /// A plan the load created, to pass to `cchc-export report --plan`.
    struct PlanReference {
        var id: Int64
        var code: String
        var owner: String
        var province: String
        var activities: Int
        var entries: Int
    }

    func load() throws -> Outcome {
        let started = Date()
        let superuser = try connection.query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").scalar(Bool.self)
        let bypass = superuser && !keepTriggers
        var outcome = try connection.withTransaction { connection in
            try connection.query("SELECT set_config('cchc.user', 'cchc-synth', true)")
            if bypass { try connection.execute(unsafeSQL: "SET LOCAL session_replication_role = replica") }
            try connection.execute(unsafeSQL: "SET LOCAL work_mem = '64MB'; SET LOCAL jit = off")
            var run = SyntheticLoad(connection: connection, shape: shape, progress: progress)
            try run.createScratchTables()
            let provinces = try run.chooseProvinces()
            var outcome = Outcome(triggersBypassed: bypass, superuser: superuser, provinceNames: provinces.map(\.province.localName))
            try run.timed("Đơn vị (UBND tỉnh, sở, phòng)") { try $0.insertUnits(provinces) }
            try run.timed("Văn bản và kế hoạch") { try $0.insertPlans() }
            try run.timed("Hoạt động, phân công, sản phẩm") { try $0.insertActivities() }
            try run.timed("Nội dung kế hoạch (bản nhập)") { try $0.insertRevisions() }
            try run.timed("Tiến độ và minh chứng") { try $0.insertProgress(provinces: provinces) }
            try run.timed("Kiểm tra số lượng") { try $0.verify() }
            outcome.counts = run.counts
            outcome.timings = run.timings
            outcome.firstPlan = try run.firstPlan()
            // Triggers did not fire: move the data version by hand, so a running web server sees the load.
            if bypass { try connection.execute(unsafeSQL: "UPDATE data_version SET version = version + 1") }
            return outcome
        }
        let analyzeStarted = Date()
        try connection.execute(
            unsafeSQL: """
                ANALYZE units, unit_aliases, documents, plans, plan_revisions, sections, activities,
                        activity_assignments, products, progress_entries, evidence
                """)
        let analyzeSeconds = Date().timeIntervalSince(analyzeStarted)
        outcome.timings.append(("ANALYZE", analyzeSeconds))
        progress(SynthText.step("ANALYZE", seconds: analyzeSeconds))
        outcome.totalSeconds = Date().timeIntervalSince(started)
        return outcome
    }
}
