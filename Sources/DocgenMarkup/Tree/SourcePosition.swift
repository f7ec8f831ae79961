/// A 1-based line and column in a source file. Columns count characters, not bytes.
public struct SourcePosition: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    // Kept in 32 bits: every node of every tree holds two positions, and at 64 bits they were
    // the largest part of a node. A count past 2^31 (no file docgen can load) is clamped.
    private var storedLine: Int32
    private var storedColumn: Int32

    /// 1-based line number in the whole file, front matter included.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    /// 1-based column, in characters.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    /// Creates a position.
    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    private enum CodingKeys: String, CodingKey {
        case line, column
    }

    /// Reads a position coded as its `line` and `column`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(line: try container.decode(Int.self, forKey: .line), column: try container.decode(Int.self, forKey: .column))
    }

    /// Codes the position as its `line` and `column`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
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
