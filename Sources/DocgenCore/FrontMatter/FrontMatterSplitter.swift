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
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, Self.isFence(first, allowDots: false) else { return }
        guard let close = lines.indices.dropFirst().first(where: { Self.isFence(lines[$0], allowDots: true) }) else {
            unterminatedAt = 1
            return
        }
        yaml = lines[1..<close].joined(separator: "\n")
        body = String(repeating: "\n", count: close + 1) + lines[(close + 1)...].joined(separator: "\n")
    }

    private static func isFence(_ line: Substring, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" || last == "\r" { trimmed.removeLast() }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }
}
