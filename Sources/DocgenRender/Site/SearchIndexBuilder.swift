import DocgenCore
import DocgenMarkup

/// Builds the search index the site's script loads: `search-index.js`, the document table with
/// the words queries leave out, and the inverted index from every distinct term of every page to
/// its documents, split into parts (`search/terms-N.js`) by the first two letters of the term, so
/// that a query loads only the parts its words are in. Each part stays near ``targetPartBytes``
/// however large the site.
public struct SearchIndexBuilder {
    /// One page's searchable parts.
    public struct Entry: Sendable {
        public var title: String
        public var url: String
        public var roleIDs: [String]
        public var description: String
        public var headings: [String]
        public var text: String

        public init(title: String, url: String, roleIDs: [String], description: String, headings: [String], text: String) {
            self.title = title
            self.url = url
            self.roleIDs = roleIDs
            self.description = description
            self.headings = headings
            self.text = text
        }
    }

    /// Words too common to find anything with; never indexed, and dropped from queries.
    static let stopWords: [String] = [
        "the", "and", "for", "you", "your", "are", "with", "that", "this", "from", "can", "use", "not", "all", "any", "its",
        "has", "have", "but", "was", "were", "will", "into", "each", "which", "their", "they", "them", "these", "those",
        "when", "what", "how", "then", "than", "also", "may", "more", "such", "other", "only", "about", "over", "out",
    ]
    private static let stopWordSet = Set(stopWords)
    /// Short words a question is phrased with ("how do I ..."): indexed, but dropped from a query
    /// unless they are its last word, which may be the start of a longer one.
    static let queryFillerWords = ["do", "does", "did", "is", "it", "to", "in", "of", "on", "or", "an", "as", "at", "be", "by", "if", "my", "me", "we", "so"]
    /// About how large one part of the inverted index is.
    public static let targetPartBytes = 96 * 1024

    /// Splits text into lower-case search terms (letters and digits, two or more characters).
    public static func terms(_ text: String) -> [String] {
        var result: [String] = []
        forEachTerm(text) { term in
            if !stopWordSet.contains(term) { result.append(term) }
        }
        return result
    }

    /// Calls `body` with each lower-case term of `text`, stop words included.
    static func forEachTerm(_ text: String, _ body: (String) -> Void) {
        forEachTermBytes(text) { bytes, isASCII in
            let term = String(decoding: bytes, as: UTF8.self)
            // ASCII letters are lower-cased already; lower-casing maps each scalar on its own.
            body(isASCII ? term : term.lowercased())
        }
    }

