import Foundation
import LocalCluster
import Testing

@Suite("Concurrent starts")
struct ConcurrentStartTests {
    @Test("tools starting the cluster at the same moment end with one server and no error")
    func concurrentEnsureRunning() async throws {
        try await withScratchCluster { cluster, _ in
            let callers = 4
            // Each call runs on a thread of its own, so the calls really overlap: all of them find
            // no cluster, and all but one must wait for the lock and then reuse what the first made.
            let outcomes = await withTaskGroup(of: Result<ConnectionTarget, LocalClusterError>.self) { group in
                for _ in 0..<callers {
                    group.addTask {
                        do throws(LocalClusterError) {
                            return .success(try await cluster.ensureRunning())
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }

            for case .failure(let error) in outcomes { Issue.record("ensureRunning failed: \(error)") }
            let targets = outcomes.compactMap { try? $0.get() }
            #expect(targets.count == callers)
            #expect(Set(targets).count == 1)
            guard case .running(let pid) = try cluster.status() else { throw ScratchError(message: "not running") }
            #if os(Linux)
                #expect(postmasters(for: cluster.paths.dataDirectory) == [pid])
            #endif
        }
    }
}
