import Foundation
import Postgres

/// A bounded pool of libpq connections for the web server, each owned by one thread of its own: a
/// request's store work runs there, never on the event loop, and a connection is never shared by two
/// requests at once. Jobs wait in line when every connection is busy.
public final class DatabasePool: @unchecked Sendable {
    /// The pool was closed.
    public struct Closed: Error, CustomStringConvertible {
        public var description: String { "Kết nối cơ sở dữ liệu của ứng dụng web đã đóng." }
    }

    private typealias Job = @Sendable (Result<Connection, any Error>) -> Void

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var closed = false

    public let configuration: ConnectionConfiguration
    public let size: Int

    /// Starts `size` threads; each connects on first use (and again after its connection broke).
    public init(configuration: ConnectionConfiguration, size: Int) {
        self.configuration = configuration
        self.size = max(1, size)
        for index in 0..<self.size {
            let thread = Thread { [self] in self.work() }
            thread.name = "cchc-db-\(index)"
            thread.start()
        }
    }

    /// Runs `body` on a pooled connection (inside no transaction: use a `Store` for those) and returns its
    /// value; throws what it threw, or why no connection could be opened.
    public func run<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job: Job = { connection in
                continuation.resume(with: Result { try body(try connection.get()) })
            }
            condition.lock()
            if closed {
                condition.unlock()
                continuation.resume(throwing: Closed())
                return
            }
            jobs.append(job)
            condition.signal()
            condition.unlock()
        }
    }

    /// Stops taking jobs; the threads finish the ones waiting and close their connections.
    public func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        var connection: Connection?
        while let job = next() {
            if connection?.isOpen != true {
                connection = nil
                do {
                    connection = try Connection(configuration)
                } catch {
                    job(.failure(error))
                    continue
                }
            }
            job(.success(connection!))
        }
    }

    /// The next job, waiting for one; nil once closed and drained.
    private func next() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while jobs.isEmpty && !closed { condition.wait() }
        return jobs.isEmpty ? nil : jobs.removeFirst()
    }
}
