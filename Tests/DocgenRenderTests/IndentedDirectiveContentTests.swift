import DocgenCore
import DocgenLint
import DocgenRender
import DocgenTestSupport
import Testing

/// Content inside row, column, zone and moniker blocks is Markdown at any indentation, as on
/// Learn; positions in it stay the file's.
@Suite struct IndentedDirectiveContentTests {
    private static let page = """
    ---
    title: A
    ---
    # A

    :::row:::
        :::column span="2":::
            **Bold** text in a column, with a [link](gone.md).

                Indented four more: code.
        :::column-end:::
        :::column:::
    Text at the margin.
        :::column-end:::
    :::row-end:::
    """

    @Test func rendersIndentedContentAsMarkdown() throws {
        let content = try TemporaryContent(["a.md": Self.page])
        let site = SiteLoader.load(root: content.url)
        let html = HTMLRenderer.render(try #require(site.document(at: "a.md")), files: site.files).bodyHTML
        #expect(html == """
        <section class="row">
        <div class="column span2">
        <p><strong>Bold</strong> text in a column, with a <a href="gone.html">link</a>.</p>
        <pre><code>Indented four more: code.</code></pre>
        </div>
        <div class="column">
        <p>Text at the margin.</p>
        </div>
        </section>

        """)
    }

    @Test func findingsInIndentedContentKeepTheFilesColumns() throws {
        let diagnostics = try LintHarness.diagnostics(["a.md": Self.page], rules: [BrokenLink.self])
        #expect(diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["a.md:8:43 DG101"])
    }
}
