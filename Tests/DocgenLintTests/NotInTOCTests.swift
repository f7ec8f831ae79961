import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct NotInTOCTests {
    private let page = LintHarness.validFrontMatter + "# A page\n"

    @Test func notesAPageNoTOCListsAndNamesTheNearestTOC() throws {
        let diagnostics = try LintHarness.diagnostics([
            "guide/toc.yml": "- name: Overview\n  href: overview.md\n",
            "guide/overview.md": page,
            "guide/upgrade.md": page,
        ], rules: [NotInTOC.self])
        #expect(diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID) \($0.severity)" } == ["guide/upgrade.md:1:1 DG009 note"])
        #expect(diagnostics.first?.message == "No toc.yml lists this page, so readers cannot browse to it; add it to guide/toc.yml, or leave it to be reached through links.")
    }

    @Test func saysNothingOnASiteWithoutTOCOrForListedPages() throws {
        #expect(try LintHarness.findings(["a.md": page, "b.md": page], rules: [NotInTOC.self]).isEmpty)
        #expect(try LintHarness.findings([
            "toc.yml": "- name: A\n  href: a.md\n- name: More\n  href: more/toc.yml\n",
            "more/toc.yml": "- name: B\n  href: b.md\n",
            "a.md": page, "more/b.md": page,
        ], rules: [NotInTOC.self]).isEmpty)
    }
}
