import DocgenCore
import Foundation

/// Every file rendering a site produces, and how to make each one on its own: `build` makes
/// them all on all cores (``SiteRenderer``), `serve` makes one when a browser asks for it. Both
/// go through these functions, so a page served is byte for byte the page built. The site's
/// structure (reading order, navigation, role paths) is computed once, when this is created.
/// Nothing changes after `init`, so any thread may render from it (the template values are
/// `[String: Any]`, which Swift cannot check for that).
public final class SiteOutputs: @unchecked Sendable {
    /// What makes one output.
    enum Source {
        /// An article, by its source path: looked up in the site when rendered, so that a kept
        /// list of outputs renders the page's latest state.
        case article(String)
        case yamlPage(YAMLPage)
        case home
        case role(Role)
        case layer(Layer)
        case matrix
        case redirect(RedirectPages.Page)
        case search
        case notFound
        case navigationScript(NavigationScript)
        case sitemap
    }

    let site: Site
    let templates: TemplateSet
    let options: BuildOptions
    let structure: SiteStructure
    let contexts: PageContexts
    /// The findings a page shows (for `serve`), asked for when the page is rendered.
    let findings: @Sendable (Document) -> [Diagnostic]
    /// The page to render for a page of the site: the page itself, or for a page the cache
    /// stands for (`serve`'s start), the page read and parsed now.
    let materialize: @Sendable (Document) -> Document
    /// Every output but the search index's, by output path. Where two outputs share a path, the
    /// one a build writes last is kept, as the build's file is.
    let sources: [String: Source]
    /// Folders holding an `index.html` output (`guide` for `guide/index.html`).
    public let folders: Set<String>
    /// The generated outputs in the order a build writes them, after the articles.
    let generatedOrder: [String]

    /// The published articles, in the site's order: the site's own documents, as the
    /// structure's may be an earlier state of an edited page.
    public var articles: [Document] {
        structure.pages.map { site.document(at: $0.path) ?? $0 }
    }

    /// Prepares the outputs of `site`. `findings` gives the findings each page shows (for
    /// `serve`), `liveReload` adds the reload client, and `materialize` gives the page to render
    /// for a page that stands in for one not read.
    public convenience init(
        site: Site, templates: TemplateSet, options: BuildOptions, findings: @escaping @Sendable (Document) -> [Diagnostic] = { _ in [] }, liveReload: Bool = false,
        materialize: @escaping @Sendable (Document) -> Document = { $0 }
    ) {
        let reserved = SiteRenderer.reservedOutputPaths(for: site.configuration)
        let pages = site.documents.filter { Self.publishes($0, options: options, reserved: reserved) }
        self.init(
            site: site, templates: templates, options: options, findings: findings, materialize: materialize, liveReload: liveReload,
            structure: SiteStructure(site: site, pages: pages))
    }

    /// Whether `page` is published as an article: drafts only with `includeDrafts`, and never a
    /// page at a generated page's path (`index.md`, whose body becomes the home page's
    /// introduction). `reserved` is ``SiteRenderer/reservedOutputPaths(for:)``.
    static func publishes(_ page: Document, options: BuildOptions, reserved: Set<String>) -> Bool {
        (options.includeDrafts || !page.frontMatter.isDraft) && !reserved.contains(page.outputPath)
    }

    /// The outputs of `site`, a later state of this one in which the edited pages show the rest
    /// of the site the same facts as before (``Document/hasSameSiteFacts(as:)``): the site's
    /// structure is kept instead of computed again, which on a large site is most of the cost.
    public func updated(
        site: Site, findings: @escaping @Sendable (Document) -> [Diagnostic], materialize: @escaping @Sendable (Document) -> Document = { $0 }
    ) -> SiteOutputs {
        SiteOutputs(
            site: site, templates: templates, options: options, findings: findings, materialize: materialize, liveReload: contexts.liveReload,
            structure: structure, kept: (sources, generatedOrder, folders))
    }

    /// The outputs of `site`, a later state of this one in which the pages of `retitled` changed
    /// their title or description and nothing else the rest of the site reads of them
    /// (``Document/hasSameSiteFacts(apartFromTitleAs:)``): the structure is retitled
    /// (``SiteStructure/retitling(_:in:)``) instead of computed again, and the generated
    /// pages, which show titles, are listed again. Nil when it cannot be retitled.
    public func retitled(
        _ retitled: [Document], site: Site, findings: @escaping @Sendable (Document) -> [Diagnostic],
        materialize: @escaping @Sendable (Document) -> Document = { $0 }
    ) -> SiteOutputs? {
        guard let structure = structure.retitling(retitled, in: site) else { return nil }
        return SiteOutputs(
            site: site, templates: templates, options: options, findings: findings, materialize: materialize, liveReload: contexts.liveReload,
            structure: structure)
    }

