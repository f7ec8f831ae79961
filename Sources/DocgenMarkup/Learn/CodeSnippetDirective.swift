/// A Learn `:::code:::` directive: a code sample read from a file in the content root.
public struct CodeSnippetDirective: Sendable, Hashable {
    /// The `source` path as written.
    public var source: String
    /// The `language`, nil to infer it from the file extension.
    public var language: String?
    /// The `range` of lines, such as `2-24,26` or `205-`.
    public var range: String?
    /// The snippet tag `id`; wins over `range`.
    public var id: String?
    /// The `highlight` lines, passed through.
    public var highlight: String?
    /// Where the directive starts.
    public var position: SourcePosition
    /// The code once the loader read it; nil until then or when it could not be read.
    public var resolvedCode: String?

    /// The attributes Learn accepts on `:::code`.
    public static let knownAttributes: Set<String> = ["source", "language", "range", "id", "highlight", "interactive"]
}
