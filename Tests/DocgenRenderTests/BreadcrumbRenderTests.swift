@testable import DocgenRender
import DocgenCore
import DocgenTestSupport
import Testing

/// Breadcrumbs from docfx.json's `breadcrumb_path`: the entries whose `tocHref` covers the page's
/// Learn URL, above the article.
@Suite struct BreadcrumbRenderTests {
    private static func files(breadcrumbPath: String) -> [String: String] {
        [
            "docfx.json": """
            {"build": {"content": [{"files": ["articles/**/*.md"]}, {"files": ["breadcrumb/toc.yml"]}],
              "globalMetadata": {"breadcrumb_path": "\(breadcrumbPath)"}}}
            """,
            "docgen.yml": "site:\n  learn-paths:\n    /azure/: articles\n",
            "breadcrumb/toc.yml": """
            - name: Azure
              tocHref: /azure/
              topicHref: /azure/index
              items:
              - name: Azure Arc
                tocHref: /azure/arc/
                topicHref: /azure/arc/
                items:
                - name: Arc-enabled servers
                  tocHref: /azure/arc/servers/
                  topicHref: /azure/arc/servers/overview
            - name: Contoso <tools>
              tocHref: /tools/
              topicHref: https://example.com/tools
            """,
            "articles/arc/index.md": "---\ntitle: Azure Arc\n---\n# Azure Arc\n",
            "articles/arc/servers/overview.md": "---\ntitle: Servers\n---\n# Servers\n",
            "articles/arc/servers/agent/install.md": "---\ntitle: Install the agent\n---\n# Install the agent\n",
            "articles/quotas/about.md": "---\ntitle: Quotas\n---\n# Quotas\n",
        ]
    }

    @Test func theEntriesCoveringThePageURLShowAboveTheArticle() throws {
        let site = try RenderedSite.build(Self.files(breadcrumbPath: "~/breadcrumb/toc.yml"))
        #expect(Golden.mismatch(Self.breadcrumbs(site["articles/arc/servers/agent/install.html"] ?? "") + "\n", golden: "render/breadcrumbs.html") == nil)
        // A page no deeper entry covers gets the outer ones only.
        #expect(Self.breadcrumbs(site["articles/quotas/about.html"] ?? "").contains("<li><span>Azure</span></li>\n<li><span aria-current=\"page\">Quotas</span></li>"))
    }

    @Test func aPublishedURLAsBreadcrumbPathNamesTheTOCItWasBuiltFrom() throws {
        let site = try RenderedSite.build(Self.files(breadcrumbPath: "/azure/breadcrumb/toc.json"))
        #expect(Self.breadcrumbs(site["articles/arc/index.html"] ?? "").contains("<li><span>Azure</span></li>\n<li><a href=\"index.html\">Azure Arc</a></li>\n<li><span aria-current=\"page\">Azure Arc</span></li>"))
    }

    /// The `<nav class="breadcrumbs">` element of a built page.
    private static func breadcrumbs(_ html: String) -> String {
        guard let start = html.range(of: "<nav class=\"breadcrumbs\""), let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex) else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }
}
