import DocgenCore
import DocgenLint
import DocgenTestSupport
import Testing

/// Malformed `::: moniker` blocks are DG301 directive-syntax findings at the place that is wrong.
@Suite struct MonikerSyntaxTests {
    @Test func reportsAnUnreadableRangeAtTheCharacterWhereReadingStopped() throws {
        let page = LintHarness.validFrontMatter + """
        # Versions

        ::: moniker range="vs-2019 ||"
        Text.
        ::: moniker-end

        ::: moniker range=">= "
        Text.
        ::: moniker-end

        """
        // Line 10: `::: moniker range="` is 19 characters, then `vs-2019 ` is 8: the `||` is column 28.
        #expect(try LintHarness.findings(["a.md": page], rules: [DirectiveSyntax.self]) == ["a.md:10:28 DG301", "a.md:14:20 DG301"])
        let messages = try LintHarness.diagnostics(["a.md": page], rules: [DirectiveSyntax.self]).map(\.message)
        #expect(messages.first?.hasPrefix("Invalid moniker range \"vs-2019 ||\": '||' needs a moniker after it;") == true)
    }

    @Test func reportsANestedBlockAndOneNeverClosed() throws {
        let page = LintHarness.validFrontMatter + """
        # Versions

        ::: moniker range="vs-2022"
          ::: moniker range="vs-2019"
          Nested.
          ::: moniker-end
        ::: moniker-end

        ::: moniker range="vs-2022"
        Never closed.

        """
        let diagnostics = try LintHarness.diagnostics(["a.md": page], rules: [DirectiveSyntax.self])
        #expect(diagnostics.map { "\($0.line):\($0.column) \($0.ruleID) \($0.severity)" } == ["11:3 DG301 error", "16:1 DG301 warning"])
        #expect(diagnostics.last?.message == ":::moniker is never closed; add '::: moniker-end' after its content.")
    }

    @Test func reportsAMissingRangeAndAStrayEnd() throws {
        let page = LintHarness.validFrontMatter + "# Versions\n\n::: moniker\nText.\n\n::: moniker-end\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [DirectiveSyntax.self]) == ["a.md:10:1 DG301", "a.md:13:1 DG301"])
    }

    @Test func staysQuietOnValidBlocks() throws {
        let page = LintHarness.validFrontMatter + """
        # Versions

        ::: moniker range=">= vs-2019 < vs-2022 || vs-2017"
        Text.
        ::: moniker-end

        :::moniker range="vs-2022"
        - A list.
        :::moniker-end

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [DirectiveSyntax.self]).isEmpty)
    }
}
