import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct YAMLPageErrorTests {
    @Test func reportsAPageThatDoesNotParseAndEachUnsupportedTypeOnce() throws {
        let diagnostics = try LintHarness.diagnostics([
            "index.yml": "### YamlMime:Landing\ntitle: Fine\n",
            "faq.yml": "### YamlMime:FAQ\ntitle: Broken\nsections: [\n",
            "unit-1.yml": "### YamlMime:ModuleUnit\n",
            "unit-2.yml": "### YamlMime:ModuleUnit\n",
        ], rules: [YAMLPageError.self])
        #expect(diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID) \($0.severity)" } == [
            "faq.yml:4:1 DG010 error",
            "unit-1.yml:1:1 DG010 note",
        ])
    }
}
