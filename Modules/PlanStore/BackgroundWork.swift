import Dispatch
import Synchronization

/// Work started on another thread now and waited for later, with its error passed on.
final class BackgroundWork<Value: Sendable>: Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let outcome = Mutex<Result<Value, any Error>?>(nil)

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async { [self] in
            let result = Result { try work() }
            outcome.withLock { $0 = result }
            finished.signal()
        }
    }

    /// Waits for the work and returns its value or throws its error.
    func value() throws -> Value {
        finished.wait()
        return try outcome.withLock { $0! }.get()
    }
}
