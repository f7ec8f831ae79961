import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct LinkCaseMismatchTests {
    static let files = [
        "docs/alerts.md": LintHarness.validFrontMatter + "# Alerts\n",
        "docs/index.md": LintHarness.validFrontMatter + "# Docs\n\nSee [alerts](Alerts.md#setup) and [alerts](./alerts.md).\n",
        "other/page.md": LintHarness.validFrontMatter + "See [alerts](../Docs/Alerts.md) or [alerts](~/DOCS/alerts.md?view=1).\n",
    ]

    @Test func reportsTheRightSpellingOfTheTarget() throws {
        let findings = try LintHarness.diagnostics(Self.files, rules: [LinkCaseMismatch.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == [
            "docs/index.md:10:5 DG105", "other/page.md:8:5 DG105", "other/page.md:8:36 DG105",
        ])
        #expect(findings.first?.message == "Link target 'Alerts.md#setup' does not match the letter case of the file 'docs/alerts.md'; write it as 'alerts.md#setup'.")
        #expect(findings.map(\.suggestion) == ["alerts.md#setup", "../docs/alerts.md", "~/docs/alerts.md?view=1"])
    }

    @Test func leavesMissingFilesAndImagesToOtherRules() throws {
        let files = [
            "a.md": LintHarness.validFrontMatter + "[gone](missing.md) ![Nodes](media/Nodes.png) [ok](media/nodes.png)\n",
            "media/nodes.png": "png",
        ]
        #expect(try LintHarness.findings(files, rules: [LinkCaseMismatch.self]).isEmpty)
    }

    @Test func staysQuietOnCorrectlySpelledLinks() throws {
        var files = Self.files
        files["docs/index.md"] = LintHarness.validFrontMatter + "[a](alerts.md) [b](../docs/alerts.md#x) [c](~/docs/alerts.md) [d](./)\n"
        files["other/page.md"] = LintHarness.validFrontMatter + "[a](../docs/alerts.md)\n"
        #expect(try LintHarness.findings(files, rules: [LinkCaseMismatch.self]).isEmpty)
    }
}
