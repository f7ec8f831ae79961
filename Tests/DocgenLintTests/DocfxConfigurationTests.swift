import DocgenCore
import DocgenLint
import DocgenTestSupport
import Testing

/// docfx.json, `.openpublishing.*.json` and HTML anchors read as Learn's build reads them.
@Suite struct DocfxConfigurationTests {
    static func page(_ title: String, date: String = "11/20/2026", extra: String = "") -> String {
        "---\ntitle: \(title)\ndescription: A description long enough to satisfy the metadata rules, explaining what the page covers.\nms.date: \(date)\n\(extra)---\n\n# \(title)\n\nText.\n"
    }

    @Test func globsMatchAsDocfxMatchesThem() {
        #expect(DocfxGlob("atl/**.md").matches("atl/a.md"))
        #expect(DocfxGlob("atl/**.md").matches("atl/x/y/a.md"))
        #expect(!DocfxGlob("atl/**.md").matches("other/atl/a.md"))
        #expect(!DocfxGlob("atl/**.md").matches("atl/a.yml"))
        #expect(DocfxGlob("ATL/**/*.MD").matches("atl/b/a.md"))
        #expect(DocfxGlob("docs-ref-autogen/*/latest/**").matches("docs-ref-autogen/Latest-version/latest/az/vm.md"))
        #expect(!DocfxGlob("docs-ref-autogen/*/latest/**").matches("docs-ref-autogen/a/b/latest/vm.md"))
        #expect(DocfxGlob("**/*.md").matches("a.md"))
        #expect(!DocfxGlob("**/*.md").matches(".github/a.md"))
        #expect(DocfxGlob("{a,b}/*.md").matches("b/x.md"))
        #expect(!DocfxGlob("{a,b}/*.md").matches("c/x.md"))
        #expect(DocfxGlob("!a/**").matches("b/x.md"))
        #expect(DocfxGlob("a/fi?e[0-9].md").matches("a/file7.md"))
        #expect(DocfxGlob("a**.md").matches("abc.md"))
        #expect(!DocfxGlob("a**.md").matches("a/bc.md"))
    }

    @Test func lintingTheRepositoryRootAppliesTheDocsetsDocfxJSON() throws {
        let docfx = """
        {"build": {"content": [{"files": ["**/*.md"], "exclude": ["README.md"]}],
          "globalMetadata": {"author": "octocat"},
          "fileMetadata": {"ms.author": {"atl/**.md": "octo", "atl/old/**.md": "old"}}}}
        """
        let files = [
            "README.md": "# Repository\n",
            "docs/docfx.json": docfx,
            "docs/README.md": "# Docs readme\n",
            "docs/atl/a.md": Self.page("A"),
            "docs/atl/b/c.md": Self.page("C"),
            "docs/other.md": Self.page("Other"),
        ]
        // Only docs/other.md lacks ms.author; the READMEs are not published, so not pages.
        #expect(try LintHarness.findings(files, rules: [MetadataRequired.self]) == ["docs/other.md:1:1 DG001"])
    }

