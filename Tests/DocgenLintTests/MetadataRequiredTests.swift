import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct MetadataRequiredTests {
    @Test func reportsEachMissingKeyAtTheFrontMatter() throws {
        let page = "---\ntitle: Nodes\nauthor: octocat\n---\n# Nodes\n"
        let findings = try LintHarness.diagnostics(["a.md": page], rules: [MetadataRequired.self])
        #expect(findings.map { "\($0.line):\($0.column) \($0.ruleID)" } == ["1:1 DG001", "1:1 DG001", "1:1 DG001"])
        #expect(findings.map(\.message).contains("Front matter is missing 'ms.date'; add 'ms.date: ...'."))
    }

    @Test func reportsAnEmptyValueAtItsKey() throws {
        let page = LintHarness.validFrontMatter.replacingOccurrences(of: "author: octocat", with: "author:")
        #expect(try LintHarness.findings(["a.md": page + "# A\n"], rules: [MetadataRequired.self]) == ["a.md:5:1 DG001"])
    }

    @Test func reportsAPageWithoutFrontMatterOnce() throws {
        #expect(try LintHarness.findings(["a.md": "# A\n\nText.\n"], rules: [MetadataRequired.self]) == ["a.md:1:1 DG001"])
    }

    @Test func staysQuietOnCompleteFrontMatter() throws {
        #expect(try LintHarness.findings(["a.md": LintHarness.validFrontMatter + "# A\n"], rules: [MetadataRequired.self]).isEmpty)
    }

    @Test func readsTheRequiredKeysFromConfiguration() throws {
        let files = [
            "docgen.yml": "lint:\n  rules:\n    metadata-required:\n      required-metadata: [title, ms.topic]\n",
            "a.md": LintHarness.validFrontMatter + "# A\n",
        ]
        #expect(try LintHarness.findings(files, rules: [MetadataRequired.self]) == ["a.md:1:1 DG001"])
    }
}
