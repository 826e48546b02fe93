import Foundation
import Postgres
import Synchronization

/// Read models and rendered pages that are costly to compute (the board of a 2,000-activity plan reads
/// 100,000 entries, its page lists hundreds of rows), kept while the plan data has not changed.
///
/// "Not changed" is exact and comes from the database (migration 0009): every committed transaction
/// that writes plan data adds one to `data_version.version`. A value is computed inside one REPEATABLE
/// READ, read-only transaction that first reads the version, so it is exactly the data of that version;
/// it is served again only while the version reads the same. Sign-ins and session bookkeeping do not
/// move the version. What is cached must depend only on the key (put the role or unit in it when the
/// value depends on who asks).
final class ReadModelCache<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var version: Int64
        var value: Value
        var cost: Int
        var used: UInt64
    }

    /// A computation under way: requests for the same key wait for it instead of computing it again.
    private final class Flight: @unchecked Sendable {
        // Guarded by `condition`.
        let condition = NSCondition()
        var outcome: (version: Int64, value: Value)??

        func finish(_ outcome: (version: Int64, value: Value)?) {
            condition.lock()
            self.outcome = .some(outcome)
            condition.broadcast()
            condition.unlock()
        }

        func wait() -> (version: Int64, value: Value)? {
            condition.lock()
            defer { condition.unlock() }
            while outcome == nil { condition.wait() }
            return outcome!
        }
    }

    private struct State: Sendable {
        var entries: [String: Entry] = [:]
        var flights: [String: Flight] = [:]
        var clock: UInt64 = 0
        /// The latest data version a lookup has read.
        var latest: Int64 = .min
        var total = 0
        var hits = 0
        var misses = 0
    }

    private let state = Mutex(State())
    /// The most the entries may weigh together (by `cost`), and the most entries.
    private let budget: Int
    private let capacity: Int
    private let cost: @Sendable (Value) -> Int

    init(capacity: Int = 64, budget: Int = .max, cost: @escaping @Sendable (Value) -> Int = { _ in 1 }) {
        self.capacity = capacity
        self.budget = budget
        self.cost = cost
    }

    /// Requests answered from the cache (including by waiting for another request's computation), and
    /// computations.
    var statistics: (hits: Int, misses: Int) { state.withLock { ($0.hits, $0.misses) } }

    /// How many values are kept.
    var count: Int { state.withLock { $0.entries.count } }

    /// The data version as `connection` sees it now.
    static func version(_ connection: Connection) throws -> Int64 {
        try connection.query("SELECT version FROM data_version").scalar(Int64.self)
    }

    private enum Lookup {
        case hit(Value)
        case wait(Flight)
        case compute(Flight)
    }

    /// The value for `key`: the kept one while the data version is the one it was computed at, else
    /// computed by `compute` inside a REPEATABLE READ, read-only transaction on `connection` (which
    /// `compute` must use), and kept. While one request computes a key, the others wait for its value.
    func value(_ key: String, on connection: Connection, compute: (Connection) throws -> Value) throws -> Value {
        let now = try Self.version(connection)
        let lookup = state.withLock { state -> Lookup in
            if now > state.latest {
                // The version only grows, and every lookup reads it anew: older values can never serve again.
                state.latest = now
                state.entries = state.entries.filter { $0.value.version >= now }
                state.total = state.entries.values.reduce(0) { $0 + $1.cost }
            }
            if let entry = state.entries[key], entry.version == now {
                state.clock += 1
                state.hits += 1
                state.entries[key]?.used = state.clock
                return .hit(entry.value)
            }
            if let flight = state.flights[key] { return .wait(flight) }
            let flight = Flight()
            state.flights[key] = flight
            state.misses += 1
            return .compute(flight)
        }
        switch lookup {
        case .hit(let value):
            return value
        case .wait(let flight):
            // Another request's value serves when it is of this version or later; else compute our own.
            if let outcome = flight.wait(), outcome.version >= now {
                state.withLock { $0.hits += 1 }
                return outcome.value
            }
            state.withLock { $0.misses += 1 }
            return try connection.withTransaction(isolation: .repeatableRead, readOnly: true) { c in
                _ = try Self.version(c)
                return try compute(c)
            }
        case .compute(let flight):
            let outcome: (version: Int64, value: Value)
            do {
                outcome = try connection.withTransaction(isolation: .repeatableRead, readOnly: true) { c in
                    (try Self.version(c), try compute(c))
                }
            } catch {
                state.withLock { $0.flights[key] = nil }
                flight.finish(nil)
                throw error
            }
            keep(key, outcome)
            flight.finish(outcome)
            return outcome.value
        }
    }

    private func keep(_ key: String, _ outcome: (version: Int64, value: Value)) {
        let weight = cost(outcome.value)
        state.withLock { state in
            state.flights[key] = nil
            guard weight <= budget, outcome.version >= state.latest else { return }
            state.clock += 1
            let entry = Entry(version: outcome.version, value: outcome.value, cost: weight, used: state.clock)
            if let old = state.entries.updateValue(entry, forKey: key) { state.total -= old.cost }
            state.total += weight
            while state.entries.count > capacity || state.total > budget,
                let oldest = state.entries.min(by: { $0.value.used < $1.value.used })?.key
            {
                state.total -= state.entries.removeValue(forKey: oldest)?.cost ?? 0
            }
        }
    }
}

/// Cache keys.
enum CacheKey {
    /// A key made of `parts` that no other list of parts makes ("|" and "\" inside a part are escaped).
    static func make(_ parts: String...) -> String {
        parts.map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|") }
            .joined(separator: "|")
    }
}
