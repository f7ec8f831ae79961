import DocgenCore
import DocgenMarkup
import Foundation

/// Text helpers of the draft-gap rules: how a block of inlines ends, sentences, words, and
/// inline text as pieces with source positions.
extension DraftSupport {
    // MARK: - Sentences

    /// True for an image, or a link around one.
    static func isImage(_ node: MarkupNode) -> Bool {
        switch node.kind {
        case .image, .inlineImage: return true
        case .link: return node.children.contains(where: isImage)
        default: return false
        }
    }

    /// The last inline a reader sees, looking into emphasis but not into links.
    static func lastVisibleLeaf(_ nodes: [MarkupNode]) -> MarkupNode? {
        for node in nodes.reversed() where isVisibleInline(node) {
            switch node.kind {
            case .emphasis, .strong, .strikethrough: return lastVisibleLeaf(node.children)
            default: return node
            }
        }
        return nil
    }

    /// How a block of inlines ends, when it ends with text: its word count, whether that text
    /// ends like a sentence, and the text node. Nil when it ends with a link, code or image.
    static func ending(of block: MarkupNode) -> (words: Int, terminated: Bool, last: MarkupNode)? {
        guard let last = lastVisibleLeaf(block.children), case .text(let value) = last.kind else { return nil }
        let words = block.plainText.split(whereSeparator: \.isWhitespace).filter { $0.contains { $0.isLetter || $0.isNumber } }.count
        return (words, isTerminated(value), last)
    }

    /// True when text ends like a sentence: . ! ? : ; or … (before closing quotes and brackets),
    /// an emoji, or a quoted value such as `to ""`.
    static func isTerminated(_ text: String) -> Bool {
        var characters = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard let final = characters.last else { return true }
        if let scalar = final.unicodeScalars.first, scalar.properties.isEmojiPresentation || (scalar.value >= 0x2600 && scalar.properties.isEmoji) { return true }
        var closers = 0
        while let last = characters.last, ")]\"'”’»".contains(last) { characters.removeLast(); closers += 1 }
        guard let last = characters.last else { return true }
        if closers > 0, last.isWhitespace || "(\"'“‘«[".contains(last) { return true }
        return ".!?:;…".contains(last)
    }

    /// The number of sentences: boundaries are . ! or ? after a lower-case word, then a space
    /// and a capital ("1. Cluster nodes" is a numbered label, not two sentences).
    static func sentenceCount(_ text: String) -> Int {
        let characters = Array(text)
        var count = 1
        for index in characters.indices.dropFirst().dropLast(2) where ".!?".contains(characters[index])
            && (characters[index - 1].isLowercase || characters[index - 1] == ")") && characters[index + 1] == " " && characters[index + 2].isUppercase {
            count += 1
        }
        return count
    }

    // MARK: - Inline text

    /// A run of text in a block, or an inline that is not prose (code, image, HTML, directive).
    struct Piece {
        var text: String
        var start: SourcePosition?
        var isProse: Bool
    }

    /// The inline content of a block as pieces: text nodes (inside emphasis and link text too),
    /// breaks as a single space, and other inlines as opaque pieces.
    static func pieces(_ block: MarkupNode) -> [Piece] {
        var result: [Piece] = []
        func visit(_ node: MarkupNode) {
            switch node.kind {
            case .text(let value): result.append(Piece(text: value, start: node.start, isProse: true))
            case .softBreak, .lineBreak: result.append(Piece(text: " ", start: nil, isProse: true))
            case .emphasis, .strong, .strikethrough, .link: node.children.forEach(visit)
            case .html(let html) where isInvisibleHTML(html): break
            default: result.append(Piece(text: "", start: node.start, isProse: false))
            }
        }
        block.children.forEach(visit)
        return result
    }

    /// True for a character that is part of a word.
    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "'" || character == "’" || character == "_"
    }

    /// The words of `text` with their character offsets.
    static func words(_ text: String) -> [(word: String, offset: Int)] {
        var result: [(String, Int)] = []
        var current = ""
        var start = 0
        for (offset, character) in text.enumerated() {
            if isWordCharacter(character) {
                if current.isEmpty { start = offset }
                current.append(character)
            } else if !current.isEmpty {
                result.append((current, start))
                current = ""
            }
        }
        if !current.isEmpty { result.append((current, start)) }
        return result
    }

    /// The character offsets of whole-word occurrences of `phrase` in `text`.
    static func wholeWordOffsets(of phrase: String, in text: String, caseSensitive: Bool) -> [Int] {
        // Most text holds none of the phrases: rule that out with a byte search first.
        let folded = caseSensitive ? text : text.lowercased()
        guard folded.containsUTF8(caseSensitive ? phrase : phrase.lowercased()) else { return [] }
        let haystack = Array(folded)
        let needle = Array(caseSensitive ? phrase : phrase.lowercased())
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var result: [Int] = []
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            let before = start > 0 ? haystack[start - 1] : " "
            let after = start + needle.count < haystack.count ? haystack[start + needle.count] : " "
            if !isWordCharacter(before), !isWordCharacter(after) { result.append(start) }
        }
        return result
    }
}
