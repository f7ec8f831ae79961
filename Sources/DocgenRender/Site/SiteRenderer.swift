import DocgenCore
import Foundation

/// Renders a loaded site into files — every article, the generated role, layer, matrix, search,
/// home and 404 pages, the pages at redirected URLs, the search index, the sitemap — and names the assets to copy. Pages are
/// rendered on all cores and handed to `emit` as they are done, so a build can write them while
/// others render and `serve` can keep them in memory.
public struct SiteRenderer: Sendable {
    /// Output paths the generated pages use; content may not publish to them.
    public static func reservedOutputPaths(for configuration: SiteConfiguration) -> Set<String> {
        var paths: Set<String> = ["index.html", "matrix.html", "search.html", "404.html", "search-index.js", "sitemap.xml"]
        for role in configuration.roles { paths.insert(SiteStructure.roleURL(role.id)) }
        for layer in configuration.layers { paths.insert(SiteStructure.layerURL(layer.number)) }
        return paths
    }

    let site: Site
    let templates: TemplateSet
    let options: BuildOptions

    /// Creates a renderer.
    public init(site: Site, templates: TemplateSet, options: BuildOptions) {
        self.site = site
        self.templates = templates
        self.options = options
    }

    /// The pages that are published: drafts only with `includeDrafts`, and never `index.md`,
    /// whose body becomes the home page's introduction.
    public var publishedPages: [Document] {
        let reserved = Self.reservedOutputPaths(for: site.configuration)
        return site.documents.filter { (options.includeDrafts || !$0.frontMatter.isDraft) && !reserved.contains($0.outputPath) }
    }

    /// What rendering produced besides the emitted files.
    public struct Result: Sendable {
        /// Articles rendered.
        public var articleCount: Int
        /// Generated pages rendered.
        public var generatedCount: Int
        /// Root-relative paths of content files to copy.
        public var assets: Set<String>
    }

    /// Renders everything; `emit(path, bytes)` is called from several threads at once.
    /// `findings` are shown in each page (for `serve`), and `liveReload` adds the reload client.
    public func render(findings: [String: [Diagnostic]] = [:], liveReload: Bool = false, emit: @Sendable (String, Data) -> Void) -> Result {
        let pages = publishedPages
        let files = site.files
        let structure = SiteStructure(site: site, pages: pages)
        var contexts = PageContexts(structure: structure, options: options)
        contexts.liveReload = liveReload
        contexts.templates = templates
        let templates = self.templates
        let finalContexts = contexts
        // One pass per page: render, wrap in the templates, emit, and keep only what the search
        // index and the asset copy need, so memory does not grow with the site's HTML.
        let kept = SiteLoader.parallelMap(pages) { page -> (terms: [String], document: String, assets: Set<String>) in
            let pivots = structure.pivotGroups(of: page).flatMap(\.pivots)
            let monikers = PageMonikers(page, in: structure.site)
            let article = HTMLRenderer.render(
                page, files: files, pivotTitles: Dictionary(pivots.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first }), monikers: monikers)
            let html = templates.render(kind: "article", context: finalContexts.article(page, article, findings: findings[page.path] ?? [], monikers: monikers))
            emit(page.outputPath, Data(html.utf8))
            let headings = article.outline.map(\.text)
            let entry = SearchIndexBuilder.Entry(
                title: page.displayTitle, url: page.outputPath, roleIDs: page.frontMatter.roles, description: page.frontMatter.description ?? "",
                headings: headings, text: article.plainText)
            return (SearchIndexBuilder.pageTerms(entry), SearchIndexBuilder.document(entry), article.assets)
        }
        var generated = 0
        func write(_ kind: String, _ path: String, _ context: [String: Any]) {
            emit(path, Data(templates.render(kind: kind, context: context).utf8))
            generated += 1
        }
        var yamlSearch: [(terms: [String], document: String)] = []
        var rootYAMLPage = false
        for page in site.yamlPages {
            let kind = page.kind == .faq ? "faq" : "landing"
            emit(page.outputPath, Data(templates.render(kind: kind, context: contexts.yamlPage(page, files: files)).utf8))
            rootYAMLPage = rootYAMLPage || page.outputPath == "index.html"
            let entry = SearchIndexBuilder.Entry(title: page.displayTitle, url: page.outputPath, roleIDs: [], description: page.description, headings: [], text: page.description)
            yamlSearch.append((SearchIndexBuilder.pageTerms(entry), SearchIndexBuilder.document(entry)))
        }
        // A root index.yml (a Hub or Landing page) is the home page, as on Learn.
        if !rootYAMLPage {
            let index = site.document(at: "index.md").map { ($0, HTMLRenderer.render($0, files: files, monikers: PageMonikers($0, in: site))) }
            write("home", "index.html", contexts.home(index: index))
        }
        for role in site.configuration.roles { write("role", SiteStructure.roleURL(role.id), contexts.role(role)) }
        for layer in site.configuration.layers { write("layer", SiteStructure.layerURL(layer.number), contexts.layer(layer)) }
        if !site.configuration.roles.isEmpty, !site.configuration.layers.isEmpty { write("matrix", "matrix.html", contexts.matrix()) }
        // Old URLs of redirected pages, sent on to where their redirects lead.
        let taken = Self.reservedOutputPaths(for: site.configuration).union(site.documents.map(\.outputPath)).union(site.yamlPages.map(\.outputPath))
        for page in RedirectPages(site: site, options: options).pages(taken: taken) {
            emit(page.outputPath, Data(templates.renderAlone("redirect", context: page.context).utf8))
            generated += 1
        }
        write("search", "search.html", contexts.search())
        write("404", "404.html", contexts.notFound())
        for script in structure.navigationScripts.values { emit(script.path, Data(script.text.utf8)) }
        for file in SearchIndexBuilder.files(documents: kept.map(\.document) + yamlSearch.map(\.document), terms: kept.map(\.terms) + yamlSearch.map(\.terms)) {
            emit(file.path, Data(file.text.utf8))
        }
        if !options.baseURL.isEmpty {
            emit("sitemap.xml", Data(Sitemap.xml(baseURL: options.baseURL, paths: ["index.html"] + pages.map(\.outputPath) + site.yamlPages.map(\.outputPath).filter { $0 != "index.html" }).utf8))
        }
        return Result(articleCount: pages.count + site.yamlPages.count, generatedCount: generated, assets: kept.reduce(into: Set<String>()) { $0.formUnion($1.assets) })
    }
}

/// `sitemap.xml` for search engines; written only with `--base-url`, since it needs absolute URLs.
enum Sitemap {
    static func xml(baseURL: String, paths: [String]) -> String {
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            xml += "  <url><loc>\(HTMLEscaping.escape(base + LinkRewriter.encodePath(path)))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
