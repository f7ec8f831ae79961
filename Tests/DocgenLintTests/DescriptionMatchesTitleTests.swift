import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct DescriptionMatchesTitleTests {
    @Test func reportsADescriptionThatRepeatsTheTitle() throws {
        let page = "---\ntitle: Monitor nodes\nauthor: octocat\ndescription: \"  monitor NODES \"\n---\n# Monitor nodes\n"
        let findings = try LintHarness.diagnostics(["a.md": page], rules: [DescriptionMatchesTitle.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["a.md:4:1 DG005"])
        #expect(findings.first?.message == "Description repeats the title 'Monitor nodes'; describe what the reader learns or does on the page.")
    }

    @Test func staysQuietOnADescriptionThatSaysMore() throws {
        let page = "---\ntitle: Monitor nodes\ndescription: Monitor nodes with metrics and logs\n---\n# Monitor nodes\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [DescriptionMatchesTitle.self]).isEmpty)
        #expect(try LintHarness.findings(["b.md": LintHarness.validFrontMatter + "# B\n"], rules: [DescriptionMatchesTitle.self]).isEmpty)
    }

    @Test func staysQuietWithoutATitleOrDescription() throws {
        #expect(try LintHarness.findings(["a.md": "---\ndescription: Monitor nodes\n---\n# Monitor nodes\n"], rules: [DescriptionMatchesTitle.self]).isEmpty)
        #expect(try LintHarness.findings(["a.md": "---\ntitle: Monitor nodes\n---\n# Monitor nodes\n"], rules: [DescriptionMatchesTitle.self]).isEmpty)
    }
}
