import DocgenCore
import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct DirectiveSyntaxTests {
    // Line 8 is the first body line after LintHarness.validFrontMatter.
    let page = LintHarness.validFrontMatter + """
    # Directives

    :::imgae source="a.png" alt-text="A":::

    :::row-end:::

    :::row:::
    :::column:::
    Text.
    :::column-end:::

    """

    @Test func reportsUnknownStrayAndUnclosedDirectives() throws {
        #expect(try LintHarness.findings(["a.md": page], rules: [DirectiveSyntax.self]) == ["a.md:10:1 DG301", "a.md:12:1 DG301", "a.md:14:1 DG301"])
    }

    @Test func explainsTheUnknownNameAndKeepsTheParserSeverity() throws {
        let findings = try LintHarness.diagnostics(["a.md": page], rules: [DirectiveSyntax.self])
        #expect(findings.first?.message.hasPrefix("Unknown directive ':::imgae'") == true)
        // A directive that is never closed is a warning even though the rule's default is error.
        #expect(findings.map(\.severity) == [.error, .error, .warning])
        #expect(findings.last?.message == ":::row is never closed; add ':::row-end:::' after its content.")
    }

    @Test func leavesZoneProblemsToZoneSyntax() throws {
        let page = LintHarness.validFrontMatter + "# Zones\n\n:::zone pivot=\"Windows\"\nText.\n:::zone-end\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [DirectiveSyntax.self]).isEmpty)
    }

    @Test func staysQuietOnWellFormedDirectives() throws {
        let page = LintHarness.validFrontMatter + "# Rows\n\n:::row:::\n   :::column span=\"2\":::\n   Text.\n   :::column-end:::\n:::row-end:::\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [DirectiveSyntax.self]).isEmpty)
    }
}
