import CLibPQ
import Synchronization

/// Transaction isolation levels (`BEGIN ISOLATION LEVEL …`).
public enum IsolationLevel: String, Sendable, Hashable, CaseIterable {
    /// The server default: each statement sees data committed before it began.
    case readCommitted = "READ COMMITTED"
    /// The whole transaction sees one snapshot.
    case repeatableRead = "REPEATABLE READ"
    /// As if transactions ran one at a time; be ready to retry on `isSerializationFailure`.
    case serializable = "SERIALIZABLE"
}

extension Connection {
    /// Runs `body` in a transaction: `BEGIN`, then `COMMIT` when it returns, `ROLLBACK` when it throws (the
    /// body's error is rethrown unchanged). Called inside another transaction it uses a `SAVEPOINT`, so an
    /// inner failure undoes only the inner work; `isolation` and `readOnly` then have no effect (the outer
    /// transaction's apply).
    ///
    /// Failures are distinguishable: `.transactionBeginFailed` (the body never ran), the body's own error,
    /// `.transactionCommitFailed` (e.g. a deferred constraint or serialization failure at commit; nothing was
    /// kept, the server's SQLSTATE is preserved), `.transactionRollbackFailed` (with the body's error as
    /// `underlying`; the connection is then unusable).
    @discardableResult
    public func withTransaction<T>(
        isolation: IsolationLevel? = nil, readOnly: Bool = false, _ body: (Connection) throws -> T
    ) throws -> T {
        let nested = isInTransaction
        let savepoint = nested ? nextSavepointName() : nil
        let begin: String
        if let savepoint {
            begin = "SAVEPOINT \(savepoint)"
        } else {
            var modes: [String] = []
            if let isolation { modes.append("ISOLATION LEVEL \(isolation.rawValue)") }
            if readOnly { modes.append("READ ONLY") }
            begin = (["BEGIN"] + modes).joined(separator: " ")
        }
        try control(begin, .transactionBeginFailed)

        let value: T
        do {
            value = try body(self)
        } catch {
            let rollback = savepoint.map { "ROLLBACK TO SAVEPOINT \($0); RELEASE SAVEPOINT \($0)" } ?? "ROLLBACK"
            do {
                try control(rollback, .transactionRollbackFailed)
            } catch var rollbackError {
                rollbackError.underlying = error
                throw rollbackError
            }
            throw error
        }

        do {
            if let savepoint {
                try control("RELEASE SAVEPOINT \(savepoint)", .transactionCommitFailed)
            } else {
                // Whether the transaction changed anything (an aborted one has nothing left to ask).
                let wrote =
                    PQtransactionStatus(handle) == PQTRANS_INTRANS
                    ? try control("SELECT txid_current_if_assigned() IS NOT NULL", .transactionCommitFailed)
                        .first.map { try $0.decode(Bool.self, at: 0) } ?? false
                    : false
                let result = try control("COMMIT", .transactionCommitFailed)
                // COMMIT of a transaction an earlier (caught) error aborted answers ROLLBACK instead of failing.
                guard result.commandTag == "COMMIT" else {
                    throw PostgresError(
                        .transactionCommitFailed,
                        message: "Giao dịch đã bị hủy do một lỗi trước đó bên trong nó; không dữ liệu nào được ghi.")
                }
                if wrote { Connection.writesCommitted.add(1, ordering: .relaxed) }
            }
        } catch {
            // A failed RELEASE leaves the outer transaction aborted; undo to the savepoint so it can go on.
            if let savepoint, isInTransaction {
                _ = try? control(
                    "ROLLBACK TO SAVEPOINT \(savepoint); RELEASE SAVEPOINT \(savepoint)", .transactionRollbackFailed)
            }
            throw error
        }
        return value
    }

    /// How many transactions that changed data (had a transaction id) have committed in this process, on
    /// any connection: a command that committed its change reports success even if printing fails after.
    public static var committedWrites: Int { writesCommitted.load(ordering: .relaxed) }

    static let writesCommitted = Atomic<Int>(0)

    private func nextSavepointName() -> String {
        savepointCounter += 1
        return "cchc_savepoint_\(savepointCounter)"
    }

    /// Runs a transaction-control statement; its failures carry `code` even when the connection broke
    /// (`target` then says so), so begin, commit and rollback failures stay distinguishable.
    @discardableResult
    private func control(_ statement: String, _ code: PostgresError.Code) throws(PostgresError) -> QueryResult {
        do {
            try requireIdle(statement)
            return try consume(PQexec(handle, statement), statement: statement, code: code)
        } catch var error {
            error.code = code
            throw error
        }
    }
}
