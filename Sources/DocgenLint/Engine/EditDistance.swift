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
        if let x = asciiCodes(a), let y = asciiCodes(b) { return distance(x, y, atMost: limit) }
        let (x, y) = codes(Array(a), Array(b))
        return distance(x, y, atMost: limit)
    }

    /// A name's bytes as codes to compare, when it is ASCII (then a byte is a character).
    static func asciiCodes(_ name: String) -> [UInt32]? {
        name.utf8.allSatisfy { $0 < 0x80 } ? name.utf8.map(UInt32.init) : nil
    }

    /// Two names' characters as codes to compare: each distinct character of the pair gets its own
    /// number. Characters rather than scalars, so that "é" equals "e\u{301}".
    private static func codes(_ a: [Character], _ b: [Character]) -> ([UInt32], [UInt32]) {
        var numbers: [Character: UInt32] = [:]
        func code(_ character: Character) -> UInt32 {
            if let number = numbers[character] { return number }
            let number = UInt32(numbers.count)
            numbers[character] = number
            return number
        }
        return (a.map(code), b.map(code))
    }

    /// The distance between two names as codes, when it is at most `limit`. One concrete type
    /// rather than a generic element: this is the inner loop of every suggestion, and unspecialized
    /// generic code (a debug build) is many times slower.
    static func distance(_ x: [UInt32], _ y: [UInt32], atMost limit: Int) -> Int? {
        guard abs(x.count - y.count) <= limit else { return nil }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        // No distance exceeds the longer length; this also keeps `over` from overflowing.
        let limit = min(limit, max(x.count, y.count))
        // Cells hold the distance or `over`, whichever is smaller. Only the band of cells within
        // `limit` of the diagonal is computed: the others are over the limit anyway.
        let over = limit + 1, width = y.count + 1
        return x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * width) { rows -> Int? in
                    var previous = rows.baseAddress!, current = previous + width
                    for j in 0..<width {
                        previous[j] = j < over ? j : over
                        current[j] = over
                    }
                    // Plain loops and comparisons: `min` and ranges are generic, slow in a debug build.
                    var i = 1
                    while i <= x.count {
                        let low = i - limit > 1 ? i - limit : 1, high = i + limit < y.count ? i + limit : y.count
                        current[0] = i < over ? i : over
                        current[low - 1] = low == 1 ? current[0] : over
                        var rowMinimum = current[low - 1]
                        let character = x[i - 1]
                        var j = low
                        while j <= high {
                            var cell = previous[j - 1] + (character == y[j - 1] ? 0 : 1)
                            if previous[j] + 1 < cell { cell = previous[j] + 1 }
                            if current[j - 1] + 1 < cell { cell = current[j - 1] + 1 }
                            if over < cell { cell = over }
                            current[j] = cell
                            if cell < rowMinimum { rowMinimum = cell }
                            j += 1
                        }
                        if high < y.count { current[high + 1] = over }
                        // Every later cell is at least the smallest of this row.
                        if rowMinimum > limit { return nil }
                        (previous, current) = (current, previous)
                        i += 1
                    }
                    return previous[y.count] <= limit ? previous[y.count] : nil
                }
            }
        }
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
