/// A stretch of a source file from `start` up to, not including, `end`: 1-based lines and
/// character columns, as ``SourcePosition``s are. An empty span (`start == end`) is a place.
/// A span that ends at column 1 of a line ends with the line break before it.
public struct SourceSpan: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The first character.
    public var start: SourcePosition
    /// The position just after the last character.
    public var end: SourcePosition

    /// Creates a span.
    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// The `count` characters from `start` on its line.
    public init(start: SourcePosition, characters count: Int) {
        self.init(start: start, end: SourcePosition(line: start.line, column: start.column + count))
    }

    /// Whether the two spans share a character, or one inserts inside the other.
    public func overlaps(_ other: SourceSpan) -> Bool {
        if start == end || other.start == other.end {
            // Insertions overlap what they would split, and each other at the same place.
            return (start == other.start) || (start > other.start && start < other.end) || (other.start > start && other.start < end)
        }
        return start < other.end && other.start < end
    }

    public var description: String { "\(start)-\(end)" }
}

/// One replacement in a file: the text of `range` becomes `replacement`.
public struct TextEdit: Hashable, Sendable, Codable {
    /// What is replaced (empty for an insertion).
    public var range: SourceSpan
    /// What replaces it (empty for a deletion).
    public var replacement: String

    /// Creates an edit.
    public init(range: SourceSpan, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A change that resolves a finding, as edits of the file the finding is in, applied all
/// together or not at all.
public struct Fix: Hashable, Sendable, Codable {
    /// What the fix does, as an imperative ("Write the link as 'alerts.md'").
    public var summary: String
    /// The edits, in the finding's file; they do not overlap.
    public var edits: [TextEdit]

    /// Creates a fix.
    public init(summary: String, edits: [TextEdit]) {
        self.summary = summary
        self.edits = edits
    }

    /// A fix of one edit.
    public init(_ summary: String, replacing range: SourceSpan, with replacement: String) {
        self.init(summary: summary, edits: [TextEdit(range: range, replacement: replacement)])
    }
}
