/// A YAML value from front matter or `docgen.yml`, with the line it came from.
public indirect enum YAMLValue: Sendable, Hashable {
    case string(String)
    case list([YAMLValue])
    case map([YAMLEntry])
    case null

    /// The scalar text, or nil for lists, maps and null.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// Scalars as a one-element list, lists as the strings they hold.
    public var strings: [String] {
        switch self {
        case .string(let value): return [value]
        case .list(let items): return items.compactMap(\.string)
        default: return []
        }
    }

    /// The items of a list; nil for any other value.
    public var list: [YAMLValue]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// The entries of a map, empty otherwise.
    public var entries: [YAMLEntry] {
        if case .map(let entries) = self { return entries }
        return []
    }

    /// The value of `key` in a map.
    public subscript(_ key: String) -> YAMLValue? {
        entries.first { $0.key == key }?.value
    }
}

/// One key of a YAML map with its value and 1-based position in the file.
public struct YAMLEntry: Sendable, Hashable {
    public var key: String
    public var value: YAMLValue
    public var line: Int
    public var column: Int

    /// Creates an entry.
    public init(key: String, value: YAMLValue, line: Int, column: Int) {
        self.key = key
        self.value = value
        self.line = line
        self.column = column
    }
}
