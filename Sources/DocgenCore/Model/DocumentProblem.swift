import DocgenMarkup

/// A problem found while loading a page (reading, front matter, includes, code snippets) or
/// parsing it; the lint engine reports each under the rule that owns its kind.
public struct DocumentProblem: Sendable, Hashable {
    /// The classes of load problem.
    public enum Kind: String, Sendable, Hashable {
        case invalidYAML, unterminatedFrontMatter
        case invalidEncoding, binaryFile
        case includeNotFound, includeCycle, includeOutsideRoot, includeInvalid
        case codeSnippetNotFound
        /// An include or code sample in a dependent repository that is not checked out; the
        /// message is the repository's `path_to_root`.
        case inDependentRepository
        case markup
        /// A file of a kind docgen does not build (a YamlMime type other than Landing, Hub and FAQ).
        case unsupportedPage
    }

    /// The kinds of problem that leave part of a page's content unknown (an include that could not
    /// be read), so that other pages cannot tell which anchors it has.
    public static let incompleteContent: Set<Kind> = [.includeNotFound, .includeOutsideRoot, .inDependentRepository]

    /// Whether this is a file the page could not read, of one of `kinds`, whose message quotes
    /// one of `names` (file names, as an include or code sample is written): once such a file
    /// exists, the page reads it. By name, which may also choose a page that meant another
    /// folder's file of that name.
    public func isUnreadFile(namedAnyOf names: [String], kinds: Set<Kind> = [.includeNotFound]) -> Bool {
        kinds.contains(kind) && names.contains { message.contains($0) }
    }

    /// The class of problem.
    public var kind: Kind
    /// For `.markup`, the parser's own class.
    public var markupKind: MarkupProblem.Kind?
    /// What is wrong and what to do.
    public var message: String
    /// The root-relative path of the file the problem is in (an include file, for problems inside it).
    public var path: String
    /// Where the problem is.
    public var position: SourcePosition
    /// Where it ends (exclusive), when known.
    public var end: SourcePosition?
    /// Whether it fails the build by default.
    public var isError: Bool
    /// Edits that resolve it with certainty.
    public var fixes: [Fix]

    /// Creates a problem.
    public init(
        _ kind: Kind, _ message: String, path: String, at position: SourcePosition, end: SourcePosition? = nil,
        isError: Bool = true, markupKind: MarkupProblem.Kind? = nil, fixes: [Fix] = []
    ) {
        self.kind = kind
        self.markupKind = markupKind
        self.message = message
        self.path = path
        self.position = position
        self.end = end
        self.isError = isError
        self.fixes = fixes
    }

    /// The parser's `problem` in the file at the root-relative `path`, everything it says kept.
    public init(markup problem: MarkupProblem, path: String) {
        self.init(.markup, problem.message, path: path, at: problem.position, end: problem.end, isError: problem.isError, markupKind: problem.kind, fixes: problem.fixes)
    }
}
