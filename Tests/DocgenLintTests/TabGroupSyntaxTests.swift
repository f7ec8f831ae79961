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

    @Test func staysQuietOnDependentTabsAndUnendedGroupsThatSwallowNoSection() throws {
        let page = LintHarness.validFrontMatter + """
        # Tabs

        # [Azure CLI](#tab/azure-cli/service-managed)

        Service-managed keys.

        # [Azure CLI](#tab/azure-cli/customer-managed)

        Customer-managed keys.

        ---

        1. Install the tools:

           ### [Bash](#tab/bash)

           Run the script.

           ### [PowerShell](#tab/powershell)

           Run the cmdlet.

        1. Sign in.

        # [Linux](#tab/linux)

        Run the script.

        # [Windows](#tab/windows)

        Run the installer.

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [TabGroupSyntax.self]).isEmpty)
    }
}
