import DocgenCore
import DocgenLint
import DocgenTestSupport
import Testing

/// `.openpublishing.redirection*.json` entries that leave a reader nowhere, at their lines.
@Suite struct RedirectTests {
    private static let page = LintHarness.validFrontMatter + "# A page\n"

    private static func lines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID) \($0.severity)" }
    }

    @Test func loopsMissingTargetsDuplicatesAndSourcesThatStillExist() throws {
        let redirects = """
        {"redirections": [
          {"source_path": "old.md", "redirect_url": "current"},
          {"source_path": "a.md", "redirect_url": "b"},
          {"source_path": "b.md", "redirect_url": "/docs/a"},
          {"source_path": "Old.md", "redirect_url": "elsewhere"},
          {"source_path": "current.md", "redirect_url": "https://example.com/"},
          {"source_path": "gone.md", "redirect_url": "older"},
          {"source_path": "older.md", "redirect_url": "missing#part"},
          {"source_path": "away.md", "redirect_url": "/other-docset/page"}
        ]}
        """
        let diagnostics = try LintHarness.diagnostics([
            ".openpublishing.redirection.json": redirects,
            "docgen.yml": "site:\n  learn-paths:\n    /docs/: \"\"\n",
            "current.md": Self.page,
        ], rules: [Redirect.self])
        #expect(Self.lines(diagnostics) == [
            ".openpublishing.redirection.json:3:4 DG120 error",
            ".openpublishing.redirection.json:4:4 DG120 error",
            ".openpublishing.redirection.json:5:4 DG120 warning",
            ".openpublishing.redirection.json:6:4 DG120 warning",
            ".openpublishing.redirection.json:7:4 DG120 warning",
            ".openpublishing.redirection.json:8:4 DG120 warning",
        ])
        #expect(diagnostics.map(\.message) == [
            "Redirect loop: a.md -> b.md -> a.md; no page is ever reached. Point one of them at the page that replaced them.",
            "Redirect loop: b.md -> a.md -> b.md; no page is ever reached. Point one of them at the page that replaced them.",
            "'Old.md' is already redirected to 'current' (.openpublishing.redirection.json:2); this redirect to 'elsewhere' is ignored. Keep one of them.",
            "'current.md' is redirected to 'https://example.com/' but the page still exists; the page is built and the redirect is not. Delete the page, or remove the redirect.",
            "'gone.md' is redirected to 'older', which is not a page of this doc set; point the redirect at the page that replaced it.",
            "'older.md' is redirected to 'missing#part', which is not a page of this doc set; point the redirect at the page that replaced it.",
        ])
    }

    @Test func aTargetThatIsNotAWebAddressIsReportedAndNeverFollowed() throws {
        let redirects = "{\"redirections\": [\n  {\"source_path\": \"old.md\", \"redirect_url\": \"javascript:alert(1)\"}\n]}"
        let diagnostics = try LintHarness.diagnostics([".openpublishing.redirection.json": redirects], rules: [Redirect.self])
        #expect(Self.lines(diagnostics) == [".openpublishing.redirection.json:2:4 DG120 warning"])
        #expect(diagnostics.first?.message == "'old.md' is redirected to 'javascript:alert(1)', which is not an http or https URL; docgen writes no redirect for it. Point it at a page or a web address.")
    }

    @Test func aRedirectionFileThatIsNotJSONIsReportedAtTheLineWhereItBreaks() throws {
        let diagnostics = try LintHarness.diagnostics([
            ".openpublishing.redirection.json": "{\"redirections\": [\n  {\"source_path\": \"a.md\", \"redirect_url\": \"b\"}\n  {\"source_path\": \"c.md\", \"redirect_url\": \"b\"}\n]}\n",
            "b.md": Self.page,
        ], rules: [Redirect.self])
        #expect(Self.lines(diagnostics) == [".openpublishing.redirection.json:3:3 DG120 error"])
        #expect(diagnostics.first?.message.hasPrefix(".openpublishing.redirection.json is not valid JSON (") == true)
    }

    @Test func sourcePathsOfNestedFilesAreRelativeToTheirFolderAndFromRootToTheRepository() throws {
        // docfx v3 rebases source_path on the redirection file's folder.
        let diagnostics = try LintHarness.diagnostics([
            ".openpublishing.publish.config.json": "{}",
            "articles/sub/.openpublishing.redirection.sub.json": """
            {"redirections": [
              {"source_path": "moved.md", "redirect_url": "kept"},
              {"source_path_from_root": "/articles/sub/gone.md", "redirect_url": "kept"}]}
            """,
            "articles/sub/kept.md": Self.page,
            "articles/sub/links.md": Self.page + "\n[moved](moved.md) [gone](gone.md) [nothing](nothing.md)\n",
        ], rules: [Redirect.self, BrokenLink.self])
        #expect(Self.lines(diagnostics) == ["articles/sub/links.md:10:35 DG101 error"])
    }

    @Test func linksThroughARedirectThatLeadsNowhereAreBroken() throws {
        let diagnostics = try LintHarness.diagnostics([
            ".openpublishing.redirection.json": "{\"redirections\": [{\"source_path\": \"old.md\", \"redirect_url\": \"older\"}, {\"source_path\": \"older.md\", \"redirect_url\": \"gone\"}]}",
            "a.md": Self.page + "\nSee [old](old.md).\n",
        ], rules: [BrokenLink.self])
        #expect(Self.lines(diagnostics) == ["a.md:10:5 DG101 error"])
        #expect(diagnostics.first?.message == "Link target 'old.md' is redirected (.openpublishing.redirection.json) to 'older', which leads to no page; link to the page that replaced it.")
    }
}
