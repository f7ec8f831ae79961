/// Names to suggest from ("did you mean"), grouped by length, so that a misspelt name is compared
/// with a bounded number of them however many there are: a page of 4,000 headings and 4,000
/// misspelt bookmarks, or a folder of 10,000 pages, must not compare every pair.
public struct NearestNames: Sendable {
    private struct Entry: Sendable {
        let candidate: String
        let name: String
        /// The name's bytes as codes, made once for comparing, when it is ASCII.
        let codes: [UInt32]?

        init(candidate: String, name: String) {
            self.candidate = candidate
            self.name = name
            codes = EditDistance.asciiCodes(name)
        }
    }

    /// Names of one length, in candidate order, with two orders to find likely matches by: by
    /// name, and by name read backwards. A typo leaves a name's start or its end as it was, so
    /// the intended name sorts next to the typo in one of them.
    private struct Bucket: Sendable {
        var entries: [Entry]
        var byName: [(name: String, index: Int)]
        var byReversedName: [(name: String, index: Int)]
    }

    /// The most candidates one suggestion compares. Lists up to this size within the length a
    /// suggestion may differ by are searched whole, so ordinary pages and folders get exactly the
    /// closest name; beyond it, the names next to the word in the two orders, then those nearest
    /// in length, are compared.
    public static let comparedAtMost = 500
    /// How many names either side of the word in each order are compared first.
    static let neighbours = 8

    private let buckets: [Int: Bucket]

    /// Indexes `candidates`, compared by `name` (the candidate itself by default).
    public init(_ candidates: some Sequence<String>, name: (String) -> String = { $0 }) {
        var grouped: [Int: [Entry]] = [:]
        for candidate in candidates {
            let entry = Entry(candidate: candidate, name: name(candidate))
            grouped[entry.name.count, default: []].append(entry)
        }
        buckets = grouped.mapValues { entries in
            let entries = entries.sorted { $0.candidate < $1.candidate }
            let named = entries.enumerated().map { ($0.element.name, $0.offset) }
            return Bucket(
                entries: entries,
                byName: named.sorted { ($0.0, $0.1) < ($1.0, $1.1) },
                byReversedName: named.map { (String($0.0.reversed()), $0.1) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) })
        }
    }

    /// The candidate whose name is closest to `word`, at most `limit` edits away; ties go to the
    /// candidate that sorts first (as ``EditDistance/closest(to:in:atMost:name:)``).
    public func closest(to word: String, atMost limit: Int) -> String? {
        let length = word.count, reversed = String(word.reversed())
        let wordCodes = EditDistance.asciiCodes(word)
        var best: (candidate: String, distance: Int)?
        var compared = 0
        func compare(_ entry: Entry) {
            compared += 1
            // Two ASCII names by their codes made once; any other pair as `EditDistance.between` compares it.
            let limit = best?.distance ?? limit
            let found = if let wordCodes, let codes = entry.codes {
                EditDistance.distance(codes, wordCodes, atMost: limit)
            } else {
                EditDistance.between(entry.name, word, atMost: limit)
            }
            guard let distance = found else { return }
            if best == nil || (distance, entry.candidate) < (best!.distance, best!.candidate) { best = (entry.candidate, distance) }
        }
        // Lengths in the order they are searched; a name whose length differs by more than the
        // best distance found cannot beat it.
        let lengths = (0...max(limit, 0)).flatMap { $0 == 0 ? [length] : [length - $0, length + $0] }
        func difference(_ candidateLength: Int) -> Int { abs(candidateLength - length) }
        let total = lengths.reduce(0) { $0 + (buckets[$1]?.entries.count ?? 0) }
        if total > Self.comparedAtMost {
            // Too many to compare all: first the likeliest, the names sorting next to the word.
            for candidateLength in lengths where difference(candidateLength) <= min(limit, 2) {
                guard let bucket = buckets[candidateLength] else { continue }
                for (order, key) in [(bucket.byName, word), (bucket.byReversedName, reversed)] {
                    let position = Self.insertionPoint(of: key, in: order)
                    for index in max(0, position - Self.neighbours)..<min(order.count, position + Self.neighbours) {
                        compare(bucket.entries[order[index].index])
                    }
                }
            }
        }
        for candidateLength in lengths {
            if let best, difference(candidateLength) > best.distance { break }
            for entry in buckets[candidateLength]?.entries ?? [] {
                guard compared < Self.comparedAtMost else { return best?.candidate }
                compare(entry)
            }
        }
        return best?.candidate
    }

    private static func insertionPoint(of key: String, in order: [(name: String, index: Int)]) -> Int {
        var low = 0, high = order.count
        while low < high {
            let middle = (low + high) / 2
            if order[middle].name < key { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
