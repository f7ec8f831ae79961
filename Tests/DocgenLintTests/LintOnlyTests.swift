import DocgenCore
import DocgenLint
import DocgenMarkup
import DocgenTestSupport
import Foundation
import Testing

/// `LintEngine.run(_:only:)`: the named files are linted, with the pages that include them; the
/// rest of the site is there for cross-page checks and is not linted.
@Suite(.serialized) struct LintOnlyTests {
    /// Records the pages it is run on, and reports each page's first line.
    struct RecordingRule: LintRule {
        static let metadata = RuleMetadata(
            id: "DG999", alias: "recording", summary: "Records the pages it checks", severity: .warning, tags: [],
            rationale: "Test rule.", bad: "", good: "")
        static let checked = LockedCache<String, Bool>()

        init(options: RuleOptions) {}

        func check(_ document: Document, in context: LintContext) -> [Finding] {
            _ = Self.checked.value(for: document.path) { true }
            return [Finding(path: document.path, at: SourcePosition(line: 1, column: 1), "checked")]
        }
    }

    static let files = [
        "a.md": "# A\n\nSee [b](b.md#missing) and [c](c.md).\n",
        "b.md": "# B\n\n## Present\n",
        "c.md": "# C\n\n[!INCLUDE [shared](includes/shared.md)]\n",
        "d.md": "# D\n\nTODO TODO [broken](nowhere.md)\n",
        "includes/shared.md": "Shared text with a [broken link](nothing.md).\n",
    ]

    func lint(only: Set<String>?, rules: [any LintRule.Type]) throws -> [String] {
        let content = try TemporaryContent(Self.files)
        let site = SiteLoader.load(root: content.url)
        let engine = LintEngine(configuration: LintConfiguration(site.configuration.lint), ruleTypes: rules)
        return engine.run(LintContext(site: site, today: LintHarness.today), only: only).map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" }
    }

    @Test func runsRulesOnlyOnTheNamedPagesAndThePagesIncludingANamedFile() throws {
        let findings = try lint(only: ["a.md", "includes/shared.md"], rules: [RecordingRule.self, BrokenLink.self, BrokenAnchor.self])
        #expect(findings == ["a.md:1:1 DG999", "a.md:3:5 DG102", "includes/shared.md:1:20 DG101"])
        #expect(RecordingRule.checked.cached("a.md") == true)
        #expect(RecordingRule.checked.cached("c.md") == true)
        #expect(RecordingRule.checked.cached("b.md") == nil)
        #expect(RecordingRule.checked.cached("d.md") == nil)
    }

    @Test func reportsTheNamedFilesFindingsExactlyAsLintingEverything() throws {
        let rules = RuleRegistry.all
        let everything = try lint(only: nil, rules: rules)
        let named: Set<String> = ["a.md", "includes/shared.md"]
        let only = try lint(only: named, rules: rules)
        #expect(only == everything.filter { named.contains(String($0.prefix { $0 != ":" })) })
        #expect(!only.isEmpty)
    }
}
