import DocgenCore
import DocgenLint
import DocgenRender
import DocgenTestSupport
import Testing

/// DocFX's older `[!code-<lang>[title](path...)]` code include renders like `:::code`.
@Suite struct LegacyCodeIncludeTests {
    private static let program = """
    using System;
    class Program {
        // <Main>
        static void Main() {
            Console.WriteLine("Hello");
        }
        // </Main>
    }
    """

    private static func body(_ markdown: String) throws -> String {
        let content = try TemporaryContent(["a.md": "---\ntitle: A\n---\n# A\n\n" + markdown, "src/Program.cs": program])
        let site = SiteLoader.load(root: content.url)
        let document = try #require(site.document(at: "a.md"))
        return HTMLRenderer.render(document, files: site.files).bodyHTML
    }

    @Test(arguments: [
        ("[!code-csharp[Main](src/Program.cs#L4-L6)]", "static void Main() {\n    Console.WriteLine(&quot;Hello&quot;);\n}"),
        ("[!code-csharp[Main](src/Program.cs#Main)]", "static void Main() {\n    Console.WriteLine(&quot;Hello&quot;);\n}"),
        ("[!code-csharp[Main](src/Program.cs?name=Main&highlight=2)]", "static void Main() {\n    Console.WriteLine(&quot;Hello&quot;);\n}"),
        ("[!code-csharp[Main](src/Program.cs?range=1-1 \"The first line\")]", "using System;"),
    ])
    func rendersTheSelectedLines(markdown: String, code: String) throws {
        let html = try Self.body(markdown + "\n")
        #expect(html.contains("<code class=\"lang-csharp\">\(code)</code>"), "\(html)")
        #expect(!html.contains("[!code"))
    }

    @Test func aMissingFileOrRegionIsAFindingAtItsLine() throws {
        let files = [
            "a.md": LintHarness.validFrontMatter + "# A\n\n[!code-cs[Main](src/Gone.cs)]\n\n[!code-cs[Main](src/Program.cs#Missing)]\n",
            "src/Program.cs": Self.program,
        ]
        let diagnostics = try LintHarness.diagnostics(files, rules: [CodeSnippetNotFound.self])
        #expect(diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["a.md:10:1 DG306", "a.md:12:1 DG306"])
        #expect(diagnostics.last?.message == "Code sample 'src/Program.cs' has no region 'Missing'; mark it with '// <Missing>' ... '// </Missing>' or '#region Missing', or fix the name.")
    }
}
