import DocgenCore
import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct CodeSnippetNotFoundTests {
    let page = LintHarness.validFrontMatter + "# Samples\n\nCreate the cluster:\n\n:::code language=\"bash\" source=\"samples/create-cluster.sh\":::\n"

    @Test func reportsAMissingSampleFile() throws {
        #expect(try LintHarness.findings(["a.md": page], rules: [CodeSnippetNotFound.self]) == ["a.md:12:1 DG306"])
        let finding = try LintHarness.diagnostics(["a.md": page], rules: [CodeSnippetNotFound.self]).first
        #expect(finding?.message == "Code sample 'samples/create-cluster.sh' does not exist.")
        #expect(finding?.severity == .warning)
    }

    @Test func staysQuietWhenTheSampleExists() throws {
        let files = ["a.md": page, "samples/create-cluster.sh": "az aks create\n"]
        #expect(try LintHarness.findings(files, rules: [CodeSnippetNotFound.self]).isEmpty)
    }
}
