import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct AlertSyntaxTests {
    @Test func reportsTextAfterTheMarkerAndUnknownTypes() throws {
        let page = LintHarness.validFrontMatter + """
        # Alerts

        > [!NOTE] Restart the node.

        > [!DANGER]
        > Text.

        > [!VIDEO not-a-url]

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [AlertSyntax.self]) == ["a.md:10:3 DG303", "a.md:12:3 DG303", "a.md:15:3 DG303"])
        let messages = try LintHarness.diagnostics(["a.md": page], rules: [AlertSyntax.self]).map(\.message)
        #expect(messages[1] == "Unknown alert type [!DANGER]; use NOTE, TIP, IMPORTANT, CAUTION or WARNING.")
        #expect(try LintHarness.diagnostics(["a.md": page], rules: [AlertSyntax.self]).allSatisfy { $0.severity == .warning })
    }

    @Test func staysQuietOnWellFormedAlerts() throws {
        let page = LintHarness.validFrontMatter + "# Alerts\n\n> [!NOTE]\n> Restart the node.\n\n> [!warning]\n> Case does not matter.\n\n> A plain quote.\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [AlertSyntax.self]).isEmpty)
    }
}
