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

    /// How a block of inlines ends, when it ends with text: whether that text ends like a
    /// sentence, and the text node. Nil when it ends with a link, code or image. Word counts are
    /// left to ``wordCount(_:)``: most blocks end with a period and never need one.
    static func ending(of block: MarkupNode) -> (terminated: Bool, last: MarkupNode)? {
        guard let last = lastVisibleLeaf(block.children), case .text(let value) = last.kind else { return nil }
        return (isTerminated(value), last)
    }

    /// The number of words in `text`: runs between white space that hold a letter or a digit.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var token: (start: String.Index, hasWord: Bool, hasNonASCII: Bool)?
        let utf8 = text.utf8
        func close(at end: String.Index) {
            guard let open = token else { return }
            // A token of only non-ASCII bytes ("é", "—") needs the Unicode properties.
            if open.hasWord || (open.hasNonASCII && text[open.start..<end].unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
                count += 1
            }
            token = nil
        }
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte.isASCIIWhitespace {
                close(at: index)
            } else {
                if token == nil { token = (index, false, false) }
                if byte >= 0x80 {
                    token!.hasNonASCII = true
                } else if byte.isASCIIDigit || byte.isASCIILetter {
                    token!.hasWord = true
                }
            }
            index = utf8.index(after: index)
        }
        close(at: index)
        return count
    }

    /// True when text ends like a sentence: . ! ? : ; or … (before closing quotes and brackets),
    /// an emoji, or a quoted value such as `to ""`.
    static func isTerminated(_ text: String) -> Bool {
        // Most text ends with an ASCII letter or period: decide on that byte, without grapheme breaking.
        if let last = text.utf8.last(where: { !$0.isASCIIWhitespace }), last < 0x80,
           !")]\"'".utf8.contains(last) {
            return ".!?:;".utf8.contains(last)
        }
        var characters = Substring(text)
        // Zero-width spaces and joiners, pasted after a period, are invisible: not the ending.
        while let last = characters.last, last.isWhitespace || "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}".contains(last) { characters.removeLast() }
        guard let final = characters.last else { return true }
        if let scalar = final.unicodeScalars.first, scalar.value >= 0x80, scalar.properties.isEmojiPresentation || (scalar.value >= 0x2600 && scalar.properties.isEmoji) { return true }
        var closers = 0
        while let last = characters.last, ")]\"'”’»".contains(last) { characters.removeLast(); closers += 1 }
        guard let last = characters.last else { return true }
        if closers > 0, last.isWhitespace || "(\"'“‘«[".contains(last) { return true }
        return ".!?:;…".contains(last)
    }

    /// The number of sentences: boundaries are . ! or ? after a lower-case word, then a space
    /// and a capital ("1. Cluster nodes" is a numbered label, not two sentences).
    static func sentenceCount(_ text: String) -> Int {
        // Look only where the bytes ". " "! " "? " are; most text has few such places.
        let bytes = Array(text.utf8)
        guard bytes.count >= 4 else { return 1 }
        var count = 1
        for index in 1..<(bytes.count - 2) where bytes[index + 1] == 0x20 && (bytes[index] == 0x2E || bytes[index] == 0x21 || bytes[index] == 0x3F) {
            guard let previous = scalar(endingBefore: index, in: bytes), previous == ")" || previous.properties.isLowercase,
                  let next = scalar(startingAt: index + 2, in: bytes), next.properties.isUppercase else { continue }
            // "e.g. RedisVectorStore" and "etc. Then" do not end a sentence at the abbreviation.
            var wordStart = index
            while wordStart > 0, bytes[wordStart - 1] != 0x20, bytes[wordStart - 1] != 0x28 { wordStart -= 1 }
            if abbreviations.contains(String(decoding: bytes[wordStart..<index], as: UTF8.self).lowercased()) { continue }
            count += 1
        }
        return count
    }

    /// Words written with a period that does not end the sentence.
    static let abbreviations: Set<String> = ["e.g", "i.e", "etc", "vs", "cf", "approx", "incl", "esp", "ca"]

    /// The scalar whose UTF-8 encoding ends just before byte `end`.
    private static func scalar(endingBefore end: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard start >= 0 else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars.first
    }

    /// The scalar whose UTF-8 encoding starts at byte `start`.
    private static func scalar(startingAt start: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        guard start < bytes.count else { return nil }
        if bytes[start] < 0x80 { return Unicode.Scalar(bytes[start]) }
        var end = start + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars.first
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
        if let ascii = character.asciiValue {
            return ascii.isASCIIDigit || ascii.isASCIILetter || ascii == UInt8(ascii: "'") || ascii == UInt8(ascii: "_")
        }
        return character.isLetter || character.isNumber || character == "'" || character == "’" || character == "_"
    }

    /// The last word of `text` (a run of word characters) and where it stands in `text`, found from the end.
    static func lastWord(_ text: String) -> (word: String, range: Range<String.Index>)? {
        var end = text.endIndex
        while end > text.startIndex, !isWordCharacter(text[text.index(before: end)]) { end = text.index(before: end) }
        guard end > text.startIndex else { return nil }
        var start = text.index(before: end)
        while start > text.startIndex, isWordCharacter(text[text.index(before: start)]) { start = text.index(before: start) }
        return (String(text[start..<end]), start..<end)
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
