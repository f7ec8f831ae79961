import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct HeadingIncrementTests {
    let page = LintHarness.validFrontMatter + """
    # Alerts

    ## Configure alerts

    #### Metric alerts

    ## Log alerts

    ##### Queries

    """

    @Test func reportsEachSkippedLevel() throws {
        #expect(try LintHarness.findings(["a.md": page], rules: [HeadingIncrement.self]) == ["a.md:12:1 DG311", "a.md:16:1 DG311"])
        let finding = try LintHarness.diagnostics(["a.md": page], rules: [HeadingIncrement.self]).first
        #expect(finding?.message == "H4 'Metric alerts' follows H2 'Configure alerts' and skips a level; make it an H3.")
        #expect(finding?.suggestion == "### Metric alerts")
    }

    @Test func staysQuietWhenLevelsGoDownOneAtATimeOrBackUp() throws {
        let page = LintHarness.validFrontMatter + "# A\n\n## B\n\n### C\n\n#### D\n\n## E\n\n### F\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [HeadingIncrement.self]).isEmpty)
    }

    @Test func ignoresHeadingsOfIncludedContent() throws {
        let files = [
            "a.md": LintHarness.validFrontMatter + "# A\n\n## B\n\n[!INCLUDE [x](includes/x.md)]\n\n### C\n",
            "includes/x.md": "#### Deep in the include\n\nText.\n",
        ]
        #expect(try LintHarness.findings(files, rules: [HeadingIncrement.self]).isEmpty)
    }
}
