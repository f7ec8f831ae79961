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
    /// The `toc.yml` files and which one navigates each page.
    public var navigation: NavigationTOCs
    /// Problems in the `toc.yml` files: invalid YAML, entries that lead nowhere, TOCs that nest themselves.
    public var tocProblems: [DocumentProblem]
    /// The YAML pages (Landing, Hub, FAQ), sorted by path.
    public var yamlPages: [YAMLPage]
    /// YAML pages that do not parse, and YamlMime types docgen does not build.
    public var yamlPageProblems: [DocumentProblem]
    /// Zone pivot groups, from the doc sets' `zone-pivot-groups.yml` files.
    public var zonePivotGroups: ZonePivotGroupFiles
    /// Root-relative links that lead outside this doc set (`/windows/...`), summed up in page order.
    public var otherDocSetLinks: OtherDocSetLinkSummary
    /// The Learn publishing configuration (docfx.json, redirections, dependent repositories).
    public var docfx: DocfxProject
    /// The breadcrumb TOCs docfx.json's `breadcrumb_path` names.
    public var breadcrumbs: BreadcrumbTOCs
    /// How root-relative paths are shown in diagnostics: this prefix plus the path.
    public var displayPrefix: String
    private var index: [String: Int]

    /// Creates a site from loaded parts.
    public init(files: ContentFiles, configuration: SiteConfiguration, configurationProblems: [DocumentProblem], documents: [Document], tocs: [TableOfContents], displayPrefix: String,
        docfx: DocfxProject = DocfxProject(), tocProblems: [DocumentProblem] = [],
        yamlPages: [YAMLPage] = [], yamlPageProblems: [DocumentProblem] = [], otherDocSetLinks: OtherDocSetLinkSummary = OtherDocSetLinkSummary(),
        zonePivotGroups: ZonePivotGroupFiles = ZonePivotGroupFiles(), breadcrumbs: BreadcrumbTOCs = BreadcrumbTOCs()
    ) {
        self.docfx = docfx
        self.breadcrumbs = breadcrumbs
        self.tocProblems = tocProblems
        self.zonePivotGroups = zonePivotGroups
        self.otherDocSetLinks = otherDocSetLinks
        self.files = files
        self.configuration = configuration
        self.configurationProblems = configurationProblems
        self.documents = documents.sorted { $0.path < $1.path }
        navigation = NavigationTOCs(tocs)
        self.yamlPages = yamlPages
        self.yamlPageProblems = yamlPageProblems
        self.displayPrefix = displayPrefix
        var index: [String: Int] = [:]
        for (offset, document) in self.documents.enumerated() { index[document.path] = offset }
        self.index = index
    }

    /// The memo of the page at a root-relative path, without copying the page (a copy retains
    /// every part of it, which site rules asking for thousands of pages on every save notice).
    public func memo(at path: String) -> DocumentMemo? {
        index[path].map { documents[$0].memo }
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

    /// Pages in reading order: the tables of contents first, then the rest by path.
    public var readingOrder: [Document] {
        navigation.readingOrder(of: documents.map(\.path)).compactMap { document(at: $0) }
    }
}
