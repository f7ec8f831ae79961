import DocgenLint
import DocgenTestSupport
import Testing

/// The team's markdownlint settings for the rules docgen shares with markdownlint.
@Suite struct MarkdownlintSettingsTests {
    /// Line 10 skips a level, line 14 repeats line 10's text at another level, line 16 has an empty
    /// link and line 18 is a second H1.
    static let page = LintHarness.validFrontMatter + """
    # Title

    ### Setup

    Text.

    ## Part

    ## setup

    See [nothing]().

    # Second

    """
    static let rules: [any LintRule.Type] = [HeadingIncrement.self, DuplicateHeading.self, EmptyLink.self, SingleH1.self]

    @Test func withoutMarkdownlintConfigurationEveryRuleRunsWithItsDefaults() throws {
        #expect(try LintHarness.findings(["a.md": Self.page], rules: Self.rules) == ["a.md:10:1 DG311", "a.md:18:5 DG103", "a.md:20:1 DG310"])
    }

    @Test func honoursWhatTheTeamDecidedInJSONC() throws {
        let config = """
        {
          "default": true, // every rule on
          "MD001": false,
          "no-duplicate-heading": { "siblings_only": false },
          /* links are checked elsewhere */
          "MD042": false,
        }
        """
        let files = ["a.md": Self.page, ".markdownlint.jsonc": config]
        #expect(try LintHarness.findings(files, rules: Self.rules) == ["a.md:16:1 DG313", "a.md:20:1 DG310"])
    }

    @Test func docgenYmlOverridesMarkdownlint() throws {
        let files = [
            "a.md": Self.page,
            ".markdownlint.yaml": "default: false\nMD025: true\n",
            "docgen.yml": "lint:\n  rules:\n    DG311: warning\n",
        ]
        // default: false turns off duplicate-heading and empty-link; MD025 keeps single-h1; docgen.yml keeps heading-increment.
        #expect(try LintHarness.findings(files, rules: Self.rules) == ["a.md:10:1 DG311", "a.md:20:1 DG310"])
    }

    @Test func readsTheConfigOfMarkdownlintCli2() throws {
        let files = ["a.md": Self.page, ".markdownlint-cli2.jsonc": #"{ "config": { "MD025": false, "single-title": false } }"#]
        #expect(try LintHarness.findings(files, rules: Self.rules) == ["a.md:10:1 DG311", "a.md:18:5 DG103"])
    }

    @Test func aRepositoryLintedFromItsRootUsesItsDocSetsSettings() throws {
        // `docgen lint .` at a repository whose doc set, docfx.json and .markdownlint.json are in docs/.
        let files = [
            "docs/docfx.json": #"{ "build": { "content": [ { "files": ["**/*.md"] } ] } }"#,
            "docs/.markdownlint.json": #"{ "MD001": false, "MD025": false }"#,
            "docs/a.md": Self.page,
        ]
        #expect(try LintHarness.findings(files, rules: Self.rules) == ["docs/a.md:18:5 DG103"])
    }
}

@Suite struct MarkdownlintLinkFragmentsTests {
    /// MD051 checks bookmarks within a page only: turning it off keeps broken-anchor's checks of
    /// links to other pages.
    @Test func md051OffLeavesOtherPagesBookmarksChecked() throws {
        let files = [
            ".markdownlint.json": "{ \"MD051\": false }",
            "a.md": LintHarness.validFrontMatter + "# A\n\n[Here](#nowhere) and [there](b.md#nowhere).\n",
            "b.md": LintHarness.validFrontMatter + "# B\n",
        ]
        #expect(try LintHarness.findings(files, rules: [BrokenAnchor.self]) == ["a.md:10:22 DG102"])
        var all = files
        all[".markdownlint.json"] = "{}"
        #expect(try LintHarness.findings(all, rules: [BrokenAnchor.self]) == ["a.md:10:1 DG102", "a.md:10:22 DG102"])
    }
}