    /// Calls `body` with the UTF-8 bytes of each term of `text` and whether they are ASCII, which
    /// is then lower-cased already. Works on the bytes: ASCII, by far the most common, is
    /// classified and lower-cased without a Unicode property lookup, and other scalars are
    /// decoded in place.
    static func forEachTermBytes(_ text: String, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var current: [UInt8] = []
            current.reserveCapacity(32)
            var scalars = 0
            var isASCII = true
            func flush() {
                if scalars >= 2 { current.withUnsafeBufferPointer { body($0, isASCII) } }
                current.removeAll(keepingCapacity: true)
                scalars = 0
                isASCII = true
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte.isASCIIDigit || byte.isASCIILetter {
                        current.append(byte.asciiLowercased)
                        scalars += 1
                    } else if scalars > 0 {
                        flush()
                    }
                    index += 1
                    continue
                }
                // A valid string's lead byte gives the length of its scalar.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
                for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                let scalar = Unicode.Scalar(value)!
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    current.append(contentsOf: bytes[index..<(index + length)])
                    scalars += 1
                    isASCII = false
                } else if scalars > 0 {
                    flush()
                }
                index += length
            }
            flush()
        }
    }

    /// The terms a page contributes: every distinct term of its title, headings, description and
    /// text, stop words left out. Computed per page, in parallel with rendering.
    public static func pageTerms(_ entry: Entry) -> [String] {
        var counter = TermCounter()
        for text in [entry.title, entry.headings.joined(separator: " "), entry.description, entry.text] {
            forEachTermBytes(text) { bytes, isASCII in
                if isASCII {
                    counter.add(bytes)
                } else {
                    var lower = String(decoding: bytes, as: UTF8.self).lowercased()
                    lower.withUTF8 { counter.add($0) }
                }
            }
        }
        var counts = counter.counts
        // Stop words are dropped once from the counts rather than looked up for every word.
        for word in stopWords { counts[word] = nil }
        return counts.keys.sorted()
    }

    /// A page's entry in the index's document table, as JSON (title, URL, roles, description,
    /// headings). Made per page, in parallel with rendering.
    public static func document(_ entry: Entry) -> String {
        "{\"t\":\(json(entry.title)),\"u\":\(json(entry.url)),\"r\":\(json(entry.roleIDs.joined(separator: " "))),\"d\":\(json(entry.description)),\"h\":\(json(entry.headings.joined(separator: " · ")))}"
    }

    /// The index's files by output path, for pages given as ``document(_:)`` JSON with their terms
    /// from ``pageTerms(_:)``: `search-index.js` and its parts under `search/`.
    /// Terms may be given as `Substring`s of a page's terms joined by spaces.
    public static func files<Term: StringProtocol & Hashable & Sendable>(documents docs: [String], terms pageTerms: [[Term]]) -> [(path: String, text: String)] {
        files(documents: docs) { pageTerms[$0] }
    }

    /// The index's files, as ``files(documents:terms:)`` makes them, asking `termsOfPage` for
    /// each page's terms by its number when its postings are made: the lists of every page at
    /// once were a tenth of a large build's peak memory. Made on all cores unless `onAllCores`
    /// is false (`serve` making it in the background, on one thread of low priority).
    public static func files<Term: StringProtocol & Hashable & Sendable>(
        documents docs: [String], onAllCores: Bool = true, termsOfPage: @Sendable (Int) -> [Term]
    ) -> [(path: String, text: String)] {
        func map<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result] {
            onAllCores ? SiteLoader.parallelMap(items, transform) : items.map(transform)
        }
        // The pages' postings in runs of pages on all cores, joined in page order: a large site's
        // pages hold millions of terms, and the index is made again after every edit.
        let runs = max(1, min(16, docs.count / 256))
        let bounds = (0...runs).map { $0 * docs.count / runs }
        var partial = map(Array(0..<runs)) { run -> [Term: [Int]] in
            var postings: [Term: [Int]] = [:]
            for number in bounds[run]..<bounds[run + 1] {
                for term in termsOfPage(number) { postings[term, default: []].append(number) }
            }
            return postings
        }
        // Each run's postings are let go once merged, and the merged ones once their lines are
        // made: held all at once, they were the peak of a large build's memory, at its very end.
        var postings = partial[0]
        partial[0] = [:]
        for run in partial.indices.dropFirst() {
            for (term, numbers) in partial[run] { postings[term, default: []].append(contentsOf: numbers) }
            partial[run] = [:]
        }
        var sorted = postings.sorted { $0.key < $1.key }
        postings = [:]
        let entries = map(Array(sorted.indices)) { [sorted] index in
            let term = String(sorted[index].key)
            return (term, entryLine(term, encodePostings(sorted[index].value)))
        }
        sorted = []
        return files(documents: docs, entries: entries)
    }

    /// How `search-index.js` begins, before the part count (``SearchIndexPatch`` reads it back).
    static let indexFilePrefix = "window.DOCGEN_SEARCH_INDEX={\"parts\":"

    /// The output path of the inverted index's part `number`.
    static func termsFilePath(_ number: Int) -> String { "search/terms-\(number).js" }

    /// How part `number`'s file begins, before its entries.
    static func termsFilePrefix(_ number: Int) -> String { "window.DOCGEN_SEARCH_TERMS(\(number),{" }

    /// One entry of a part: a term and its postings as ``encodePostings(_:)`` encodes them.
    static func entryLine(_ term: String, _ encodedPostings: String) -> String { json(term) + ":\"" + encodedPostings + "\"" }

    /// The index's files for the document table `docs` and the inverted index's `entries`
    /// (each a term and its JSON line), sorted by term.
    static func files(documents docs: [String], entries: [(String, String)]) -> [(path: String, text: String)] {
        let totalBytes = entries.reduce(0) { $0 + $1.1.utf8.count + 2 }
        var partCount = 1
        while partCount < 256, totalBytes / partCount > targetPartBytes { partCount *= 2 }
        var parts = Array(repeating: [String](), count: partCount)
        for (term, entry) in entries { parts[part(of: term, count: partCount)].append(entry) }
        let head = indexFilePrefix + "\(partCount),\"stop\":[\(stopWords.map(json).joined(separator: ","))],\"filler\":[\(queryFillerWords.map(json).joined(separator: ","))],\n\"docs\":[" + docs.joined(separator: ",\n") + "]};\n"
        var files = [(path: "search-index.js", text: head)]
        for (number, part) in parts.enumerated() {
            files.append((termsFilePath(number), termsFilePrefix(number) + part.joined(separator: ",\n") + "});\n"))
        }
        return files
    }

    /// Whether `path` is one of the files ``files(documents:terms:)`` writes.
    public static func isIndexFile(_ path: String) -> Bool {
        path == "search-index.js" || (path.hasPrefix("search/terms-") && path.hasSuffix(".js"))
    }

    /// The part of the index a term is in: a hash of its first two Unicode scalars, which
    /// docgen-search.js computes the same way, so every term a query word is a prefix of is in
    /// the one part of that word.
    static func part(of term: String, count: Int) -> Int {
        var hash: UInt32 = 0
        for scalar in term.unicodeScalars.prefix(2) { hash = (hash &* 31 &+ scalar.value) % 1_000_003 }
        return Int(hash % UInt32(count))
    }

    /// Document numbers as base-36 gaps (`[3, 10, 11]` -> `3,7,1`): a term on many pages costs
    /// a few bytes per page.
    static func encodePostings(_ numbers: [Int]) -> String {
        // Into one byte buffer: a string per number cost a fifth of a build after one edit, whose
        // search index was made again from every page's terms.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(numbers.count * 3)
        var previous = 0
        for number in numbers {
            if !bytes.isEmpty { bytes.append(UInt8(ascii: ",")) }
            var gap = number - previous
            previous = number
            let start = bytes.count
            repeat {
                let digit = UInt8(gap % 36)
                bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
                gap /= 36
            } while gap > 0
            bytes[start...].reverse()
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A JSON string literal, safe inside a `<script>` file: quotes, backslashes, control
    /// characters, `<` (no `</script>` can close the script) and the two line separators
    /// JavaScript once read as line ends are escaped. Works on UTF-8 bytes: every navigation
    /// title and search term of a site goes through here.
    static func json(_ text: String) -> String {
        var text = text
        let escaped = text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: mayNeedEscaping) else { return nil }
            var escaped: [UInt8] = [UInt8(ascii: "\"")]
            escaped.reserveCapacity(bytes.count + 16)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""): escaped += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): escaped += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case UInt8(ascii: "\n"): escaped += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): escaped += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case UInt8(ascii: "\t"): escaped += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case UInt8(ascii: "<"): escaped += Array("\\u003c".utf8)
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                case 0xE2 where index + 1 < bytes.count && bytes[index] == 0x80 && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
                    escaped += Array((bytes[index + 1] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    index += 2
                case ..<0x20:
                    escaped += Array("\\u00".utf8) + [hexDigit(byte >> 4), hexDigit(byte & 0xF)]
                default:
                    escaped.append(byte)
                }
            }
            escaped.append(UInt8(ascii: "\""))
            return String(decoding: escaped, as: UTF8.self)
        }
        return escaped ?? "\"" + text + "\""
    }

    /// Whether `byte` may start something ``json(_:)`` escapes (0xE2 may start U+2028 or U+2029).
    private static func mayNeedEscaping(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<") || byte == 0xE2
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}

#if canImport(Foundation)
import Foundation
#endif
