import DocgenLint
import DocgenMarkup
import DocgenTestSupport
import Testing

/// table-syntax: a delimiter row with another number of cells than its header row, which GFM
/// shows as text; the fix gives it the header's cells.
@Suite struct TableSyntaxTests {
    @Test func reportsADelimiterRowShorterThanItsHeaderAndFixesIt() throws {
        let fixture = MarkedFixture(["a.md": LintHarness.validFrontMatter + """
            # Resources

            | Container | Minimum CPU | Maximum CPU |
            1️⃣| :-- | --: |2️⃣
            | `agent` | 5 m | 50 m |

            """])
        let findings = try LintHarness.diagnostics(fixture.files, rules: [TableSyntax.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == [fixture.finding("1️⃣", "DG307")])
        #expect(findings.first?.message == "This table's delimiter row has 2 cells and its header row 3, so the table is shown as text; give the delimiter row 3 cells.")
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.fixes == [Fix("Give the delimiter row 3 cells", replacing: fixture.span("1️⃣", "2️⃣"), with: "| :-- | --: | --- |")])
        let fixed = try LintHarness.fixed(fixture.files, rules: [TableSyntax.self]).files["a.md"]
        #expect(fixed?.contains("| Container | Minimum CPU | Maximum CPU |\n| :-- | --: | --- |\n| `agent` | 5 m | 50 m |\n") == true)
        #expect(try LintHarness.findings(["a.md": try #require(fixed)], rules: [TableSyntax.self]).isEmpty)
    }

    @Test func dropsTheCellsADelimiterRowHasBeyondItsHeaderWithoutOuterPipes() throws {
        let fixture = MarkedFixture(["a.md": LintHarness.validFrontMatter + "# Tools\n\n> **Tool** | Supported\n> 1️⃣--- | --- | ---\n> Azure CLI | Yes\n"])
        let findings = try LintHarness.diagnostics(fixture.files, rules: [TableSyntax.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == [fixture.finding("1️⃣", "DG307")])
        #expect(findings.first?.fixes.first?.edits.first?.replacement == "--- | ---")
    }

    @Test func staysQuietOnTablesAndOnLinesThatOnlyLookLikeOne() throws {
        let page = LintHarness.validFrontMatter + """
            # Tables

            | a | b \\| c |
            |---|---|
            | 1 | 2 |

            A paragraph without pipes
            | --- | --- |

            ```
            | a | b | c |
            | --- | --- |
            ```

            """
        #expect(try LintHarness.findings(["a.md": page], rules: [TableSyntax.self]).isEmpty)
    }

    @Test func theLastRowOfSuchATableIsNotReadAsACutOffSentence() throws {
        let page = LintHarness.validFrontMatter + "# Resources\n\n| Container name | Minimum CPU | Maximum CPU |\n| --- | --- |\n| `helm-controller` | 100 m | 1,000 m |\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [TableSyntax.self, TruncatedSentence.self]) == ["a.md:11:1 DG307"])
    }
}
