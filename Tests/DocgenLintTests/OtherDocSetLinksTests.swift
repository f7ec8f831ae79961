import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct OtherDocSetLinksTests {
    private let links = LintHarness.validFrontMatter + "# Links\n\nSee [Windows](/windows/about) and [.NET](/dotnet/core/).\n"

    @Test func notesOnceAtTheFirstLinkWithoutALearnHost() throws {
        let diagnostics = try LintHarness.diagnostics(["a.md": links, "b.md": links], rules: [OtherDocSetLinks.self])
        #expect(diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID) \($0.severity)" } == ["a.md:10:5 DG109 note"])
        #expect(diagnostics.first?.message.hasPrefix("4 links in 2 files lead to other Learn doc sets (/windows/, /dotnet/...)") == true)
    }

    @Test func saysNothingWhenDocgenYAMLNamesTheHost() throws {
        let files = ["docgen.yml": "site:\n  learn-host: https://learn.microsoft.com\n", "a.md": links]
        #expect(try LintHarness.findings(files, rules: [OtherDocSetLinks.self]).isEmpty)
    }
}
