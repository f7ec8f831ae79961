import DocgenCore
import Testing

@Suite("A cache with a budget")
struct BoundedCacheTests {
    @Test("Past its budget it drops the values used longest ago, down to three quarters, and makes them again when asked")
    func dropsLeastRecentlyUsed() {
        let cache = BoundedCache<String, Int>(budget: 100)
        var made: [String] = []
        func value(_ key: String, cost: Int) -> Int {
            cache.value(for: key) {
                made.append(key)
                return (key.count, cost)
            }
        }
        _ = value("a", cost: 40)
        _ = value("bb", cost: 40)
        _ = value("a", cost: 40)  // kept: a is now used after bb
        #expect(made == ["a", "bb"])
        _ = value("ccc", cost: 40)  // 120 > 100: bb, used longest ago, goes (80 left > 75: a goes too)
        #expect(cache.count == 1)
        _ = value("ccc", cost: 40)
        _ = value("bb", cost: 40)
        _ = value("a", cost: 40)
        #expect(made == ["a", "bb", "ccc", "bb", "a"])
    }

    @Test("A value costing more than the whole budget is returned and not kept")
    func oversizedValue() {
        let cache = BoundedCache<String, String>(budget: 10)
        #expect(cache.value(for: "big") { ("made", 50) } == "made")
        #expect(cache.count == 0)
    }
}
