@testable import DocgenRender
import DocgenCore
import DocgenTestSupport
import Testing

/// The site's name and the window title: docgen.yml's title, else docfx.json's `_appTitle`, with a
/// page's `titleSuffix` as Learn writes it.
@Suite struct SiteTitleTests {
    private static let docfx = """
    {"build": {"content": [{"files": ["**/*.md"]}],
      "globalMetadata": {"_appTitle": "Contoso Docs"},
      "fileMetadata": {"titleSuffix": {"arc/**/*.md": "Contoso Arc"}}}}
    """
    private static let files: [String: String] = [
        "docfx.json": docfx,
        "arc/overview.md": "---\ntitle: Overview\n---\n# Overview\n",
        "start.md": "---\ntitle: Start\ntitleSuffix: Getting started\n---\n# Start\n",
        "plain.md": "---\ntitle: Plain\n---\n# Plain\n",
    ]

    private static func windowTitle(_ html: String?) -> String {
        RenderedSite.element("title", in: html ?? "")
    }

    @Test func docfxAppTitleNamesTheSiteAndTitleSuffixFollowsThePageTitle() throws {
        let site = try RenderedSite.build(Self.files)
        #expect(Self.windowTitle(site["arc/overview.html"]) == "<title>Overview - Contoso Arc | Contoso Docs</title>")
        #expect(Self.windowTitle(site["start.html"]) == "<title>Start - Getting started | Contoso Docs</title>")
        #expect(Self.windowTitle(site["plain.html"]) == "<title>Plain | Contoso Docs</title>")
        #expect(site["plain.html"]?.contains("<span>Contoso Docs</span>") == true)
    }

    @Test func docgenYmlTitleWins() throws {
        var files = Self.files
        files["docgen.yml"] = "site:\n  title: Monitoring Kubernetes\n"
        let site = try RenderedSite.build(files)
        #expect(Self.windowTitle(site["plain.html"]) == "<title>Plain | Monitoring Kubernetes</title>")
    }

    @Test func withoutEitherTheSiteIsCalledDocumentation() throws {
        let site = try RenderedSite.build(["plain.md": "---\ntitle: Plain\n---\n# Plain\n"])
        #expect(Self.windowTitle(site["plain.html"]) == "<title>Plain | Documentation</title>")
    }
}