    @Test func lastMatchingFileMetadataGlobWins() throws {
        let docfx = #"{"build": {"fileMetadata": {"ms.update-cycle": {"**/*.md": "30-days", "legacy/**.md": "3650-days"}}}}"#
        let files = [
            "docfx.json": docfx,
            "legacy/a.md": Self.page("A", date: "01/15/2019"),
            "b.md": Self.page("B", date: "09/01/2026"),
        ]
        let findings = try LintHarness.diagnostics(files, rules: [MsDateStale.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["b.md:4:1 DG003"])
        #expect(findings.first?.message == "ms.date 09/01/2026 is 83 days old, more than its ms.update-cycle of 30 days; review the page and update ms.date.")
    }

    @Test func updateCycleInFrontMatterReplacesTheDefaultAge() throws {
        let files = [
            "a.md": Self.page("A", date: "01/15/2019", extra: "ms.update-cycle: 3650-days\n"),
            "b.md": Self.page("B", date: "01/15/2019"),
        ]
        #expect(try LintHarness.findings(files, rules: [MsDateStale.self]) == ["b.md:4:1 DG003"])
    }

    @Test func samePageInTwoVersionGroupsIsNotADuplicateTitle() throws {
        let docfx = """
        {"build": {"content": [
          {"files": ["**/*.md"], "group": "latest", "src": "conceptual/Latest-version"},
          {"files": ["**/*.md"], "group": "lts", "src": "conceptual/LTS-version"}]}}
        """
        let files = [
            "docfx.json": docfx,
            "conceptual/Latest-version/install.md": Self.page("Install"),
            "conceptual/LTS-version/install.md": Self.page("Install"),
            "conceptual/LTS-version/setup.md": Self.page("Install"),
        ]
        #expect(try LintHarness.findings(files, rules: [DuplicateTitle.self]) == ["conceptual/LTS-version/setup.md:2:1 DG006"])
    }

    @Test func redirectedSourcePathsAreValidLinkTargets() throws {
        let redirects = """
        {"redirections": [
          {"source_path": "articles/old.md", "redirect_url": "/azure/new-page", "redirect_document_id": false},
          {"source_path_from_root": "/articles/gone.md", "redirect_url": "missing-page"},
          {"source_path_from_root": "/articles/moved.md", "redirect_url": "new"}]}
        """
        let files = [
            ".openpublishing.redirection.json": redirects,
            "articles/a.md": Self.page("A") + "\nSee [old](old.md), [gone](gone.md), [moved](moved.md) and [none](none.md).\n",
            "articles/new.md": Self.page("New"),
        ]
        let findings = try LintHarness.diagnostics(files, rules: [BrokenLink.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["articles/a.md:11:20 DG101", "articles/a.md:11:59 DG101"])
        #expect(findings.first?.message == "Link target 'gone.md' is redirected (.openpublishing.redirection.json) to 'missing-page', which leads to no page; link to the page that replaced it.")
    }

    @Test func pathsIntoDependentRepositoriesAreNotedOncePerRepository() throws {
        let publish = """
        {"dependent_repositories": [
          {"path_to_root": "reusable-content", "url": "https://github.com/MicrosoftDocs/reusable-content", "branch": "main"},
          {"path_to_root": "samples", "url": "https://github.com/Azure-Samples/samples", "branch": "main"}]}
        """
        let files = [
            ".openpublishing.publish.config.json": publish,
            "docs/docfx.json": #"{"build": {}}"#,
            "docs/a.md": Self.page("A") + "\n[!INCLUDE [cli](~/../reusable-content/cli.md)]\n\n[!INCLUDE [cli](~/../reusable-content/other.md)]\n\nSee [it](../reusable-content/page.md).\n",
            "docs/b.md": Self.page("B") + "\n[!INCLUDE [x](~/../samples/missing.md)]\n\n[!INCLUDE [y](~/includes/here.md)]\n\n[!INCLUDE [z](~/includes/absent.md)]\n",
            "docs/includes/here.md": "Shared text.\n",
            "samples/present.md": "Checked out.\n",
            // The title comes from the shared include, so no H1 is missing.
            "docs/d.md": "[!INCLUDE [title](~/../reusable-content/title.md)]\n\nText.\n",
            "docs/c.md": "Text without a title.\n",
        ]
        let findings = try LintHarness.diagnostics(files, rules: [IncludeError.self, BrokenLink.self, DependentRepository.self, SingleH1.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["docs/a.md:11:1 DG108", "docs/b.md:11:1 DG305", "docs/b.md:15:1 DG305", "docs/c.md:1:1 DG310"])
        #expect(findings.first?.message == "Not checked: 4 paths lead into the dependent repository 'reusable-content' (https://github.com/MicrosoftDocs/reusable-content), which is not checked out; clone it to 'reusable-content' to check them.")
        #expect(findings.first?.severity == .note)
    }

    @Test func htmlAnchorsInAnyAttributeSyntax() throws {
        let page = Self.page("A") + """

        <a name = "spaced"></a>
        <a name ='single'></a>
        <A NAME=bare>x</A>
        <span  id="plain"></span>

        See [1](#spaced), [2](#single), [3](#bare), [4](#plain) and [5](#absent).

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [BrokenAnchor.self]) == ["a.md:16:61 DG102"])
        #expect(HTMLAnchors.ids(in: "<a href=\"#x\" name = \"n\" id='i'>") == ["n", "i"])
    }

    @Test func linksIntoContentGeneratedAtBuildTimeAreNotChecked() throws {
        let docfx = """
        {"build": {"content": [
          {"files": ["**/*.md"], "src": "conceptual"},
          {"files": ["**/*.yml"], "src": "reference-autogen/latest"}]}}
        """
        let files = [
            "docfx.json": docfx,
            "conceptual/a.md": Self.page("A") + "\nSee [az vm](../reference-autogen/latest/vm.yml) and [b](b.md).\n",
        ]
        #expect(try LintHarness.findings(files, rules: [BrokenLink.self]) == ["conceptual/a.md:11:53 DG101"])
    }

    @Test func anchorsInPagesWithAnUnreadableIncludeAreNotChecked() throws {
        let files = [
            "a.md": Self.page("A") + "\nSee [shells](b.md#shells) and [setup](c.md#setup).\n",
            "b.md": Self.page("B") + "\n[!INCLUDE [shared](includes/missing.md)]\n",
            "c.md": Self.page("C"),
        ]
        #expect(try LintHarness.findings(files, rules: [BrokenAnchor.self]) == ["a.md:11:31 DG102"])
    }

    @Test func withoutAPublishConfigTildePathsIntoAFolderTheCheckoutLacksAreNotedOnce() throws {
        let files = [
            "docfx.json": #"{"build": {}}"#,
            "a.md": Self.page("A") + "\n:::code language=\"bash\" source=\"~/azure_cli_scripts/create.sh\":::\n\n[!INCLUDE [x](~/articles/reusable-content/setup.md)]\n\n[!INCLUDE [y](~/includes/absent.md)]\n\nSee [z](../absent/page.md).\n",
            "includes/here.md": "Shared.\n",
        ]
        let findings = try LintHarness.diagnostics(files, rules: [IncludeError.self, CodeSnippetNotFound.self, BrokenLink.self, DependentRepository.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["a.md:11:1 DG108", "a.md:13:1 DG108", "a.md:15:1 DG305", "a.md:17:5 DG101"])
        #expect(findings.first?.message == "Not checked: 1 '~/' path leads into 'azure_cli_scripts/', a folder the checkout does not have, and no .openpublishing.publish.config.json names the doc set's dependent repositories; if 'azure_cli_scripts' is one, clone it there to check them, otherwise fix the paths.")
    }

    @Test func withoutAPublishConfigATildeLinkIntoAFolderTheCheckoutLacksIsNotedAtTheLink() throws {
        // Only a link: the note comes from the page's text (`~/`), which build drops once checked.
        let files = [
            "docfx.json": #"{"build": {}}"#,
            "a.md": Self.page("A") + "\nSee [the script](~/azure_cli_scripts/create.md).\n",
        ]
        #expect(try LintHarness.findings(files, rules: [BrokenLink.self, DependentRepository.self]) == ["a.md:11:5 DG108"])
    }
}
