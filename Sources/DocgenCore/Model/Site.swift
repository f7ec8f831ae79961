/// Everything loaded from a content root: configuration, table of contents and pages, parsed
/// once and shared by lint, build and serve.
public struct Site: Sendable {
    /// The files under the content root.
    public var files: ContentFiles
    /// `docgen.yml`, or the defaults.
    public var configuration: SiteConfiguration
    /// Problems with `docgen.yml` and `toc.yml`.
    public var configurationProblems: [DocumentProblem]
    /// The pages, sorted by path.
    public var documents: [Document]
    /// The table of contents, when the root has a `toc.yml`.
    public var toc: TableOfContents?
    /// The Learn publishing configuration (docfx.json, redirections, dependent repositories).
    public var docfx: DocfxProject
    /// How root-relative paths are shown in diagnostics: this prefix plus the path.
    public var displayPrefix: String
    private var index: [String: Int]

    /// Creates a site from loaded parts.
    public init(files: ContentFiles, configuration: SiteConfiguration, configurationProblems: [DocumentProblem], documents: [Document], toc: TableOfContents?, displayPrefix: String, docfx: DocfxProject = DocfxProject()) {
        self.docfx = docfx
        self.files = files
        self.configuration = configuration
        self.configurationProblems = configurationProblems
        self.documents = documents.sorted { $0.path < $1.path }
        self.toc = toc
        self.displayPrefix = displayPrefix
        var index: [String: Int] = [:]
        for (offset, document) in self.documents.enumerated() { index[document.path] = offset }
        self.index = index
    }

    /// The page at a root-relative path.
    public func document(at path: String) -> Document? {
        index[path].map { documents[$0] }
    }

    /// Replaces or adds a page (for `serve`'s incremental rebuilds).
    public mutating func replace(_ document: Document) {
        if let position = index[document.path] {
            documents[position] = document
        } else {
            documents.append(document)
            documents.sort { $0.path < $1.path }
            index = [:]
            for (offset, document) in documents.enumerated() { index[document.path] = offset }
        }
    }

    /// The path to show for a root-relative path in diagnostics.
    public func displayPath(_ path: String) -> String { displayPrefix + path }

    /// Pages in reading order: the table of contents first, then the rest by path.
    public var readingOrder: [Document] {
        let tocPaths = toc?.orderedPaths ?? []
        var seen = Set<String>()
        var result: [Document] = []
        for path in tocPaths { if let document = document(at: path), seen.insert(path).inserted { result.append(document) } }
        for document in documents where seen.insert(document.path).inserted { result.append(document) }
        return result
    }
}
