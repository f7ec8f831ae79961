import DocgenCore
import DocgenMarkup

/// Reports a word written twice in a row ("a a", "the the"), ignoring case, in prose text:
/// not in code, and not across punctuation, code spans, images, links, emphasis or hard line breaks. Only words made of letters
/// count; grammatical doubles ("had had", "that that") and parts of hyphenated compounds
/// ("add-on on"), known doubled terms ("template template") and a plural product name followed by
/// its common noun ("Azure Spring Apps apps") are allowed.
public struct RepeatedWord: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG405", alias: "repeated-word",
        summary: "No word is written twice in a row",
        severity: .warning, tags: ["drafts", "prose"],
        rationale: "A doubled word is the most common slip of editing a sentence in place; readers trip on it, and spell checkers miss it because each word is spelled right.",
        bad: "Responsibility for the different layers of a a Kubernetes environment is shared.\n",
        good: "Responsibility for the different layers of a Kubernetes environment is shared.\n",
        options: ["allowed-repeats": "had, that, template (words that may legitimately repeat: 'had had', 'that that', C++'s 'template template parameter')"],
        fix: "the second word removed, when both are on one line")

    private let allowed: Set<String>

    public init(options: RuleOptions) {
        allowed = Set(options.strings("allowed-repeats", default: ["had", "that", "template"]).map { $0.lowercased() })
    }

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        let sources = DraftSupport.Sources(document, context)
        var findings: [Finding] = []
        // One buffer for every block's plain text: most blocks repeat no word, and are ruled
        // out on bytes before the character-level pass that finds positions.
        var plainText: [UInt8] = []
        document.root.walk(in: document.path) { node, path in
            switch node.kind {
            case .paragraph, .heading, .tableCell:
                plainText.removeAll(keepingCapacity: true)
                node.appendPlainText(utf8: &plainText)
                if plainText.withUnsafeBufferPointer(Self.mayRepeat) { findings += check(node, path, sources) }
            default: break
            }
        }
        return findings
    }

    private func check(_ block: MarkupNode, _ path: String, _ sources: DraftSupport.Sources) -> [Finding] {
        // One stream for the block; anything that is not prose is a separator no word spans.
        var characters: [Character] = []
        // Where each piece starts in the stream: a finding's piece is found by a binary search,
        // rather than keeping a piece and an offset for every character of the block.
        var pieceStarts: [Int] = []
        let pieces = Self.runs(block)
        for piece in pieces {
            pieceStarts.append(characters.count)
            if piece.isProse { characters.append(contentsOf: piece.text) } else { characters.append("\u{1}") }
        }
        func origin(of index: Int) -> (piece: Int, offset: Int) {
            var low = 0, high = pieceStarts.count - 1
            // The last piece starting at or before `index` (empty pieces start where the next does).
            while low < high {
                let middle = (low + high + 1) / 2
                if pieceStarts[middle] <= index { low = middle } else { high = middle - 1 }
            }
            return (low, index - pieceStarts[low])
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
            if Self.isNameThenNoun(before.word, word, wordBefore: characters[..<(before.end - before.word.count)]) { continue }
            let origin = origin(of: start)
            guard let pieceStart = pieces[origin.piece].start else { continue }
            let near = SourcePosition(line: pieceStart.line, column: pieceStart.column + origin.offset)
            let position = sources.locate(word, near: near, in: path)
            findings.append(Finding(
                path: path, at: position,
                "'\(before.word) \(word)': the word is repeated; remove one.",
                suggestion: word, fix: sources.edits(path).repeatSpan(of: word, at: position, after: before.word).map { Fix("Remove the second '\(word)'", replacing: $0, with: "") }))
        }
        return findings
    }

    /// True for "Azure Spring Apps apps" and "Logic Apps apps": a capitalised plural inside a
    /// sentence ends a product name, and the same plural in lower case is the common noun after
    /// it. At the start of a sentence ("The the") the capital is the sentence's, and a singular
    /// ("Azure Monitor monitor the cluster") is a verb or noun written twice: both stay findings.
    static func isNameThenNoun(_ first: String, _ second: String, wordBefore: ArraySlice<Character>) -> Bool {
        guard first.first?.isUppercase == true, second.first?.isLowercase == true,
              second.count > 3, second.hasSuffix("s"), !second.hasSuffix("ss") else { return false }
        guard let previous = wordBefore.last(where: { !$0.isWhitespace }) else { return false }
        return previous.isLetter || previous.isNumber || previous == ","
    }

    /// Whether any word of the UTF-8 `text` directly follows an identical one (ignoring case),
    /// as a cheap filter.
    static func mayRepeat(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        func isWordByte(_ byte: UInt8) -> Bool { byte >= 0x80 || byte.isASCIIDigit || byte.isASCIILetter }
        var previous: Range<Int>?
        var index = 0
        while index < text.count {
            guard isWordByte(text[index]) else { index += 1; continue }
            let start = index
            while index < text.count, isWordByte(text[index]) { index += 1 }
            // Words count as repeated only across white space, as in the character-level pass.
            if let last = previous, text[last.upperBound..<start].allSatisfy(\.isASCIIWhitespace), sameWord(text, last, start..<index) { return true }
            previous = start..<index
        }
        return false
    }

    private static func sameWord(_ text: UnsafeBufferPointer<UInt8>, _ first: Range<Int>, _ second: Range<Int>) -> Bool {
        let firstWord = UnsafeBufferPointer(rebasing: text[first]), secondWord = UnsafeBufferPointer(rebasing: text[second])
        if firstWord.contains(where: { $0 >= 0x80 }) || secondWord.contains(where: { $0 >= 0x80 }) {
            return String(decoding: firstWord, as: UTF8.self).lowercased() == String(decoding: secondWord, as: UTF8.self).lowercased()
        }
        return firstWord.count == secondWord.count && zip(firstWord, secondWord).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }

    /// The block's text as runs a repeat may not span: a link, emphasis, strong text or a hard
    /// line break starts a new run ("Select **Select members**", "the [The payload](x.md) section" and
    /// a word repeated across the lines of a See also list are not slips).
    static func runs(_ block: MarkupNode) -> [DraftSupport.Piece] {
        var result: [DraftSupport.Piece] = []
        let boundary = DraftSupport.Piece(text: "", start: nil, isProse: false)
        func visit(_ node: MarkupNode) {
            switch node.kind {
            case .text(let value): result.append(DraftSupport.Piece(text: value, start: node.start, isProse: true))
            // A soft break renders as a space, so "the\nthe" reads as a repeat; a hard break
            // starts a new line, as between the entries of a See also block.
            case .softBreak: result.append(DraftSupport.Piece(text: " ", start: nil, isProse: true))
            case .lineBreak: result.append(boundary)
            case .emphasis, .strong, .strikethrough, .link:
                result.append(boundary)
                node.children.forEach(visit)
                result.append(boundary)
            case .html(let html) where DraftSupport.isInvisibleHTML(html): break
            default: result.append(boundary)
            }
        }
        block.children.forEach(visit)
        return result
    }
}
