import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct TabGroupSyntaxTests {
    @Test func reportsADuplicateTabID() throws {
        let page = LintHarness.validFrontMatter + """
        # Tabs

        # [Linux](#tab/linux)

        Run the script.

        # [Linux again](#tab/linux)

        Run it again.

        ---

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [TabGroupSyntax.self]) == ["a.md:14:1 DG304"])
        #expect(try LintHarness.diagnostics(["a.md": page], rules: [TabGroupSyntax.self]).first?.message == "Duplicate tab id 'linux' in one tab group.")
    }

    @Test func reportsAGroupWithoutItsClosingLineAtTheFirstTab() throws {
        let page = LintHarness.validFrontMatter + "# Tabs\n\n# [Linux](#tab/linux)\n\nRun the script.\n\n# [Windows](#tab/windows)\n\nRun the installer.\n\n## Next steps\n\nText.\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [TabGroupSyntax.self]) == ["a.md:10:1 DG304"])
    }

    @Test func staysQuietOnAClosedGroup() throws {
        let page = LintHarness.validFrontMatter + "# Tabs\n\n# [Linux](#tab/linux)\n\nRun the script.\n\n# [Windows](#tab/windows)\n\nRun the installer.\n\n---\n\n## Next steps\n\nText.\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [TabGroupSyntax.self]).isEmpty)
    }
}
