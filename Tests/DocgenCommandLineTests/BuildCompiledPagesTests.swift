import DocgenCore
import DocgenEngine
import DocgenRender
import DocgenTestSupport
import Foundation
import Testing

/// `build` renders each page as it is read and drops its tree; the links that wait for the
/// whole site (Learn URL paths, redirects, uids) are written once it is loaded.
@Suite("build renders each page as it is read")
struct BuildCompiledPagesTests {
    static let files: [String: String] = [
        ".openpublishing.redirection.json": """
        {"redirections": [{"source_path": "guides/old.md", "redirect_url": "/docs/guides/current#install"}]}
        """,
        "docgen.yml": "site:\n  title: Contoso\n  learn-paths:\n    /docs/: \"\"\n",
        "index.md": "---\ntitle: Home\n---\n# Home\n\nStart with [the guide](/docs/guides/current).\n",
        "guides/current.md": "---\ntitle: Install the agent\nuid: guides.current\n---\n# Install the agent\n\n## Install\n\nRun it.\n",
        "includes/inc.md": "Read [from an include](/docs/guides/current#install) and <a href=\"/docs/guides/current\">raw from an include</a>.\n",
        "media/logo.png": "",
        "page.md": """
        ---
        title: Links that wait for the site
        ---
        # Links [to the guide](/docs/guides/current)

        See [current](/docs/guides/current#install "Current"), [elsewhere](/windows/other) and [old](guides/old.md).

        Uids: <xref:guides.current>, [the guide](xref:guides.current#install) and [unknown](xref:nothing.here).

        [![logo](/docs/media/logo.png)](/docs/guides/current) and ![local](media/logo.png)

        :::image type="content" source="media/logo.png" alt-text="Logo" link="/docs/guides/current":::

        <a href="/docs/guides/current">raw</a> <img src="/docs/media/logo.png" alt="raw">

        [!INCLUDE [inc](includes/inc.md)]

        """,
    ]

    @Test("Every output is what rendering whole trees gives, with every placeholder written")
    func sameAsWholeTrees() throws {
        let content = try TemporaryContent(Self.files)
        let output = content.url.deletingLastPathComponent().appendingPathComponent("docgen-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let options = BuildOptions(contentRoot: content.url, output: output, templates: try ServeFixtures.templates())
        let report = try SiteBuilder.build(options)
        #expect(report.pages == 2, "index.md is the home page")

        let whole = EmittedFiles()
        let site = SiteLoader.load(root: content.url)
        _ = SiteRenderer(site: site, templates: try TemplateSet(folder: options.templates), options: options).render { path, data in
            whole.add(path, data)
        }
        let expected = whole.all
        #expect(expected.count > 5)
        for (path, data) in expected {
            let built = try Data(contentsOf: output.appendingPathComponent(path))
            #expect(built == data, "\(path) differs from whole trees")
        }
        let page = try String(contentsOf: output.appendingPathComponent("page.html"), encoding: .utf8)
        #expect(!page.contains("dgpending"))
        #expect(page.contains("<a href=\"guides/current.html#install\" title=\"Current\">current</a>"))
        #expect(page.contains("Uids: <a href=\"guides/current.html\">Install the agent</a>, <a href=\"guides/current.html#install\">the guide</a> and <span class=\"xref\">unknown</span>."))
        #expect(page.contains("<a href=\"guides/current.html\"><img src=\"/docs/media/logo.png\" alt=\"logo\" loading=\"lazy\"></a>"))
        #expect(page.contains("<a href=\"guides/current.html#install\">old</a>"), "a link to a redirected page leads where the redirect does")
        #expect(page.contains("<a href=\"guides/current.html\">raw from an include</a>"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("media/logo.png").path), "an image beside a pending link is still copied")
        let beside = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(!beside.contains { $0.contains("docgen-articles") }, "the file the articles waited in is gone")
    }
}
