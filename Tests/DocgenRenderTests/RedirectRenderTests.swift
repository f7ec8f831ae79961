@testable import DocgenRender
import DocgenCore
import DocgenTestSupport
import Testing

/// Redirected source paths: a small page at each old URL, and links to them built straight to
/// where the redirects finally lead.
@Suite struct RedirectRenderTests {
    private static let files: [String: String] = [
        ".openpublishing.redirection.json": """
        {"redirections": [
          {"source_path": "guides/old.md", "redirect_url": "/docs/guides/older"},
          {"source_path": "guides/older.md", "redirect_url": "../current#install"},
          {"source_path": "retired.md", "redirect_url": "https://example.com/retired?from=docs"},
          {"source_path": "loop-a.md", "redirect_url": "loop-b"},
          {"source_path": "loop-b.md", "redirect_url": "loop-a"},
          {"source_path": "gone.md", "redirect_url": "nowhere"},
          {"source_path": "script.md", "redirect_url": "javascript:alert(1)"}
        ]}
        """,
        "docgen.yml": "site:\n  title: Contoso Monitoring\n  learn-paths:\n    /docs/: \"\"\n",
        "current.md": "---\ntitle: Install the <agent>\n---\n# Install the agent\n\n## Install\n",
        "links.md": "---\ntitle: Links\n---\n# Links\n\n[old](guides/old.md) [anchor](guides/old.md#verify) [retired](retired.md) [loop](loop-a.md) [gone](gone.md) [script](script.md)\n",
    ]

    @Test func eachSourceBecomesAPageThatSendsReadersOn() throws {
        let site = try RenderedSite.build(Self.files)
        #expect(Golden.mismatch(site["guides/old.html"] ?? "", golden: "render/redirect.html") == nil)
        #expect(site["retired.html"]?.contains("<meta http-equiv=\"refresh\" content=\"0; url=https://example.com/retired?from=docs\">") == true)
        // Loops, missing targets and a javascript: URL lead nowhere: no page (lint reports them).
        #expect(site["loop-a.html"] == nil && site["gone.html"] == nil && site["script.html"] == nil)
    }

    @Test func withABaseURLTheCanonicalLinkIsAbsolute() throws {
        let content = try TemporaryContent(Self.files)
        let site = SiteLoader.load(root: content.url)
        let options = BuildOptions(contentRoot: content.url, output: content.url.appendingPathComponent("_out"), templates: RenderedSite.templates, baseURL: "https://docs.example.com/monitoring")
        let pages = RedirectPages(site: site, options: options).pages(taken: [])
        let old = try #require(pages.first { $0.outputPath == "guides/old.html" })
        let redirect = try #require(old.context["redirect"] as? [String: Any])
        #expect(redirect["canonical"] as? String == "https://docs.example.com/monitoring/current.html#install")
        #expect(redirect["url"] as? String == "../current.html#install")
    }

    @Test func linksToRedirectedPagesPointAtTheFinalTarget() throws {
        let site = try RenderedSite.build(Self.files)
        let body = Self.content(site["links.html"] ?? "")
        #expect(body.contains("<p><a href=\"current.html#install\">old</a> <a href=\"current.html#verify\">anchor</a> <a href=\"https://example.com/retired?from=docs\" class=\"external\" rel=\"noopener\">retired</a> <a href=\"loop-a.html\">loop</a> <a href=\"gone.html\">gone</a> <a href=\"script.html\">script</a></p>"))
        #expect(!(site["links.html"] ?? "").contains("javascript:"))
    }

    @Test func aRedirectionFileThatIsNotJSONLeavesTheRestOfTheSiteBuilt() throws {
        var files = Self.files
        files[".openpublishing.redirection.json"] = "{\"redirections\": [\n  {\"source_path\": \"a.md\"\n"
        let site = try RenderedSite.build(files)
        #expect(site["current.html"] != nil && site["links.html"] != nil && site["guides/old.html"] == nil)
    }

    /// The article body of a built page.
    private static func content(_ html: String) -> String {
        guard let start = html.range(of: "<div class=\"content\">\n"), let end = html.range(of: "\n</div>\n<nav class=\"pager\"", range: start.upperBound..<html.endIndex) else { return "" }
        return String(html[start.upperBound..<end.lowerBound])
    }
}
