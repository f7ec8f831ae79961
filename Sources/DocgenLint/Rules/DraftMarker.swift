import DocgenCore
import DocgenMarkup
import Foundation

/// Reports what drafts leave behind: TODO, TBD, FIXME and XXX, headings of leftover sections
/// ("Old stuff", "Parking lot") and notes to self ("need to add", "lorem ipsum"). Code is never
/// searched.
public struct DraftMarker: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG402", alias: "draft-marker",
        summary: "No TODO markers, leftover draft sections or notes to self",
        severity: .warning, tags: ["drafts"],
        rationale: "Markers and notes to self are the author's reminders that the page is not done. Published, they tell readers the page is unfinished; in CI, they keep an unfinished page from going out unnoticed.",
        bad: "## Old stuff\n\nTODO: alert thresholds, coming soon.\n",
        good: "## Alert thresholds\n\nAlert when a node stays above 90% memory for 15 minutes.\n",
        options: [
            "draft-headings": defaultHeadings.joined(separator: ", "),
            "draft-words": defaultWords.joined(separator: ", ") + " (all-capital entries match case-sensitively)",
        ])

    /// Markers matched as whole words, case-sensitively.
    static let markers = ["TODO", "TBD", "FIXME", "XXX"]
    static let defaultHeadings = ["Old stuff", "Notes", "Scratch", "Scratchpad", "Draft", "To do", "TODO", "Parking lot", "Leftovers", "Unused"]
    /// Phrases only a note to self uses. Bare "add more", "fill in" and "need to add (more)" are
    /// common in finished instructions ("fill in the form", "you may need to add more ranges"), and "to be added", "to be written" and
    /// "coming soon" in finished English ("the object to be added", "support is coming soon"),
    /// so the defaults are the unambiguous forms.
    static let defaultWords = [
        "add more here", "add more later", "fill in later", "fill this in", "note to self",
        "[placeholder]", "placeholder text", "lorem ipsum", "TK", "TBA",
    ]

    private let headings: Set<String>
    /// Whether every phrase matched regardless of case is ASCII.
    private let asciiPhrases: Bool
    /// The phrases, with the form to search for (lower-cased unless case-sensitive).
    private let phrases: [(text: String, caseSensitive: Bool, folded: String)]
    /// The phrases by their first two bytes, for one pass over a page's text.
    private let phraseIndex: PhraseIndex

    public init(options: RuleOptions) {
        headings = Set(options.strings("draft-headings", default: Self.defaultHeadings).map { Self.normalized($0) })
        phrases = (Self.markers.map { ($0, true) } + options.strings("draft-words", default: Self.defaultWords).map { word in
            (word, word == word.uppercased() && word != word.lowercased())
        }).map { ($0.0, $0.1, $0.1 ? $0.0 : $0.0.lowercased()) }
        asciiPhrases = phrases.allSatisfy { $0.caseSensitive || $0.folded.utf8.allSatisfy { $0 < 0x80 } }
        phraseIndex = PhraseIndex(phrases.map { (Array($0.folded.utf8), $0.caseSensitive) })
    }

    private static func normalized(_ heading: String) -> String {
        let lower = heading.lowercased()
        let scalars = lower.unicodeScalars
        let kept = { (scalar: Unicode.Scalar) in scalar != " " && scalar != ":" && scalar != "." }
        guard let first = scalars.firstIndex(where: kept), let last = scalars.lastIndex(where: kept) else { return "" }
        return lower[first...last].split(separator: " ").joined(separator: " ")
    }

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        let sources = DraftSupport.Sources(document, context)
        let candidates = phrasesOccurring(in: document)
        var findings: [Finding] = []
        document.root.walk(in: document.path) { node, path in
            switch node.kind {
            case .heading:
                let text = node.plainText
                if headings.contains(Self.normalized(text)) {
                    findings.append(Finding(
                        path: path, at: node.start ?? SourcePosition(line: 1, column: 1),
                        "Heading '\(text.trimmingSpaces())' marks leftover draft material; move what is still true into the article and remove the section."))
                    return
                }
                findings += scan(node, path, sources, candidates)
            case .paragraph, .tableCell:
                findings += scan(node, path, sources, candidates)
            default:
                break
            }
        }
        return findings
    }

    /// The phrases found anywhere in the page's text nodes, searched once over all of them: most
    /// pages have none, and then no block needs to be taken apart.
    private func phrasesOccurring(in document: Document) -> [(text: String, caseSensitive: Bool, folded: String)] {
        var text: [UInt8] = []
        document.root.walk(in: document.path) { node, _ in
            // A separator no phrase contains, so no match spans two nodes.
            if case .text(let value) = node.kind { text.append(contentsOf: value.utf8); text.append(0) }
        }
        // Lower-casing is ASCII letters byte by byte unless a phrase is not ASCII or the text
        // holds one of the two characters whose lower case is or starts with an ASCII letter
        // (the Kelvin sign, capital I with dot); then one pass finds every phrase.
        let kelvin: [UInt8] = [0xE2, 0x84, 0xAA], dottedI: [UInt8] = [0xC4, 0xB0]
        if asciiPhrases, !text.containsBytes(kelvin), !text.containsBytes(dottedI) {
            let found = text.withUnsafeBufferPointer { phraseIndex.occurring(in: $0) }
            return zip(phrases, found).filter(\.1).map(\.0)
        }
        let folded = phrases.allSatisfy(\.caseSensitive) ? [] : Array(String(decoding: text, as: UTF8.self).lowercased().utf8)
        return phrases.filter { phrase in (phrase.caseSensitive ? text : folded).containsBytes(phrase.folded.utf8) }
    }

    /// Markers and phrases in the prose text of one block; code and HTML are skipped.
    private func scan(
        _ block: MarkupNode, _ path: String, _ sources: DraftSupport.Sources,
        _ candidates: [(text: String, caseSensitive: Bool, folded: String)]
    ) -> [Finding] {
        guard !candidates.isEmpty else { return [] }
        var findings: [Finding] = []
        for piece in DraftSupport.pieces(block) where piece.isProse {
            guard let start = piece.start else { continue }
            // Fold the text once per piece, and rule each phrase out with a byte search.
            let folded = piece.text.lowercased()
            // The piece's characters, made once for all its findings rather than once for each.
            var characters: [Character]?
            for (phrase, caseSensitive, foldedPhrase) in candidates where (caseSensitive ? piece.text : folded).containsUTF8(foldedPhrase) {
                for offset in DraftSupport.wholeWordOffsets(of: phrase, in: piece.text, caseSensitive: caseSensitive) {
                    if characters == nil { characters = Array(piece.text) }
                    let found = String(characters![offset..<(offset + phrase.count)])
                    let at = sources.locate(found, near: SourcePosition(line: start.line, column: start.column + offset), in: path)
                    let message = Self.markers.contains(phrase)
                        ? "Draft marker '\(found)' left in the text; finish the work it marks and remove it."
                        : "'\(found)' reads as a note to self; write the missing content or remove the note."
                    findings.append(Finding(path: path, at: at, message))
                }
            }
        }
        return findings
    }
}

