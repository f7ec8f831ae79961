import DocgenMarkup

/// Builds the search index the site's script loads (`search-index.js`): a document table and an
/// inverted index from terms to document numbers. Each page contributes every title and heading
/// term and its most frequent body terms, which keeps the index small on large sites.
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

    /// Body terms kept per page.
    public static let bodyTermsPerPage = 48
    static let stopWords: Set<String> = [
        "the", "and", "for", "you", "your", "are", "with", "that", "this", "from", "can", "use", "not", "all", "any", "its",
        "has", "have", "but", "was", "were", "will", "into", "each", "which", "their", "they", "them", "these", "those",
        "when", "what", "how", "then", "than", "also", "may", "more", "such", "other", "only", "about", "over", "out",
    ]

    /// Splits text into lower-case search terms (letters and digits, two or more characters).
    public static func terms(_ text: String) -> [String] {
        var result: [String] = []
        forEachTerm(text) { term in
            if !stopWords.contains(term) { result.append(term) }
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

    /// The terms a page contributes: every title, heading and description term and its most
    /// frequent body terms. Computed per page, in parallel with rendering.
    public static func pageTerms(_ entry: Entry) -> [String] {
        var counter = TermCounter()
        forEachTermBytes(entry.text) { bytes, isASCII in
            if isASCII {
                counter.add(bytes)
            } else {
                var lower = String(decoding: bytes, as: UTF8.self).lowercased()
                lower.withUTF8 { counter.add($0) }
            }
        }
        var counts = counter.counts
        // Stop words are dropped once from the counts rather than looked up for every word.
        for word in stopWords { counts[word] = nil }
        var chosen = Set(terms(entry.title + " " + entry.headings.joined(separator: " ") + " " + entry.description))
        for (term, _) in counts.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).prefix(bodyTermsPerPage) { chosen.insert(term) }
        return chosen.sorted()
    }

    /// The JavaScript file text for `entries`, whose terms come from ``pageTerms(_:)``.
    public static func script(_ entries: [Entry], terms pageTerms: [[String]]) -> String {
        script(documents: entries.map(document), terms: pageTerms)
    }

    /// A page's entry in the index's document table, as JSON (title, URL, roles, description,
    /// headings). Made per page, in parallel with rendering.
    public static func document(_ entry: Entry) -> String {
        "{\"t\":\(json(entry.title)),\"u\":\(json(entry.url)),\"r\":\(json(entry.roleIDs.joined(separator: " "))),\"d\":\(json(entry.description)),\"h\":\(json(entry.headings.joined(separator: " · ")))}"
    }

    /// The JavaScript file text for pages given as ``document(_:)`` JSON, with their terms.
    public static func script(documents docs: [String], terms pageTerms: [[String]]) -> String {
        var postings: [String: [Int]] = [:]
        for number in docs.indices {
            for term in pageTerms[number] { postings[term, default: []].append(number) }
        }
        var terms: [String] = []
        terms.reserveCapacity(postings.count)
        for (term, numbers) in postings.sorted(by: { $0.key < $1.key }) {
            terms.append(json(term) + ":[" + numbers.map(String.init).joined(separator: ",") + "]")
        }
        return "window.DOCGEN_SEARCH_INDEX={\"docs\":[" + docs.joined(separator: ",\n") + "],\n\"terms\":{" + terms.joined(separator: ",\n") + "}};\n"
    }

    /// A JSON string literal, safe inside a `<script>` file.
    static func json(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<": result += "\\u003c"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 { result += String(format: "\\u%04x", scalar.value) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }
}

#if canImport(Foundation)
import Foundation
#endif
