import PlanCore
import Testing

@Suite("Dictionary.memoized")
struct MemoTests {
    @Test("each key is worked out once; an error keeps nothing")
    func once() throws {
        struct Failure: Error {}
        var cache: [String: Int] = [:]
        var calls = 0
        for text in ["a", "bb", "a", "bb", "a"] {
            #expect(cache.memoized(text) { calls += 1; return text.count } == text.count)
        }
        #expect(calls == 2)
        #expect(throws: Failure.self) { try cache.memoized("ccc") { throw Failure() } }
        #expect(cache["ccc"] == nil)
    }
}
