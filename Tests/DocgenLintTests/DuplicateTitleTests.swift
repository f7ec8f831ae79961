import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct DuplicateTitleTests {
    /// title is on line 2, column 1.
    static func page(_ title: String) -> String { "---\ntitle: \(title)\n---\n# \(title)\n" }

    @Test func reportsEachPageAfterTheFirstNamingTheFirst() throws {
        let files = [
            "a.md": Self.page("Monitor nodes"),
            "b/c.md": Self.page("Monitor Nodes"),
            "b/a.md": Self.page("monitor nodes"),
            "d.md": Self.page("Monitor pods"),
        ]
        let findings = try LintHarness.diagnostics(files, rules: [DuplicateTitle.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["b/a.md:2:1 DG006", "b/c.md:2:1 DG006"])
        #expect(findings.map(\.message) == [
            "Title 'monitor nodes' is also the title of 'a.md'; give each page its own title.",
            "Title 'Monitor Nodes' is also the title of 'a.md'; give each page its own title.",
        ])
        #expect(findings.allSatisfy { $0.severity == .warning })
    }

    @Test func fallsBackToTheFirstH1() throws {
        let files = [
            "a.md": "---\nauthor: octocat\n---\n\nIntro.\n\n# Monitor nodes\n",
            "b.md": "# Monitor nodes\n",
        ]
        let findings = try LintHarness.diagnostics(files, rules: [DuplicateTitle.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["b.md:1:1 DG006"])
        #expect(findings.first?.message == "Title 'Monitor nodes' is also the title of 'a.md'; give each page its own title.")
    }

    @Test func staysQuietOnDistinctTitles() throws {
        let files = ["a.md": Self.page("Monitor nodes"), "b.md": Self.page("Monitor pods"), "c.md": LintHarness.validFrontMatter + "# C\n"]
        #expect(try LintHarness.findings(files, rules: [DuplicateTitle.self]).isEmpty)
    }

    @Test func neverComparesFileNames() throws {
        // Pages without title or H1 would otherwise all be titled "index.md".
        let files = ["a/index.md": "Text.\n", "b/index.md": "Text.\n"]
        #expect(try LintHarness.findings(files, rules: [DuplicateTitle.self]).isEmpty)
    }

    @Test func ignoresAnH1FromAnIncludedFile() throws {
        let files = [
            "a.md": "# Monitor nodes\n",
            "b.md": "[!INCLUDE [heading](includes/heading.md)]\n",
            "includes/heading.md": "# Monitor nodes\n",
        ]
        #expect(try LintHarness.findings(files, rules: [DuplicateTitle.self]).isEmpty)
    }
}
