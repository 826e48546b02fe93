/// Names close to one that matched nothing, to suggest to the person who typed it: compared folded
/// (`VietnameseText.accentInsensitiveKey`: no diacritics, no case), by edit distance, or containing what was typed.
public enum NearestNames {
    /// Up to `limit` of `names`, nearest first: those within a typo or two (a quarter of the length, at
    /// least 2 edits), then those whose folded form contains the folded input. Duplicates are dropped.
    public static func suggest(_ typed: String, among names: [String], limit: Int = 3) -> [String] {
        let key = Array(VietnameseText.accentInsensitiveKey(typed))
        guard !key.isEmpty else { return [] }
        let allowed = max(2, key.count / 4)
        var scored: [(distance: Int, name: String)] = []
        var seen: Set<String> = []
        for name in names where seen.insert(name).inserted {
            let candidate = VietnameseText.accentInsensitiveKey(name)
            let distance = editDistance(key, Array(candidate), atMost: allowed)
            if let distance {
                scored.append((distance, name))
            } else if key.count >= 4, candidate.contains(String(key)) {
                scored.append((allowed + 1, name))
            }
        }
        return scored.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(limit).map(\.name)
    }

    /// Levenshtein distance, or nil when it exceeds `bound` (rows stop early).
    static func editDistance(_ a: [Character], _ b: [Character], atMost bound: Int) -> Int? {
        if abs(a.count - b.count) > bound { return nil }
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            if current.min()! > bound { return nil }
            previous = current
        }
        return previous[b.count] <= bound ? previous[b.count] : nil
    }
}
