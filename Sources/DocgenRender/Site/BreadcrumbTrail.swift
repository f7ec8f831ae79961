import DocgenCore

/// The breadcrumb above an article (`breadcrumbs.mustache`): Home, then the doc set's breadcrumb
/// TOC entries that cover the page's Learn URL (docfx.json `breadcrumb_path`, as Learn shows them),
/// else the page's trail in the navigation.
enum BreadcrumbTrail {
    /// `[{title, url}]`, outermost first; `url` is "" for an entry that leads to another doc set
    /// when no `site.learn-host` can make its URL work off Learn.
    static func crumbs(for document: Document, structure: SiteStructure, root: String) -> [[String: Any]] {
        let site = structure.site
        var crumbs: [[String: Any]] = [["title": "Home", "url": root + "index.html"]]
        let fromTOC = site.breadcrumbs.trail(for: document, files: site.files, docfx: site.docfx)
        guard fromTOC.isEmpty else {
            let rewriter = LinkRewriter(files: site.files, pageOutputPath: document.outputPath, docfx: site.docfx)
            for entry in fromTOC {
                crumbs.append(["title": entry.name, "url": url(of: entry.topicHref, rewriter: rewriter, from: document.path)])
            }
            return crumbs
        }
        let output = document.outputPath
        for node in structure.navigation(for: output).trail(to: output) ?? [] where node.outputPath != nil {
            crumbs.append(["title": node.title, "url": root + node.outputPath!])
        }
        return crumbs
    }

    /// A breadcrumb entry's `topicHref`: a page of this doc set becomes a relative link, an absolute
    /// URL stays; a Learn URL of another doc set only with `site.learn-host`.
    private static func url(of topicHref: String?, rewriter: LinkRewriter, from path: String) -> String {
        guard let topicHref, topicHref.hasPrefix("/") || topicHref.contains("://") else { return "" }
        guard let url = rewriter.rewrite(topicHref, from: path).url else { return "" }
        return url.hasPrefix("/") ? "" : url
    }
}
