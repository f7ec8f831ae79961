import DocgenMarkup

/// Separates YAML front matter from a Markdown file, keeping line numbers: the body handed to
/// the Markdown parser has the front matter lines blanked, so positions stay those of the file.
public struct FrontMatterSplit: Sendable {
    /// The YAML text between the `---` fences, nil when the file has none.
    public var yaml: String?
    /// The 1-based line of the first YAML line (the line after the opening `---`).
    public var yamlFirstLine: Int
    /// The file text with the front matter replaced by empty lines.
    public var body: String
    /// Set when a `---` opens front matter that is never closed: the line of the opening fence.
    public var unterminatedAt: Int?

    /// Splits `text` (without a byte order mark). The opening fence must be the first line;
    /// the closing fence is `---` or `...` at the start of a line.
    public init(_ text: String) {
        yaml = nil
        yamlFirstLine = 2
        body = text
        unterminatedAt = nil
        guard text.hasPrefix("---") else { return }
        // Walk the lines as UTF-8 only as far as the closing fence.
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 0
        var firstYAMLByte: String.Index?
        while lineStart != utf8.endIndex {
            let lineEnd = text.utf8Index(of: 0x0A, from: lineStart) ?? utf8.endIndex
            lineNumber += 1
            let line = text[lineStart..<lineEnd]
            if lineNumber == 1 {
                guard Self.isFence(line, allowDots: false) else { return }
                firstYAMLByte = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
            } else if Self.isFence(line, allowDots: true), let yamlStart = firstYAMLByte {
                yaml = String(text[yamlStart..<lineStart])
                let rest = lineEnd == utf8.endIndex ? "" : text[utf8.index(after: lineEnd)...]
                body = String(repeating: "\n", count: lineNumber) + rest
                return
            }
            lineStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
        }
        unterminatedAt = 1
    }

    private static func isFence(_ line: Substring, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" || last == "\r" { trimmed.removeLast() }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }
}
