extension Dictionary {
    /// The value kept for `key`; the first time, the one `make` gives, kept for the next calls (texts,
    /// names and units repeat across a plan and are worked out once each).
    public mutating func memoized(_ key: Key, _ make: () throws -> Value) rethrows -> Value {
        if let known = self[key] { return known }
        let value = try make()
        self[key] = value
        return value
    }
}
