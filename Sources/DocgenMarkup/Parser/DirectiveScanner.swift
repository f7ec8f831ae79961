/// A Learn construct found by ``DirectiveScanner`` and replaced in the text handed to cmark-gfm.
struct ScannedDirective: Sendable {
    enum Payload: Sendable {
        /// A block triple-colon line (`:::zone pivot="x"`, `:::row-end:::`, complex `:::image`).
        case block(DirectiveAttributes)
        /// A non-complex `:::image` alone on its line; rendered as a paragraph holding the image.
        case imageLine(DirectiveAttributes)
        /// `:::image ...:::` inside a line of text.
        case inlineImage(DirectiveAttributes)
        /// `:::no-loc text="...":::`.
        case noLoc(String)
        /// `[!INCLUDE [title](path)]`, alone on its line (`inline == false`) or within text.
        case include(path: String, title: String, inline: Bool)
    }

    var payload: Payload
    var position: SourcePosition
    /// The source text the placeholder replaced, restored wherever the placeholder lands in code.
    var original: String
    var placeholder: String
}

/// The first pass over a document body: finds Learn's triple-colon directives and includes, which
/// cmark-gfm knows nothing of, and replaces each with an HTML placeholder of the same line count
/// (a block `<!--dg:N-->` comment or an inline `<dg-N   >` tag padded to the same width), so
/// that cmark-gfm splits paragraphs around them and every other position stays exact.
struct DirectiveScanner {
    /// Directive names that stand alone on their line.
    static let blockNames: Set<String> = [
        "zone", "zone-end", "moniker", "moniker-end", "row", "row-end", "column", "column-end",
        "code", "form", "image-end", "video-end",
    ]

    private(set) var directives: [ScannedDirective] = []
    private(set) var problems: [MarkupProblem] = []

