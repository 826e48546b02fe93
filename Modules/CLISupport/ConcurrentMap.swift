import Dispatch
import Synchronization

/// `items.map(transform)` with the items transformed side by side on the machine's cores; the results
/// keep the items' order.
public func concurrentMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], _ transform: @Sendable (Item) -> Result
) -> [Result] {
    guard items.count > 1 else { return items.map(transform) }
    let results = Mutex<[Result?]>(Array(repeating: nil, count: items.count))
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        let value = transform(items[index])
        results.withLock { $0[index] = value }
    }
    return results.withLock { $0.map { $0! } }
}
