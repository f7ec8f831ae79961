/// A 1-based line and column in a source file. Columns count characters, not bytes.
public struct SourcePosition: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// 1-based line number in the whole file, front matter included.
    public var line: Int
    /// 1-based column, in characters.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// The span of a node in its source file.
public struct SourceRange: Hashable, Sendable, Codable {
    /// First character of the node.
    public var start: SourcePosition
    /// Last character of the node (inclusive).
    public var end: SourcePosition

    /// Creates a range.
    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }
}