    /// Scans `text` (line 1 is the file's first line) and returns the substituted text. Lines are
    /// examined as UTF-8 bytes; only lines that hold `:::` or `[!` outside fenced code are
    /// rebuilt, and the text is returned untouched when none does.
    mutating func scan(_ text: String) -> String {
        // Where the constructs start, found once over the whole text: most lines hold neither.
        let starts = (text.utf8Offsets(of: ":::") + text.utf8Offsets(of: "[!")).sorted()
        guard !starts.isEmpty else { return text }
        var nextStart = 0
        let utf8 = text.utf8
        var output = ""
        var copiedUpTo = utf8.startIndex
        var fence: (byte: UInt8, length: Int)?
        var lineNumber = 0
        var lineStart = utf8.startIndex
        while lineStart != utf8.endIndex || lineNumber == 0 {
            lineNumber += 1
            let newline = text.utf8Index(of: 0x0A, from: lineStart) ?? utf8.endIndex
            var lineEnd = newline
            if lineEnd != lineStart, utf8[utf8.index(before: lineEnd)] == 0x0D { lineEnd = utf8.index(before: lineEnd) }
            defer { lineStart = newline == utf8.endIndex ? newline : utf8.index(after: newline) }
            // Container prefix: spaces, tabs and '>' markers.
            var contentStart = lineStart
            while contentStart != lineEnd, utf8[contentStart] == 0x20 || utf8[contentStart] == 0x09 || utf8[contentStart] == 0x3E { contentStart = utf8.index(after: contentStart) }
            let first = contentStart != lineEnd ? utf8[contentStart] : 0
            if let open = fence {
                var run = 0
                var probe = contentStart
                while probe != lineEnd, utf8[probe] == open.byte { run += 1; probe = utf8.index(after: probe) }
                if run >= open.length, utf8[probe..<lineEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { fence = nil }
                if newline == utf8.endIndex { break }
                continue
            }
            if first == 0x60 || first == 0x7E {
                var run = 0
                var probe = contentStart
                while probe != lineEnd, utf8[probe] == first { run += 1; probe = utf8.index(after: probe) }
                if run >= 3, first == 0x7E || !utf8[probe..<lineEnd].contains(0x60) {
                    fence = (first, run)
                    if newline == utf8.endIndex { break }
                    continue
                }
            }
            let line = text[lineStart..<lineEnd]
            let lineStartOffset = utf8.distance(from: utf8.startIndex, to: lineStart)
            while nextStart < starts.count, starts[nextStart] < lineStartOffset { nextStart += 1 }
            // Neither pattern holds a line break, so an occurrence starting on the line lies in it.
            if nextStart < starts.count, starts[nextStart] < utf8.distance(from: utf8.startIndex, to: lineEnd) {
                let prefixLength = text[lineStart..<contentStart].count
                let position = SourcePosition(line: lineNumber, column: prefixLength + 1)
                let replacement = scanBlock(text[contentStart..<lineEnd], at: position).map { String(text[lineStart..<contentStart]) + $0 }
                    ?? scanInline(line, lineNumber: lineNumber)
                if replacement != line {
                    output += text[copiedUpTo..<lineStart]
                    output += replacement
                    copiedUpTo = lineEnd
                }
            }
            if newline == utf8.endIndex { break }
        }
        guard copiedUpTo != utf8.startIndex else { return text }
        output += text[copiedUpTo...]
        return output
    }

    /// Handles a line whose content (after container markers) is a block construct.
    private mutating func scanBlock(_ rest: Substring, at position: SourcePosition) -> String? {
        if rest.hasPrefix(":::") {
            guard let parsed = DirectiveAttributes.parse(rest) else { return nil }
            let spaced = rest.dropFirst(3).first == " "
            switch parsed.name {
            case "image", "video":
                if spaced {
                    problems.append(MarkupProblem(
                        .imageDirective,
                        "'::: \(parsed.name)' is not a directive: Learn needs ':::\(parsed.name)' with no space after the colons.",
                        at: position))
                    return nil
                }
                if parsed["type"] == "complex" {
                    return addBlock(.block(parsed), original: String(rest), at: position)
                }
                return addBlock(.imageLine(parsed), original: String(rest), at: position)
            case "no-loc":
                return nil
            case let name where Self.blockNames.contains(name):
                if !parsed.trailingText.isEmpty {
                    problems.append(MarkupProblem(
                        .otherDirective,
                        "Text after the closing ':::' of :::\(name) is ignored; move \"\(parsed.trailingText)\" to its own line.",
                        at: position, isError: false))
                }
                return addBlock(.block(parsed), original: String(rest), at: position)
            default:
                problems.append(MarkupProblem(
                    .unknownDirective,
                    "Unknown directive ':::\(parsed.name)'; Learn renders it as plain text. Known directives: image, video, code, zone, moniker, row, column, form, no-loc.",
                    at: position))
                return nil
            }
        }
        if rest.first == "[", let include = IncludeSyntax.match(rest, from: rest.startIndex),
           rest[include.end...].allSatisfy({ $0 == " " || $0 == "\t" }) {
            return addBlock(.include(path: include.path, title: include.title, inline: false), original: String(rest), at: position)
        }
        return nil
    }

    private mutating func addBlock(_ payload: ScannedDirective.Payload, original: String, at position: SourcePosition) -> String {
        let placeholder = "<!--dg:\(directives.count)-->"
        directives.append(ScannedDirective(payload: payload, position: position, original: original, placeholder: placeholder))
        return placeholder
    }

    /// Replaces inline directives within a line of text with padded inline placeholders.
    private mutating func scanInline(_ line: Substring, lineNumber: Int) -> String {
        let characters = Array(line)
        let code = CodeSpans.mask(characters)
        var output = ""
        var index = 0
        while index < characters.count {
            if !code[index], let (payload, end) = matchInline(characters, at: index) {
                let original = String(characters[index..<end])
                let tag = "<dg-\(directives.count)"
                guard original.count >= tag.count + 1 else {
                    output.append(characters[index]); index += 1; continue
                }
                let placeholder = tag + String(repeating: " ", count: original.count - tag.count - 1) + ">"
                directives.append(ScannedDirective(
                    payload: payload, position: SourcePosition(line: lineNumber, column: index + 1),
                    original: original, placeholder: placeholder))
                output += placeholder
                index = end
            } else {
                output.append(characters[index])
                index += 1
            }
        }
        return output
    }

    private mutating func matchInline(_ chars: [Character], at index: Int) -> (ScannedDirective.Payload, Int)? {
        if chars[index] == ":", Self.hasPrefix(chars, at: index, ":::image") || Self.hasPrefix(chars, at: index, ":::video") {
            var end = index + 8
            while end + 2 < chars.count, !(chars[end] == ":" && chars[end + 1] == ":" && chars[end + 2] == ":") { end += 1 }
            end = end + 2 < chars.count ? end + 3 : chars.count
            guard let parsed = DirectiveAttributes.parse(Substring(String(chars[index..<end])), allowSpaceAfterColons: false) else { return nil }
            return (.inlineImage(parsed), end)
        }
        if chars[index] == ":", Self.hasPrefix(chars, at: index, ":::no-loc text=\"") {
            var end = index + 16
            while end < chars.count, chars[end] != "\"" || chars[end - 1] == "\\" { end += 1 }
            guard end + 3 < chars.count + 0 || end + 3 == chars.count, end < chars.count,
                  Self.hasPrefix(chars, at: end + 1, ":::") else { return nil }
            let text = String(chars[(index + 16)..<end]).replacingOccurrences(of: "\\\"", with: "\"")
            return (.noLoc(text), end + 4)
        }
        if chars[index] == "[", index + 1 < chars.count, chars[index + 1] == "!" {
            let string = Substring(String(chars[index...]))
            if let include = IncludeSyntax.match(string, from: string.startIndex) {
                let length = string.distance(from: string.startIndex, to: include.end)
                return (.include(path: include.path, title: include.title, inline: true), index + length)
            }
        }
        return nil
    }

    private static func hasPrefix(_ chars: [Character], at index: Int, _ prefix: String) -> Bool {
        var i = index
        for character in prefix {
            guard i < chars.count, chars[i].lowercased() == String(character) else { return false }
            i += 1
        }
        return true
    }
}

/// Recognises `[!INCLUDE [title](path)]` as DocFX does: case-insensitive `[!include`, an optional
/// legacy `+`/`-`, optional space, then a link and the closing bracket.
enum IncludeSyntax {
    static func match(_ text: Substring, from start: Substring.Index) -> (title: String, path: String, end: Substring.Index)? {
        let keyword = "[!include"
        guard text[start...].prefix(keyword.count).lowercased() == keyword else { return nil }
        var index = text.index(start, offsetBy: keyword.count)
        if index < text.endIndex, text[index] == "+" || text[index] == "-" { index = text.index(after: index) }
        while index < text.endIndex, text[index] == " " { index = text.index(after: index) }
        guard index < text.endIndex, text[index] == "[" else { return nil }
        index = text.index(after: index)
        let titleStart = index
        var depth = 0
        while index < text.endIndex, !(text[index] == "]" && depth == 0) {
            if text[index] == "[" { depth += 1 }
            if text[index] == "]" { depth -= 1 }
            index = text.index(after: index)
        }
        guard index < text.endIndex else { return nil }
        let title = String(text[titleStart..<index])
        index = text.index(after: index)
        guard index < text.endIndex, text[index] == "(" else { return nil }
        index = text.index(after: index)
        let pathStart = index
        while index < text.endIndex, text[index] != ")" { index = text.index(after: index) }
        guard index < text.endIndex else { return nil }
        var path = String(text[pathStart..<index]).trimmingSpaces
        if path.hasPrefix("<"), path.hasSuffix(">") { path = String(path.dropFirst().dropLast()) }
        if let space = path.firstIndex(of: " ") { path = String(path[..<space]) }
        index = text.index(after: index)
        guard index < text.endIndex, text[index] == "]" else { return nil }
        return (title, path, text.index(after: index))
    }
}

/// Backtick code spans within one line, where Markdown and directives are literal text.
public enum CodeSpans {
    /// Marks the characters of `chars` that lie inside a code span (backticks included).
    public static func mask(_ chars: [Character]) -> [Bool] {
        var mask = [Bool](repeating: false, count: chars.count)
        var index = 0
        while index < chars.count {
            guard chars[index] == "`" else { index += 1; continue }
            var run = 0
            while index + run < chars.count, chars[index + run] == "`" { run += 1 }
            var probe = index + run
            var closed = false
            while probe < chars.count {
                if chars[probe] == "`" {
                    var other = 0
                    while probe + other < chars.count, chars[probe + other] == "`" { other += 1 }
                    if other == run {
                        for i in index..<(probe + other) { mask[i] = true }
                        index = probe + other
                        closed = true
                        break
                    }
                    probe += other
                } else {
                    probe += 1
                }
            }
            if !closed { index += run }
        }
        return mask
    }
}
