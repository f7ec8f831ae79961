import DocgenCore
import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct ZoneSyntaxTests {
    @Test func reportsBadPivotsAndTargets() throws {
        let page = LintHarness.validFrontMatter + """
        # Zones

        :::zone pivot="Windows"
        Install with winget.
        :::zone-end

        :::zone target="web"
        Text.
        :::zone-end

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [ZoneSyntax.self]) == ["a.md:10:1 DG302", "a.md:14:1 DG302"])
        let messages = try LintHarness.diagnostics(["a.md": page], rules: [ZoneSyntax.self]).map(\.message)
        #expect(messages.last == "Unexpected zone target \"web\"; use docs, chromeless or pdf.")
    }

    @Test func reportsAZoneThatIsNeverClosedAsAWarning() throws {
        let page = LintHarness.validFrontMatter + "# Zones\n\n:::zone pivot=\"linux\"\nText.\n"
        let findings = try LintHarness.diagnostics(["a.md": page], rules: [ZoneSyntax.self])
        #expect(findings.map { "\($0.line):\($0.column) \($0.severity)" } == ["10:1 warning"])
    }

    @Test func staysQuietOnValidZones() throws {
        let page = LintHarness.validFrontMatter + "# Zones\n\n:::zone pivot=\"linux,macos\"\nText.\n:::zone-end\n\n:::zone target=\"docs\"\nMore.\n:::zone-end\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [ZoneSyntax.self]).isEmpty)
    }

    /// As on Learn, a `::: zone-end` indented less than four spaces closes the zone even right
    /// after a list item, where CommonMark would continue the item.
    @Test func aZoneEndIndentedAfterAListClosesTheZone() throws {
        let page = LintHarness.validFrontMatter + """
        # Start

        ::: zone pivot="python"
        To get started:
        1. Clone the repository.
        2. Open the notebook.
           ::: zone-end

        ::: zone pivot="csharp"
        - Open the solution.
          - Build it.
          ::: zone-end

        ::: zone pivot="python"

        - Import packages
        - Invoke

          ::: zone-end

          ::: zone pivot="java"

        - Import packages

          ::: zone-end

        ::: zone pivot="java"
        1. Run it:

           ::: zone pivot="java"
           Nested.
           ::: zone-end

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [ZoneSyntax.self]) == ["a.md:34:1 DG302"])
    }
}
