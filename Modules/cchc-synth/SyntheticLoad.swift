import CLISupport
import Foundation
import Postgres

/// The state of one synthetic load inside its transaction: the connection, the value pools, and the
/// counts and timings gathered as the steps (in the `SyntheticLoad+…` files) run.
struct SyntheticLoad {
    let connection: Connection
    let shape: DatabaseShape
    let progress: (String) -> Void
    let pools: ValuePools
    var counts: [(label: String, count: Int)] = []
    var timings: [(label: String, seconds: Double)] = []

    init(connection: Connection, shape: DatabaseShape, progress: @escaping (String) -> Void) {
        self.connection = connection
        self.shape = shape
        self.progress = progress
        self.pools = ValuePools(seed: shape.seed, year: shape.year)
    }

    /// What each hash drives; with the seed it gives the salt of `pg_temp.synth_pick`.
    enum Choice: Int64 {
        case planNumber = 1, issueMonth, issueDay, signer, leadDivision, coordinatingDivision, schedule, title, done
        case productCount, product, entryDay, quantity, recordLag, recordMinute
    }

    /// The salt for a choice: different choices of the same row are independent.
    func salt(_ choice: Choice) -> Int64 {
        Int64(bitPattern: shape.seed &* 1_000_003) &+ choice.rawValue
    }

    /// Runs a step, recording and reporting its duration.
    mutating func timed(_ label: String, _ body: (inout SyntheticLoad) throws -> Void) throws {
        let started = Date()
        try body(&self)
        let seconds = Date().timeIntervalSince(started)
        timings.append((label, seconds))
        progress(SynthText.step(label, seconds: seconds))
    }

    /// The scratch tables that key the generated rows, and the hash used to pick values.
    func createScratchTables() throws {
        try connection.execute(
            unsafeSQL: """
                CREATE FUNCTION pg_temp.synth_pick(k bigint, salt bigint, n bigint) RETURNS int
                LANGUAGE sql IMMUTABLE PARALLEL SAFE
                AS 'SELECT 1 + ((hashint8extended(k, salt) & 9223372036854775807) % n)::int';
                CREATE TEMP TABLE synth_province (
                    ord int PRIMARY KEY, id bigint NOT NULL, name text NOT NULL, key text NOT NULL, place text NOT NULL,
                    upper_name text NOT NULL, slug text NOT NULL, alias text NOT NULL, alias_key text NOT NULL,
                    parent_number int NOT NULL, parent_day int NOT NULL, parent_issuer text NOT NULL
                ) ON COMMIT DROP;
                CREATE TEMP TABLE synth_department (
                    province_ord int NOT NULL, ord int NOT NULL, id bigint NOT NULL UNIQUE, name text NOT NULL,
                    upper_name text NOT NULL, key text NOT NULL, abbreviation text NOT NULL, kind text NOT NULL,
                    slug text NOT NULL, head text NOT NULL, PRIMARY KEY (province_ord, ord)
                ) ON COMMIT DROP;
                CREATE TEMP TABLE synth_division (
                    department_id bigint NOT NULL, ord int NOT NULL, id bigint NOT NULL UNIQUE, name text NOT NULL,
                    key text NOT NULL, kind text NOT NULL, PRIMARY KEY (department_id, ord)
                ) ON COMMIT DROP;
                CREATE TEMP TABLE synth_plan (
                    department_id bigint PRIMARY KEY, province_ord int NOT NULL, department_ord int NOT NULL,
                    document_id bigint NOT NULL, plan_id bigint NOT NULL UNIQUE, number int NOT NULL, issued_on date NOT NULL
                ) ON COMMIT DROP;
                CREATE TEMP TABLE synth_activity (
                    id bigint PRIMARY KEY, plan_id bigint NOT NULL, department_id bigint NOT NULL, province_ord int NOT NULL,
                    k bigint NOT NULL, ord int NOT NULL, lead_id bigint NOT NULL, coordinating_id bigint,
                    schedule int NOT NULL, title int NOT NULL, done boolean NOT NULL,
                    first_day date NOT NULL, last_day date NOT NULL
                ) ON COMMIT DROP;
                CREATE INDEX ON synth_activity (plan_id);
                CREATE INDEX ON synth_activity (province_ord);
                """)
    }

    /// Checks that every table got exactly what the shape asks for (the scratch tables key the rows).
    func verify() throws {
        let row = try connection.query(
            """
            SELECT (SELECT count(*) FROM units u JOIN synth_department d ON d.id = u.id),
                   (SELECT count(*) FROM plans p JOIN synth_plan s ON s.plan_id = p.id),
                   (SELECT count(*) FROM activities a JOIN synth_activity s ON s.id = a.id),
                   (SELECT count(*) FROM progress_entries p JOIN synth_activity s ON s.id = p.activity_id)
            """
        ).singleRow()
        let expected = [shape.plans, shape.plans, shape.totalActivities, shape.totalEntries]
        let labels = ["cơ quan", "kế hoạch", "hoạt động", "mục tiến độ"]
        for index in 0..<4 {
            let found = try row.decode(Int.self, at: index)
            guard found == expected[index] else {
                throw ToolError("Kiểm tra thất bại: \(labels[index]) có \(found), cần \(expected[index]). Không lưu gì.")
            }
        }
    }

    /// The first plan created, with its size.
    func firstPlan() throws -> SyntheticDatabase.PlanReference? {
        guard
            let row = try connection.query(
                """
                SELECT s.plan_id, d.code, dep.name, p.place,
                       (SELECT count(*) FROM synth_activity a WHERE a.plan_id = s.plan_id)
                  FROM synth_plan s JOIN documents d ON d.id = s.document_id
                  JOIN synth_department dep ON dep.id = s.department_id JOIN synth_province p ON p.ord = s.province_ord
                 ORDER BY s.province_ord, s.department_ord LIMIT 1
                """
            ).first
        else { return nil }
        let activities = try row.decode(Int.self, at: 4)
        return SyntheticDatabase.PlanReference(
            id: try row.decode(Int64.self, at: 0), code: try row.decode(String.self, at: 1),
            owner: try row.decode(String.self, at: 2), province: try row.decode(String.self, at: 3),
            activities: activities, entries: activities * shape.entries)
    }
}
