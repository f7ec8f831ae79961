import DocgenCore
import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct SuppressionTests {
    let page = LintHarness.validFrontMatter + """
    # Suppressions

    <!-- docgen-disable repeated-word -->

    The the first.

    <!-- docgen-enable repeated-word -->

    The the second.

    <!-- docgen-disable-next-line DG405 -->
    The the third.

    <!-- docgen-disable DG405 -->
    The the fourth.
    <!-- docgen-enable DG405 -->
    The the fifth.

    <!-- docgen-disable-next-line repeated-word, empty-section -->
    ## The the sixth

    """

    @Test func honoursDisableEnableAndNextLineByIDAndAlias() throws {
        #expect(try LintHarness.findings(["a.md": page], rules: [RepeatedWord.self, EmptySection.self]) == ["a.md:16:5 DG405", "a.md:24:5 DG405"])
    }

    @Test func aDisableWithoutRulesSilencesEveryRule() throws {
        let page = LintHarness.validFrontMatter + "# A\n\n<!-- docgen-disable -->\n\nThe the first.\n\n## Empty\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [RepeatedWord.self, EmptySection.self]).isEmpty)
    }

    @Test func suppressionCommentsInIncludeFilesApplyToTheirOwnLines() throws {
        let files = [
            "a.md": LintHarness.validFrontMatter + "# A\n\n[!INCLUDE [x](includes/x.md)]\n",
            "includes/x.md": "<!-- docgen-disable-next-line repeated-word -->\nThe the first.\n\nThe the second.\n",
        ]
        #expect(try LintHarness.findings(files, rules: [RepeatedWord.self]) == ["includes/x.md:4:5 DG405"])
    }

    @Test func configurationTurnsARuleOffOrRaisesItsSeverity() throws {
        let text = LintHarness.validFrontMatter + "# A\n\nThe the end.\n"
        let off = ["docgen.yml": "lint:\n  rules:\n    repeated-word: off\n", "a.md": text]
        #expect(try LintHarness.findings(off, rules: [RepeatedWord.self]).isEmpty)
        let raised = ["docgen.yml": "lint:\n  rules:\n    DG405: error\n", "a.md": text]
        #expect(try LintHarness.diagnostics(raised, rules: [RepeatedWord.self]).map { "\($0.line):\($0.column) \($0.severity)" } == ["10:5 error"])
        let mapped = ["docgen.yml": "lint:\n  rules:\n    DG405: { severity: error }\n", "a.md": text]
        #expect(try LintHarness.diagnostics(mapped, rules: [RepeatedWord.self]).map(\.severity) == [.error])
    }

    @Test func ignoreGlobsDropWholeFolders() throws {
        let text = LintHarness.validFrontMatter + "# A\n\nThe the end.\n"
        let files = ["docgen.yml": "lint:\n  ignore: [\"drafts/**\"]\n", "drafts/a.md": text, "drafts/deep/b.md": text, "c.md": text]
        #expect(try LintHarness.findings(files, rules: [RepeatedWord.self]) == ["c.md:10:5 DG405"])
    }
}
