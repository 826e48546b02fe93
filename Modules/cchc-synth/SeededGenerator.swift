/// A deterministic random number generator (SplitMix64): the same seed always gives the same sequence,
/// on every platform, so a synthetic document is reproducible from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ values: [T]) -> T {
        values[Int(next() % UInt64(values.count))]
    }

    /// An integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool {
        Int(next() % 100) < percent
    }

    /// `count` distinct elements of `values` (all of them when there are fewer), in their original order.
    mutating func sample<T>(_ values: [T], count: Int) -> [T] {
        var indices = Array(values.indices)
        var chosen: [Int] = []
        for _ in 0..<min(count, values.count) {
            chosen.append(indices.remove(at: Int(next() % UInt64(indices.count))))
        }
        return chosen.sorted().map { values[$0] }
    }
}
