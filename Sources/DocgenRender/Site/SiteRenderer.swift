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

    /// What rendering produced besides the emitted files.
    public struct Result: Sendable {
        /// Articles rendered.
        public var articleCount: Int
        /// Generated pages rendered.
        public var generatedCount: Int
        /// Root-relative paths of content files to copy.
        public var assets: Set<String>
        /// What was kept of each article, by its source path.
        public var summaries: [String: ArticleSummary]
        /// Articles and YAML pages whose page was kept from an earlier build instead of rendered
        /// (counted as `articleCount` counts them).
        public var keptCount: Int
    }

    /// Renders everything; `emit(path, bytes)` is called from several threads at once.
    /// `findings` are shown in each page (for `serve`), and `liveReload` adds the reload client.
    ///
    /// An article with a summary in `kept` is not rendered: `keep(outputPath)` puts the page an
    /// earlier build made of it in place, and its summary stands for it. Only a build that knows
    /// the page and everything it shows of other pages are unchanged passes `kept`. With
    /// `keepsGenerated`, so are the generated outputs but the home page (which shows `index.md`'s
    /// body) and the search index: they read only the configuration, the YAML files and what
    /// pages show each other, which such a build knows are unchanged too. With
    /// `remakesGeneratedPages` as well, the generated pages (role, layer, matrix, redirect pages,
    /// which list pages' titles, descriptions and question headings) are made again, and the YAML
    /// pages, navigation files and sitemap, which show none of those, are kept; with
    /// `remakesNavigation` (a navigation shows a title that changed), so are the navigation files
    /// and the YAML pages, which show a navigation. `previousIndex` gives
    /// the search index's files that earlier build wrote, and `replaced` the summaries it had of
    /// the pages rendered again: the index is then patched (``SearchIndexPatch``) rather than
    /// made again, when the pages are numbered as before.
    public func render(
        findings: [String: [Diagnostic]] = [:], liveReload: Bool = false, kept: [String: ArticleSummary] = [:], keepsGenerated: Bool = false,
        remakesGeneratedPages: Bool = false, remakesNavigation: Bool = false,
        previousIndex: [String: String] = [:], replaced: [String: ArticleSummary] = [:],
        keep: @Sendable (String) -> Void = { _ in },
        emit: @Sendable (String, Data) -> Void
    ) -> Result {
        let outputs = SiteOutputs(site: site, templates: templates, options: options, findings: { findings[$0.path] ?? [] }, liveReload: liveReload)
        // One pass per page: render, wrap in the templates, emit, and keep only what the search
        // index and the asset copy need, so memory does not grow with the site's HTML.
        let articles = outputs.articles
        let summaries = SiteLoader.parallelMap(articles) { page -> (summary: ArticleSummary, kept: Bool) in
            if let summary = kept[page.path] {
                keep(page.outputPath)
                return (summary, true)
            }
            let article = outputs.article(page)
            emit(page.outputPath, article.html)
            return (article.summary, false)
        }
        var generated = 0
        var keptYAMLPages = 0
        for path in outputs.generatedOrder {
            if outputs.isGeneratedPage(path) { generated += 1 }
            let remade = (remakesGeneratedPages && outputs.isGeneratedPage(path))
                || (remakesNavigation && (outputs.isNavigationScript(path) || outputs.isYAMLPage(path)))
            if keepsGenerated, !outputs.isHomePage(path), !remade {
                keep(path)
                if outputs.isYAMLPage(path) { keptYAMLPages += 1 }
                continue
            }
            guard let bytes = outputs.render(path) else { continue }
            emit(path, bytes)
        }
        let yamlSearch = outputs.yamlSearchEntries
        let documents = summaries.map(\.summary.searchDocument) + yamlSearch.map(SearchIndexBuilder.document)
        let files = patchedIndex(articles: articles, summaries: summaries, documents: documents, previous: previousIndex, replaced: replaced)
            ?? SiteOutputs.searchIndexFiles(articles: summaries.map(\.summary), yamlPages: yamlSearch)
        for file in files { emit(file.path, Data(file.text.utf8)) }
        return Result(
            articleCount: articles.count + site.yamlPages.count, generatedCount: generated,
            assets: summaries.reduce(into: Set<String>()) { $0.formUnion($1.summary.assets) },
            summaries: Dictionary(zip(articles.map(\.path), summaries.map(\.summary)), uniquingKeysWith: { first, _ in first }),
            keptCount: summaries.count { $0.kept } + keptYAMLPages)
    }
}

extension SiteRenderer {
    /// The search index patched from the earlier build's, or nil when it must be made whole: no
    /// page was kept, a page rendered again has no earlier summary, or the patch does not apply.
    private func patchedIndex(
        articles: [Document], summaries: [(summary: ArticleSummary, kept: Bool)], documents: [String], previous: [String: String],
        replaced: [String: ArticleSummary]
    ) -> [(path: String, text: String)]? {
        guard !replaced.isEmpty, summaries.contains(where: \.kept) else { return nil }
        var changed: [Int: (before: [Substring], now: [Substring])] = [:]
        for (number, (page, made)) in zip(articles, summaries).enumerated() where !made.kept {
            guard let earlier = replaced[page.path] else { return nil }
            changed[number] = (earlier.searchTermList, made.summary.searchTermList)
        }
        return SearchIndexPatch.files(previous: previous, documents: documents, changed: changed)
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
