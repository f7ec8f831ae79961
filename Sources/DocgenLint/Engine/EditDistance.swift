/// Levenshtein distance, for "did you mean" suggestions.
public enum EditDistance {
    /// The number of single-character edits that turn `a` into `b`.
    public static func between(_ a: String, _ b: String) -> Int {
        between(a, b, atMost: Int.max)!
    }

    /// The distance between `a` and `b` when it is at most `limit`, otherwise nil. Suggestions
    /// compare one name with every file of a folder, so most pairs are rejected early: by their
    /// difference in length, or as soon as a whole row of the table is over the limit.
    public static func between(_ a: String, _ b: String, atMost limit: Int) -> Int? {
        if a.utf8.allSatisfy({ $0 < 0x80 }), b.utf8.allSatisfy({ $0 < 0x80 }) {
            return distance(Array(a.utf8), Array(b.utf8), atMost: limit)
        }
        return distance(Array(a), Array(b), atMost: limit)
    }

    /// The distance between two already split names, when it is at most `limit`.
    static func distance<Element: Equatable>(_ x: [Element], _ y: [Element], atMost limit: Int) -> Int? {
        guard abs(x.count - y.count) <= limit else { return nil }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        // No distance exceeds the longer length; this also keeps `over` from overflowing.
        let limit = min(limit, max(x.count, y.count))
        // Cells hold the distance or `over`, whichever is smaller. Only the band of cells within
        // `limit` of the diagonal is computed: the others are over the limit anyway.
        let over = limit + 1
        var previous = (0...y.count).map { min($0, over) }
        var current = [Int](repeating: over, count: y.count + 1)
        for i in 1...x.count {
            let low = max(1, i - limit), high = min(y.count, i + limit)
            current[0] = min(i, over)
            current[low - 1] = low == 1 ? current[0] : over
            var rowMinimum = current[low - 1]
            for j in low...high {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1), over)
                rowMinimum = min(rowMinimum, current[j])
            }
            if high < y.count { current[high + 1] = over }
            // Every later cell is at least the smallest of this row.
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[y.count] <= limit ? previous[y.count] : nil
    }

    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, in: candidates, atMost: max(2, word.count / 3))
    }

    /// The candidate whose `name` is closest to `word`, at most `limit` edits away; ties go to
    /// the candidate that sorts first.
    public static func closest(
        to word: String, in candidates: some Sequence<String>, atMost limit: Int, name: (String) -> String = { $0 }
    ) -> String? {
        candidates.compactMap { candidate in between(name(candidate), word, atMost: limit).map { (candidate, $0) } }
            .min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }
}
