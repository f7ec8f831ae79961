import DocgenCore
import DocgenMarkup

/// Reports a word written twice in a row ("a a", "the the"), ignoring case, in prose text:
/// not in code, and not across punctuation, code spans or images. Only words made of letters
/// count; grammatical doubles ("had had", "that that") and parts of hyphenated compounds
/// ("add-on on") are allowed.
public struct RepeatedWord: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG405", alias: "repeated-word",
        summary: "No word is written twice in a row",
        severity: .warning, tags: ["drafts", "prose"],
        rationale: "A doubled word is the most common slip of editing a sentence in place; readers trip on it, and spell checkers miss it because each word is spelled right.",
        bad: "Responsibility for the different layers of a a Kubernetes environment is shared.\n",
        good: "Responsibility for the different layers of a Kubernetes environment is shared.\n",
        options: ["allowed-repeats": "had, that (words that may legitimately repeat)"])

    private let allowed: Set<String>

    public init(options: RuleOptions) {
        allowed = Set(options.strings("allowed-repeats", default: ["had", "that"]).map { $0.lowercased() })
    }

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        let sources = DraftSupport.Sources(document, context)
        var findings: [Finding] = []
        document.root.walk(in: document.path) { node, path in
            switch node.kind {
            case .paragraph, .heading, .tableCell: findings += check(node, path, sources)
            default: break
            }
        }
        return findings
    }

    private func check(_ block: MarkupNode, _ path: String, _ sources: DraftSupport.Sources) -> [Finding] {
        // Most blocks repeat no word: rule that out on the plain text's bytes before the
        // character-level pass that finds positions.
        guard Self.mayRepeat(block.plainText) else { return [] }
        // One stream for the block; anything that is not prose is a separator no word spans.
        var characters: [Character] = []
        var origins: [(piece: Int, offset: Int)] = []
        let pieces = DraftSupport.pieces(block)
        for (index, piece) in pieces.enumerated() {
            let text = piece.isProse ? Array(piece.text) : ["\u{1}"]
            for (offset, character) in text.enumerated() {
                characters.append(character)
                origins.append((index, offset))
            }
        }
        var findings: [Finding] = []
        var previous: (word: String, end: Int)?
        var index = 0
        while index < characters.count {
            guard DraftSupport.isWordCharacter(characters[index]) else { index += 1; continue }
            let start = index
            while index < characters.count, DraftSupport.isWordCharacter(characters[index]) { index += 1 }
            let word = String(characters[start..<index])
            defer { previous = (word, index) }
            guard let before = previous, word.allSatisfy(\.isLetter), before.word.lowercased() == word.lowercased(),
                  characters[before.end..<start].allSatisfy(\.isWhitespace), !allowed.contains(word.lowercased()) else { continue }
            // "add-on on" and "az k8s-extension extension-types": one of the two is part of a compound.
            let hyphenBefore = before.end - before.word.count > 0 && characters[before.end - before.word.count - 1] == "-"
            if hyphenBefore || (index < characters.count && characters[index] == "-") { continue }
            let origin = origins[start]
            guard let pieceStart = pieces[origin.piece].start else { continue }
            let near = SourcePosition(line: pieceStart.line, column: pieceStart.column + origin.offset)
            findings.append(Finding(
                path: path, at: sources.locate(word, near: near, in: path),
                "'\(before.word) \(word)': the word is repeated; remove one.",
                suggestion: word))
        }
        return findings
    }

    /// Whether any word directly follows an identical one (ignoring case), as a cheap filter.
    static func mayRepeat(_ text: String) -> Bool {
        var previous: Substring.UTF8View?
        var current = text.utf8.startIndex
        let utf8 = text.utf8
        var index = utf8.startIndex
        func isWordByte(_ byte: UInt8) -> Bool { byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) }
        while index != utf8.endIndex {
            if isWordByte(utf8[index]) {
                current = index
                while index != utf8.endIndex, isWordByte(utf8[index]) { index = utf8.index(after: index) }
                let word = text[current..<index].utf8
                if let last = previous {
                    if last.contains(where: { $0 >= 0x80 }) || word.contains(where: { $0 >= 0x80 }) {
                        if String(Substring(last)).lowercased() == String(Substring(word)).lowercased() { return true }
                    } else if last.count == word.count, zip(last, word).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                        return true
                    }
                }
                previous = word
            } else {
                index = utf8.index(after: index)
            }
        }
        return false
    }
}
