import Foundation

extension LocalCluster {
    /// `ensureRunning()` for async code: the work (initdb, pg_ctl, waits of seconds) runs on a
    /// thread of its own, so awaiting it never blocks a thread of Swift's cooperative pool.
    @discardableResult
    public func ensureRunning() async throws(LocalClusterError) -> ConnectionTarget {
        try await Self.onOwnThread { () throws(LocalClusterError) in try self.ensureRunning() }
    }

    /// `stop(mode:)` for async code, on a thread of its own.
    public func stop(mode: StopMode = .fast) async throws(LocalClusterError) {
        try await Self.onOwnThread { () throws(LocalClusterError) in try self.stop(mode: mode) }
    }

    private static func onOwnThread<T: Sendable>(
        _ work: @escaping @Sendable () throws(LocalClusterError) -> T
    ) async throws(LocalClusterError) -> T {
        let result = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<T, LocalClusterError>, Never>) in
            Thread.detachNewThread { continuation.resume(returning: Result(catching: work)) }
        }
        return try result.get()
    }
}
