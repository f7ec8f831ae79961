import DocgenCore
import DocgenMarkup
import DocgenTestSupport
import Testing

/// Large pages of one shape load completely (Benchmarks/scaling.py times them).
@Suite struct LargePageTests {
    @Test func splicesTwoThousandIncludesAndTheirNestedCodeSamples() throws {
        let page = "# A\n\n" + String(repeating: "[!INCLUDE [part](includes/part.md)]\n\n", count: 2_000)
            + String(repeating: "> Inline [!INCLUDE [part](includes/part.md)] here.\n", count: 1_000)
        let content = try TemporaryContent([
            "a.md": page,
            "includes/part.md": "Shared **text**.\n\n:::code language=\"bash\" source=\"run.sh\":::\n",
            "includes/run.sh": "echo hi\n",
        ])
        let document = try #require(SiteLoader.load(root: content.url).documents.first)
        var included = 0
        var samples = 0
        document.root.walk { node in
            if case .includedContent = node.kind { included += 1 }
            if case .codeSnippet(let snippet) = node.kind, snippet.resolvedCode == "echo hi" { samples += 1 }
            if case .include = node.kind { Issue.record("include left unexpanded at \(node.start!)") }
        }
        #expect(included == 3_000)
        #expect(samples == 2_000)
        #expect(document.problems.isEmpty)
    }

    @Test func readsAFrontMatterOfTenThousandKeys() throws {
        let keys = (0..<10_000).map { "key\($0): value \($0)\n" }.joined()
        let content = try TemporaryContent(["a.md": "---\ntitle: Many keys\n" + keys + "---\n# A\n"])
        let document = try #require(SiteLoader.load(root: content.url).documents.first)
        #expect(document.frontMatter.title == "Many keys")
        #expect(document.frontMatter.entry("key9999") != nil)
        #expect(document.problems.isEmpty)
    }
}
