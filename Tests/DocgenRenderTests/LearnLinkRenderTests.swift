@testable import DocgenRender
import DocgenCore
import DocgenTestSupport
import Testing

/// Root-relative Learn links in the built page: this doc set's own pages become relative links,
/// other doc sets' stay as written or, with `site.learn-host`, become absolute.
@Suite struct LearnLinkRenderTests {
    private static func body(_ files: [String: String], page: String) throws -> String {
        let content = try TemporaryContent(files)
        let site = SiteLoader.load(root: content.url)
        let document = try #require(site.document(at: page))
        return HTMLRenderer.render(document, files: site.files).bodyHTML
    }

    private static let files: [String: String] = [
        "articles/arc/overview.md": "---\ntitle: Arc\n---\n# Arc\n\n## Install\n",
        "articles/arc/agent.md": "---\ntitle: Agent\n---\n# Agent\n",
        "articles/arc/more.md": "---\ntitle: More\n---\n# More\n",
        "articles/quotas/about.md": "---\ntitle: Quotas\n---\n# Quotas\n\n[Arc](/azure/arc/overview#install) [Agent](/azure/arc/agent) [More](/azure/arc/more/) [Windows](/windows/about)\n",
    ]

    @Test func ownPagesBecomeRelativeLinksOthersStayAsWritten() throws {
        let html = try Self.body(Self.files, page: "articles/quotas/about.md")
        #expect(html == "<p><a href=\"../arc/overview.html#install\">Arc</a> <a href=\"../arc/agent.html\">Agent</a> <a href=\"../arc/more.html\">More</a> <a href=\"/windows/about\">Windows</a></p>\n")
    }

    @Test func aLearnHostMakesOtherDocSetsAbsolute() throws {
        var files = Self.files
        files["docgen.yml"] = "site:\n  learn-host: https://learn.microsoft.com\n"
        let html = try Self.body(files, page: "articles/quotas/about.md")
        #expect(html.contains("<a href=\"https://learn.microsoft.com/windows/about\" class=\"external\" rel=\"noopener\">Windows</a>"))
        #expect(html.contains("<a href=\"../arc/agent.html\">Agent</a>"))
    }
}