    private init(
        site: Site, templates: TemplateSet, options: BuildOptions, findings: @escaping @Sendable (Document) -> [Diagnostic],
        materialize: @escaping @Sendable (Document) -> Document, liveReload: Bool, structure: SiteStructure,
        kept: (sources: [String: Source], order: [String], folders: Set<String>)? = nil
    ) {
        self.site = site
        self.templates = templates
        self.options = options
        self.findings = findings
        self.materialize = materialize
        self.structure = structure
        var contexts = PageContexts(structure: structure, options: options)
        contexts.liveReload = liveReload
        contexts.templates = templates
        self.contexts = contexts
        // Kept by `updated`: the same pages at the same paths, and generated pages that read
        // only titles and the structure, which `updated` keeps too.
        if let kept {
            sources = kept.sources
            generatedOrder = kept.order
            folders = kept.folders
            return
        }
        var sources: [String: Source] = [:]
        for page in structure.pages { sources[page.outputPath] = .article(page.path) }
        let generated = Self.generatedSources(site: site, options: options, structure: structure)
        sources.merge(generated.sources) { _, generatedPage in generatedPage }
        self.sources = sources
        generatedOrder = generated.order
        var folders = Set<String>()
        for path in sources.keys where path.hasSuffix("/index.html") { folders.insert(String(path.dropLast("/index.html".count))) }
        self.folders = folders
    }

    /// The generated outputs of `site`, by path, and the order a build writes them in.
    private static func generatedSources(site: Site, options: BuildOptions, structure: SiteStructure) -> (sources: [String: Source], order: [String]) {
        var sources: [String: Source] = [:]
        var order: [String] = []
        func add(_ path: String, _ source: Source) {
            sources[path] = source
            order.append(path)
        }
        for page in site.yamlPages { add(page.outputPath, .yamlPage(page)) }
        // A root index.yml (a Hub or Landing page) is the home page, as on Learn.
        if !site.yamlPages.contains(where: { $0.outputPath == "index.html" }) { add("index.html", .home) }
        for role in site.configuration.roles { add(SiteStructure.roleURL(role.id), .role(role)) }
        for layer in site.configuration.layers { add(SiteStructure.layerURL(layer.number), .layer(layer)) }
        if !site.configuration.roles.isEmpty, !site.configuration.layers.isEmpty { add("matrix.html", .matrix) }
        // Old URLs of redirected pages, sent on to where their redirects lead.
        let taken = SiteRenderer.reservedOutputPaths(for: site.configuration).union(site.documents.map(\.outputPath)).union(site.yamlPages.map(\.outputPath))
        for page in RedirectPages(site: site, options: options).pages(taken: taken) { add(page.outputPath, .redirect(page)) }
        add("search.html", .search)
        add("404.html", .notFound)
        for script in structure.navigationScripts.values.sorted(by: { $0.path < $1.path }) { add(script.path, .navigationScript(script)) }
        if !options.baseURL.isEmpty { add("sitemap.xml", .sitemap) }
        return (sources, order)
    }

    /// Whether `path` is a generated page (home, role, layer, matrix, search, 404, redirect).
    func isGeneratedPage(_ path: String) -> Bool {
        switch sources[path] {
        case .home, .role, .layer, .matrix, .redirect, .search, .notFound: true
        default: false
        }
    }

    /// Whether `path` is a YAML page's (Landing, Hub, FAQ).
    func isYAMLPage(_ path: String) -> Bool {
        if case .yamlPage = sources[path] { return true }
        return false
    }

    /// Whether `path` is a navigation's file (``NavigationScript``).
    func isNavigationScript(_ path: String) -> Bool {
        if case .navigationScript = sources[path] { return true }
        return false
    }

    /// Whether `path` is the generated home page, which shows `index.md`'s body.
    func isHomePage(_ path: String) -> Bool {
        if case .home = sources[path] { return true }
        return false
    }

    /// Whether `path` is an output (the search index's files aside).
    public func contains(_ path: String) -> Bool { sources[path] != nil }

    /// The number of outputs (the search index's files aside).
    public var outputCount: Int { sources.count }

    /// Every output path but the search index's, unordered.
    public var outputPaths: [String] { Array(sources.keys) }

    /// The bytes of the output at `path`, or nil when there is none (the search index's files
    /// are made by ``searchIndexFiles(articles:yamlPages:)``).
    public func render(_ path: String) -> Data? {
        renderPage(path)?.bytes
    }

