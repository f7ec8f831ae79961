/// The metadata of a page: its YAML front matter as ordered entries with positions, and typed
/// accessors for the Learn keys docgen uses.
public struct FrontMatter: Sendable, Hashable {
    /// Top-level keys in file order.
    public var entries: [YAMLEntry]
    /// The 1-based line of the opening `---`, or 0 when the file has no front matter.
    public var startLine: Int

    /// Creates front matter from entries.
    public init(entries: [YAMLEntry] = [], startLine: Int = 0) {
        self.entries = entries
        self.startLine = startLine
    }

    /// The entry for `key`, nil when absent.
    public func entry(_ key: String) -> YAMLEntry? {
        entries.first { $0.key == key }
    }

    /// The scalar value of `key`, trimmed; nil when absent, null or not a scalar.
    public func string(_ key: String) -> String? {
        entry(key)?.value.string
    }

    /// The values of `key` as strings, whether written as a list or a single scalar.
    public func strings(_ key: String) -> [String] {
        entry(key)?.value.strings ?? []
    }

    /// `title`.
    public var title: String? { string("title") }
    /// `description`.
    public var description: String? { string("description") }
    /// Role ids from `roles:`.
    public var roles: [String] { strings("roles") }
    /// Layer numbers from `layers:`, as written.
    public var layers: [String] { strings("layers") }
    /// True when `draft: true`.
    public var isDraft: Bool { string("draft")?.lowercased() == "true" }
}
