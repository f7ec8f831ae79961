import DocgenCore
import DocgenTestSupport
import Testing

/// `~/` in a link stands for the doc set's folder (the one holding its docfx.json), in the built
/// page as in lint's checks: DocFX resolves it so.
@Suite struct TildeLinkRenderTests {
    @Test func aTildeLinkLeadsIntoTheDocSetsFolder() throws {
        let site = try RenderedSite.build([
            "docs/docfx.json": #"{"build": {"content": [{"files": ["**/*.md"]}]}}"#,
            "docs/a.md": "---\ntitle: A\n---\n# A\n\nSee [the other page](~/guide/b.md#setup) and ![a diagram](~/media/flow.png).\n",
            "docs/guide/b.md": "---\ntitle: B\n---\n# B\n\n## Setup\n",
            "docs/media/flow.png": "",
        ])
        let html = try #require(site["docs/a.html"])
        #expect(html.contains(#"<a href="guide/b.html#setup">the other page</a>"#))
        #expect(html.contains(#"src="media/flow.png""#))
    }
}
