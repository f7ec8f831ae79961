import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct MalformedLinkPathTests {
    /// The body starts on line 8.
    static let page = LintHarness.validFrontMatter + #"""
    See [a](..\a.md).
    See [a](..//a.md#x//y).
    See [page](<my page.md>).
    ![Nodes](<media\node view.png>)
    See [aks](/azure//aks).

    :::image type="content" source="media\nodes.png" alt-text="Nodes":::

    """#

    @Test func reportsBackslashesDoubledSlashesAndSpaces() throws {
        let findings = try LintHarness.diagnostics(["docs/page.md": Self.page], rules: [MalformedLinkPath.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == [
            "docs/page.md:8:5 DG104", "docs/page.md:9:5 DG104", "docs/page.md:10:5 DG104", "docs/page.md:11:1 DG104",
            "docs/page.md:12:5 DG104", "docs/page.md:14:1 DG104",
        ])
        #expect(findings.map(\.message) == [
            #"Link path '..\a.md' uses backslashes; write it as '../a.md'."#,
            "Link path '..//a.md#x//y' has a doubled slash; write it as '../a.md#x//y'.",
            "Link path 'my page.md' has an unencoded space; write it as 'my%20page.md'.",
            #"Image path 'media\node view.png' uses backslashes and has an unencoded space; write it as 'media/node%20view.png'."#,
            "Link path '/azure//aks' has a doubled slash; write it as '/azure/aks'.",
            #"Image path 'media\nodes.png' uses backslashes; write it as 'media/nodes.png'."#,
        ])
        #expect(findings.map(\.suggestion) == ["../a.md", "../a.md#x//y", "my%20page.md", "media/node%20view.png", "/azure/aks", "media/nodes.png"])
        #expect(findings.allSatisfy { $0.severity == .warning })
    }

    @Test func staysQuietOnWellFormedPathsAndExternalURLs() throws {
        let page = LintHarness.validFrontMatter + """
        [a](../a.md) [b](a%20b.md) [c](<https://example.com/a b//c>) [d](//cdn.example.com//a.png)
        [e](#a//b) [f](/azure/aks/intro) [g](a.md?x=a//b) [h](mailto:someone@example.com) [i]()

        """
        #expect(try LintHarness.findings(["docs/page.md": page], rules: [MalformedLinkPath.self]).isEmpty)
    }

    /// cmark-gfm keeps counting columns on the first line after a backslash line break.
    @Test func reportsTheLinksOwnLineInAParagraphHardWrappedWithBackslashes() throws {
        let page = LintHarness.validFrontMatter + "# Links\n\nFirst line with text\\\nsecond line [bad](a\\\\b.md) here\\\nthird [two](c//d.md).\n\n> Quoted line\\\n> then [x](e\\\\f.md).\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [MalformedLinkPath.self]) == ["a.md:11:13 DG104", "a.md:12:7 DG104", "a.md:15:8 DG104"])
    }
}
