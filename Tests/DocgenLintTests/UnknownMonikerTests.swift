import DocgenCore
import DocgenLint
import DocgenTestSupport
import Testing

/// DG309 unknown-moniker: monikers the doc set's docfx.json groups do not declare.
@Suite struct UnknownMonikerTests {
    static let docfx = """
    {
      "build": {
        "content": [
          { "files": [ "**/*.md" ], "group": "latest", "src": "latest" },
          { "files": [ "**/*.md" ], "group": "lts", "src": "lts" }
        ],
        "groups": {
          "latest": { "moniker_range": "azure-cli-latest" },
          "lts": { "moniker_range": "azure-cli-lts || azure-cli-2020-09-01-hybrid" }
        }
      }
    }
    """

    @Test func reportsEachUndeclaredMonikerAtItsColumn() throws {
        let page = LintHarness.validFrontMatter + """
        # Versions

        ::: moniker range="azure-cli-latest || azure-cli-lastest"
        Text.
        ::: moniker-end

        ::: moniker range=">= azure-cli-2019"
        Text.
        ::: moniker-end

        """
        let files = ["docfx.json": Self.docfx, "latest/a.md": page]
        // `::: moniker range="` is 19 characters, `azure-cli-latest || ` 20 more.
        #expect(try LintHarness.findings(files, rules: [UnknownMoniker.self]) == ["latest/a.md:10:40 DG309", "latest/a.md:14:23 DG309"])
        let diagnostics = try LintHarness.diagnostics(files, rules: [UnknownMoniker.self])
        #expect(diagnostics.first?.message == "Moniker 'azure-cli-lastest' is not one the doc set declares in docfx.json groups; did you mean 'azure-cli-latest'?")
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func checksThePagesOwnMonikerRange() throws {
        let page = "---\ntitle: A page\nmonikerRange: 'azure-cli-lts || vs-2019'\n---\n# A page\n"
        #expect(try LintHarness.findings(["docfx.json": Self.docfx, "lts/a.md": page], rules: [UnknownMoniker.self]) == ["lts/a.md:3:33 DG309"])
    }

    @Test func checksNothingWhenTheDocSetDeclaresNoMonikers() throws {
        let page = LintHarness.validFrontMatter + "# Versions\n\n::: moniker range=\"vs-2019\"\nText.\n::: moniker-end\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [UnknownMoniker.self]).isEmpty)
    }

    @Test func reportsItsBadExampleAndNotItsGoodOne() throws {
        let metadata = UnknownMoniker.metadata
        func findings(_ example: String) throws -> [String] {
            try LintHarness.findings(["docfx.json": Self.docfx, "latest/a.md": LintHarness.validFrontMatter + example], rules: [UnknownMoniker.self])
        }
        #expect(try !findings(metadata.badExample).isEmpty)
        #expect(try findings(metadata.goodExample).isEmpty)
    }

    @Test func givesPagesOfAVersionGroupTheGroupsMonikers() throws {
        let content = try TemporaryContent(["docfx.json": Self.docfx, "lts/a.md": "# A\n", "latest/a.md": "# A\n"])
        let site = SiteLoader.load(root: content.url)
        let lts = try #require(site.document(at: "lts/a.md"))
        #expect(lts.frontMatter.string("monikerRange") == "azure-cli-lts || azure-cli-2020-09-01-hybrid")
        let monikers = PageMonikers(lts, in: site)
        #expect(monikers.ordered == ["azure-cli-latest", "azure-cli-lts", "azure-cli-2020-09-01-hybrid"])
        #expect(monikers.versions == ["azure-cli-lts", "azure-cli-2020-09-01-hybrid"])
    }
}
