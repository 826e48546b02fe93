import Postgres

/// Everything a restore must bring back, read from one database: the content of every table (row
/// count and a digest of all rows), the audit trail and migration records verbatim, and the
/// security machinery (policies, row-level security switches, triggers, privileges, sequences).
struct DatabaseFingerprint: Equatable, CustomStringConvertible {
    /// Table name → "rows=N md5=…" over every row's text form, in a stable order.
    var tables: [String: String]
    /// `audit_log`, every row as text, by id.
    var auditLog: [String]
    /// `schema_migrations`, every row as text, by version.
    var migrations: [String]
    /// `pg_policies`: table, name, command, roles, USING and WITH CHECK expressions.
    var policies: [String]
    /// Tables with row-level security enabled (and forced).
    var rowSecurity: [String]
    /// User triggers: table, name, enabled state, definition.
    var triggers: [String]
    /// Owner and access list (in a stable order: a restore may grant in another order) of every table,
    /// sequence and function in `public`; a default list (NULL) is compared as what it grants.
    var privileges: [String]
    /// Every sequence and its last value (so new rows after a restore do not collide).
    var sequences: [String]

    init(_ connection: Connection) throws {
        var tables: [String: String] = [:]
        let names = try connection.query(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        ).map { try $0.decode(String.self, at: 0) }
        for name in names {
            let table = try connection.quoteIdentifier(name)
            let row = try connection.query(
                SQL(unsafeSQL: """
                    SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '')
                      FROM public.\(table) AS t
                    """)
            ).singleRow()
            tables[name] = "rows=\(try row.decode(Int.self, at: 0)) md5=\(try row.decode(String.self, at: 1))"
        }
        self.tables = tables
        auditLog = try Self.lines(connection, "SELECT a::text FROM audit_log AS a ORDER BY id")
        migrations = try Self.lines(connection, "SELECT m::text FROM schema_migrations AS m ORDER BY version")
        policies = try Self.lines(
            connection,
            """
            SELECT concat_ws(' | ', tablename, policyname, permissive, cmd, roles::text, qual, with_check)
              FROM pg_policies WHERE schemaname = 'public' ORDER BY tablename, policyname
            """)
        rowSecurity = try Self.lines(
            connection,
            """
            SELECT c.relname || CASE WHEN c.relforcerowsecurity THEN ' (forced)' ELSE '' END
              FROM pg_class c
             WHERE c.relnamespace = 'public'::regnamespace AND c.relrowsecurity ORDER BY c.relname
            """)
        triggers = try Self.lines(
            connection,
            """
            SELECT concat_ws(' | ', t.tgrelid::regclass::text, t.tgname, t.tgenabled, pg_get_triggerdef(t.oid))
              FROM pg_trigger t WHERE NOT t.tgisinternal ORDER BY 1
            """)
        privileges = try Self.lines(
            connection,
            """
            SELECT concat_ws(' | ', c.relkind, c.relname, pg_get_userbyid(c.relowner),
                             (SELECT string_agg(a::text, ',' ORDER BY a::text)
                                FROM unnest(coalesce(c.relacl, acldefault((CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END)::"char", c.relowner))) AS a))
              FROM pg_class c
             WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'S', 'v')
            UNION ALL
            SELECT concat_ws(' | ', 'f', p.oid::regprocedure::text, pg_get_userbyid(p.proowner),
                             p.prosecdef::text,
                             (SELECT string_agg(a::text, ',' ORDER BY a::text)
                                FROM unnest(coalesce(p.proacl, acldefault('f'::"char", p.proowner))) AS a))
              FROM pg_proc p
             WHERE p.pronamespace = 'public'::regnamespace AND p.proname LIKE 'cchc%'
             ORDER BY 1
            """)
        sequences = try Self.lines(
            connection,
            """
            SELECT sequencename || ' ' || coalesce(last_value::text, 'unused')
              FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1
            """)
    }

    private static func lines(_ connection: Connection, _ sql: SQL) throws -> [String] {
        try connection.query(sql).map { try $0.decode(String.self, at: 0) }
    }

    /// What differs from `other`, part by part, with the first differing line of each: empty when equal.
    /// (Printing two whole audit trails makes a failure unreadable.)
    func differences(from other: DatabaseFingerprint) -> [String] {
        var found: [String] = []
        for table in Set(tables.keys).union(other.tables.keys).sorted() where tables[table] != other.tables[table] {
            found.append("table \(table): \(other.tables[table] ?? "missing") → \(tables[table] ?? "missing")")
        }
        let parts: [(String, [String], [String])] = [
            ("audit_log", auditLog, other.auditLog), ("schema_migrations", migrations, other.migrations),
            ("policies", policies, other.policies), ("row security", rowSecurity, other.rowSecurity),
            ("triggers", triggers, other.triggers), ("privileges", privileges, other.privileges),
            ("sequences", sequences, other.sequences),
        ]
        for (name, mine, theirs) in parts where mine != theirs {
            let common = min(mine.count, theirs.count)
            let index = (0 ..< common).first { mine[$0] != theirs[$0] } ?? common
            let expected = index < theirs.count ? theirs[index] : "(none)"
            let actual = index < mine.count ? mine[index] : "(none)"
            found.append("\(name): \(theirs.count) → \(mine.count) lines; first difference at \(index): \(expected) → \(actual)")
        }
        return found
    }

    /// Rows per table, e.g. to check that the sample really filled the tables it should.
    func rowCount(_ table: String) -> Int? {
        tables[table].flatMap { $0.split(separator: " ").first }.flatMap { Int($0.dropFirst("rows=".count)) }
    }

    var description: String {
        let tableLines = tables.keys.sorted().map { "  \($0): \(tables[$0]!)" }
        return (["tables:"] + tableLines
            + ["audit_log: \(auditLog.count) rows", "migrations: \(migrations)", "policies: \(policies.count)",
               "row security: \(rowSecurity)", "triggers: \(triggers.count)", "privileges: \(privileges.count)",
               "sequences: \(sequences)"]).joined(separator: "\n")
    }
}
