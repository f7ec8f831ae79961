import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct EmptyLinkTests {
    @Test func reportsLinksWithoutDestination() throws {
        let page = LintHarness.validFrontMatter + """
        # A

        Scrape with [Prometheus]().
        Graph with [Grafana](<>).
        Back to [the start](#).

        """
        let findings = try LintHarness.diagnostics(["a.md": page], rules: [EmptyLink.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == [
            "a.md:10:13 DG103", "a.md:11:12 DG103", "a.md:12:9 DG103",
        ])
        #expect(findings.map(\.message) == [
            "Link 'Prometheus' has no destination; add the page or URL it should go to, or remove the link.",
            "Link 'Grafana' has no destination; add the page or URL it should go to, or remove the link.",
            "Link 'the start' points to '#', which goes nowhere; add the bookmark or page it should go to, or remove the link.",
        ])
    }

    @Test func reportsALinkWithoutTextOrDestination() throws {
        // The link is the last node of the file: see the known issue below.
        let page = LintHarness.validFrontMatter + "# A\n\nSee []()"
        let findings = try LintHarness.diagnostics(["a.md": page], rules: [EmptyLink.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["a.md:10:5 DG103"])
        #expect(findings.first?.message == "Link has no destination; add the page or URL it should go to, or remove the link.")
    }

    @Test func reportsALinkWithoutTextFollowedByMoreContent() throws {
        // A childless inline container must not end its paragraph early.
        let page = LintHarness.validFrontMatter + "# A\n\nSee []().\n\nMore text.\n"
        let findings = try LintHarness.findings(["a.md": page], rules: [EmptyLink.self])
        #expect(findings == ["a.md:10:5 DG103"])
    }

    @Test func reportsEmptyLinksInIncludedFilesAtTheIncludeFile() throws {
        let files = [
            "a.md": LintHarness.validFrontMatter + "# A\n\n[!INCLUDE [part](includes/part.md)]\n",
            "includes/part.md": "Intro.\n\n- See [later]().\n",
        ]
        #expect(try LintHarness.findings(files, rules: [EmptyLink.self]) == ["includes/part.md:3:7 DG103"])
    }

    @Test func staysQuietOnLinksWithADestination() throws {
        let page = LintHarness.validFrontMatter + "# A\n\n[a](b.md) [top](#top) [broken](#no-such-anchor) [ext](https://example.com) ![empty image]()\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [EmptyLink.self]).isEmpty)
    }
}
