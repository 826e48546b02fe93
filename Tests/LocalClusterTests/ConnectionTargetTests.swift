import LocalCluster
import Testing

@Suite("ConnectionTarget")
struct ConnectionTargetTests {
    @Test(
        "conninfo quotes values the way libpq reads them",
        arguments: [
            ("/home/an/.local/share/cchc/run", "host=/home/an/.local/share/cchc/run port=5432 user=an dbname=cchc"),
            ("/tmp/thư mục/run", "host='/tmp/thư mục/run' port=5432 user=an dbname=cchc"),
            ("/tmp/it's/run", #"host='/tmp/it\'s/run' port=5432 user=an dbname=cchc"#),
            (#"/tmp/back\slash"#, #"host='/tmp/back\\slash' port=5432 user=an dbname=cchc"#),
        ])
    func conninfoQuoting(socketDirectory: String, expected: String) {
        let target = ConnectionTarget(socketDirectory: socketDirectory, port: 5432, user: "an", database: "cchc")
        #expect(target.conninfo == expected)
    }

    @Test("an empty value is written as two quotes")
    func emptyValue() {
        let target = ConnectionTarget(socketDirectory: "/run", port: 6000, user: "", database: "cchc")
        #expect(target.conninfo == "host=/run port=6000 user='' dbname=cchc")
    }

    @Test("the environment form names the socket directory, port, role and database")
    func environment() {
        let target = ConnectionTarget(socketDirectory: "/srv/run", port: 6000, user: "postgres", database: "cchc")
        #expect(
            target.environment == ["PGHOST": "/srv/run", "PGPORT": "6000", "PGUSER": "postgres", "PGDATABASE": "cchc"])
        #expect(target.socketFile == "/srv/run/.s.PGSQL.6000")
    }
}