    /// The bytes of the output at `path` and the content files it shows, or nil when there is
    /// none (the search index's files are made by ``searchIndexFiles(articles:yamlPages:)``).
    public func renderPage(_ path: String) -> (bytes: Data, assets: Set<String>)? {
        guard let source = sources[path] else { return nil }
        func page(_ bytes: String) -> (bytes: Data, assets: Set<String>) { (Data(bytes.utf8), []) }
        switch source {
        case .article(let source):
            return site.document(at: source).map { document in
                let made = article(materialize(document))
                return (made.html, made.summary.assets)
            }
        case .yamlPage(let yaml):
            return page(templates.render(kind: yaml.kind == .faq ? "faq" : "landing", context: contexts.yamlPage(yaml, files: site.files, docfx: site.docfx)))
        case .home:
            let index = site.document(at: "index.md").map { ($0, HTMLRenderer.render($0, files: site.files, docfx: site.docfx, monikers: PageMonikers($0, in: site))) }
            return page(templates.render(kind: "home", context: contexts.home(index: index)))
        case .role(let role): return page(templates.render(kind: "role", context: contexts.role(role)))
        case .layer(let layer): return page(templates.render(kind: "layer", context: contexts.layer(layer)))
        case .matrix: return page(templates.render(kind: "matrix", context: contexts.matrix()))
        case .redirect(let redirect): return page(templates.renderAlone("redirect", context: redirect.context))
        case .search: return page(templates.render(kind: "search", context: contexts.search()))
        case .notFound: return page(templates.render(kind: "404", context: contexts.notFound()))
        case .navigationScript(let script): return page(script.text)
        case .sitemap:
            let paths = ["index.html"] + articles.map(\.outputPath) + site.yamlPages.map(\.outputPath).filter { $0 != "index.html" }
            return page(Sitemap.xml(baseURL: options.baseURL, paths: paths))
        }
    }

    /// One article: its page, and what the search index and the asset copy keep of it.
    func article(_ page: Document) -> (html: Data, summary: ArticleSummary) {
        let article: RenderedArticle, monikers: PageMonikers, summary: ArticleSummary
        if let made = PrerenderedArticle.of(page) {
            article = made.wholeArticle.resolvingPendingLinks(files: site.files, docfx: site.docfx, outputPath: page.outputPath)
            (monikers, summary) = (made.monikers, made.summary)
        } else {
            (article, monikers) = renderArticle(page)
            summary = Self.summary(of: page, article)
        }
        let html = templates.render(kind: "article", context: contexts.article(page, article, findings: findings(page), monikers: monikers))
        return (Data(html.utf8), summary)
    }

    /// What the search index and the asset copy keep of `page` rendered as `article`.
    static func summary(of page: Document, _ article: RenderedArticle) -> ArticleSummary {
        let entry = searchEntry(page, article)
        return ArticleSummary(
            searchTerms: SearchIndexBuilder.pageTerms(entry).joined(separator: " "), searchDocument: SearchIndexBuilder.document(entry), assets: article.assets)
    }

    /// What the search index keeps of an article (and the asset copy of its files), rendered
    /// without wrapping it in the templates: its terms, not its text.
    public func searchSummary(of page: Document) -> ArticleSummary {
        let page = materialize(page)
        return Self.summary(of: page, renderArticle(page).article)
    }

    /// The article's body, with its zone pivots titled and its moniker blocks labelled.
    private func renderArticle(_ page: Document) -> (article: RenderedArticle, monikers: PageMonikers) {
        Self.renderArticle(page, in: site)
    }

    /// The article's body as `site` has it, with its zone pivots titled and its moniker blocks
    /// labelled; with `pendingSiteLinks`, before `site`'s pages are loaded (``PrerenderedArticle``).
    static func renderArticle(_ page: Document, in site: Site, pendingSiteLinks: Bool = false) -> (article: RenderedArticle, monikers: PageMonikers) {
        let pivots = SiteStructure.pivotGroups(of: page, in: site).flatMap(\.pivots)
        let monikers = PageMonikers(page, in: site)
        let pivotTitles = Dictionary(pivots.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        return (HTMLRenderer.render(page, files: site.files, docfx: site.docfx, pivotTitles: pivotTitles, monikers: monikers, pendingSiteLinks: pendingSiteLinks), monikers)
    }

    private static func searchEntry(_ page: Document, _ article: RenderedArticle) -> SearchIndexBuilder.Entry {
        SearchIndexBuilder.Entry(
            title: page.displayTitle, url: page.outputPath, roleIDs: page.frontMatter.roles, description: page.frontMatter.description ?? "",
            headings: article.outline.map(\.text), text: article.plainText)
    }

    /// What the search index keeps of each YAML page (Landing, Hub, FAQ): its title and description.
    public var yamlSearchEntries: [SearchIndexBuilder.Entry] {
        site.yamlPages.map { page in
            SearchIndexBuilder.Entry(title: page.displayTitle, url: page.outputPath, roleIDs: [], description: page.description, headings: [], text: page.description)
        }
    }

    /// The search index's files, from every article's summary and YAML page's entry, in the
    /// site's order; each page's terms are cut from its summary when its postings are made. Made
    /// on all cores unless `onAllCores` is false.
    public static func searchIndexFiles(
        articles: [ArticleSummary], yamlPages: [SearchIndexBuilder.Entry], onAllCores: Bool = true
    ) -> [(path: String, text: String)] {
        let documents = articles.map(\.searchDocument) + yamlPages.map(SearchIndexBuilder.document)
        return SearchIndexBuilder.files(documents: documents, onAllCores: onAllCores) { number in
            number < articles.count ? articles[number].searchTermList : SearchIndexBuilder.pageTerms(yamlPages[number - articles.count]).map { $0[...] }
        }
    }
}