/// Byte phrases found in one pass over a text. A bitmap of the phrases' first two bytes, lower-
/// cased, rules out almost every position with one lookup; phrases that start there are then
/// compared byte by byte, case-sensitive ones exactly and the others with ASCII letters
/// lower-cased (which is all the folding their text needs when both are ASCII).
struct PhraseIndex: Sendable {
    private let phrases: [(bytes: [UInt8], caseSensitive: Bool)]
    /// One bit per pair of lower-cased bytes that starts a phrase.
    private let pairs: [UInt64]
    /// The phrases that start with each pair.
    private let phrasesByPair: [UInt16: [Int]]

    init(_ phrases: [(bytes: [UInt8], caseSensitive: Bool)]) {
        self.phrases = phrases
        var pairs = [UInt64](repeating: 0, count: 1024)
        var phrasesByPair: [UInt16: [Int]] = [:]
        for (index, phrase) in phrases.enumerated() where phrase.bytes.count >= 2 {
            let pair = Self.pair(phrase.bytes[0], phrase.bytes[1])
            pairs[Int(pair >> 6)] |= 1 << UInt64(pair & 63)
            phrasesByPair[pair, default: []].append(index)
        }
        self.pairs = pairs
        self.phrasesByPair = phrasesByPair
    }

    private static func pair(_ first: UInt8, _ second: UInt8) -> UInt16 {
        UInt16(first.asciiLowercased) << 8 | UInt16(second.asciiLowercased)
    }

    /// For each phrase, whether it occurs in `text`.
    func occurring(in text: UnsafeBufferPointer<UInt8>) -> [Bool] {
        var found = phrases.map { phrase in
            // Phrases of one byte (or none) are not in the bitmap.
            phrase.bytes.count < 2 && (phrase.bytes.isEmpty || text.contains { phrase.caseSensitive ? $0 == phrase.bytes[0] : $0.asciiLowercased == phrase.bytes[0] })
        }
        var missing = found.filter { !$0 }.count
        guard text.count >= 2, missing > 0 else { return found }
        pairs.withUnsafeBufferPointer { pairs in
            for start in 0..<(text.count - 1) {
                let pair = Self.pair(text[start], text[start + 1])
                guard pairs[Int(pair >> 6)] & (1 << UInt64(pair & 63)) != 0 else { continue }
                for index in phrasesByPair[pair]! where !found[index] && matches(phrases[index], in: text, at: start) {
                    found[index] = true
                    missing -= 1
                }
                if missing == 0 { return }
            }
        }
        return found
    }

    private func matches(_ phrase: (bytes: [UInt8], caseSensitive: Bool), in text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + phrase.bytes.count <= text.count else { return false }
        for (offset, byte) in phrase.bytes.enumerated() {
            let actual = text[start + offset]
            guard phrase.caseSensitive ? actual == byte : actual.asciiLowercased == byte else { return false }
        }
        return true
    }
}
