import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct TOCEntryTests {
    private let page = LintHarness.validFrontMatter + "# A page\n"

    @Test func reportsEntriesThatLeadNowhereAndTOCsThatDoNotParse() throws {
        let diagnostics = try LintHarness.diagnostics([
            "toc.yml": "- name: Start\n  href: start.md\n- name: Gone\n  href: gone.md\n",
            "broken/toc.yml": "- name: [unclosed\n",
            "start.md": page,
        ], rules: [TOCEntry.self])
        #expect(diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID) \($0.severity)" } == [
            "broken/toc.yml:1:9 DG011 error",
            "toc.yml:3:1 DG011 warning",
        ])
        #expect(diagnostics.last?.message == "toc entry 'Gone' links to 'gone.md', which does not exist.")
    }

    @Test func anEntryInAnotherLetterCaseNavigatesToThePageAndSaysSo() throws {
        let files = [
            "toc.yml": "- name: Configure settings\n  href: cli-Configuration.md\n",
            "cli-configuration.md": page,
        ]
        let diagnostics = try LintHarness.diagnostics(files, rules: [TOCEntry.self, NotInTOC.self])
        // Learn's build finds the page, so the page is in the TOC: no not-in-toc note.
        #expect(diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["toc.yml:1:1 DG011"])
        #expect(diagnostics.first?.message == "toc entry 'Configure settings' links to 'cli-Configuration.md', but the file is 'cli-configuration.md'; write the href in the file's letter case, which case-sensitive hosts need.")
    }
}
