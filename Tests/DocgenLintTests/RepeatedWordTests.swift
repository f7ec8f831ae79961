import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct RepeatedWordTests {
    let page = LintHarness.validFrontMatter + """
    # Repeats

    Responsibility for the layers of a a Kubernetes environment is shared.

    Use Azure Monitor monitor the health of the cluster.

    Read the
    the guide.

    It had had an effect, and that that is fine.

    Install the add-on on the cluster, run `ls` `ls`, and pick 1 1 or this, this.

    | Column | Value |
    |---|---|
    | Name | the the value |

    Select **Select members**, set **Applies To** to *Type*, read the [The payload](#repeats)
    section, use a template template parameter, see [Alerts](#repeats)\
    [Alerts](#repeats) and the alerts\
    alerts page.

    Monitor Azure Spring Apps apps with metrics, and Logic Apps apps too.

    """

    @Test func reportsTheSecondWordIgnoringCaseAndLineBreaks() throws {
        #expect(try LintHarness.findings(["a.md": page], rules: [RepeatedWord.self]) == ["a.md:10:36 DG405", "a.md:12:19 DG405", "a.md:15:1 DG405", "a.md:23:14 DG405"])
        let finding = try LintHarness.diagnostics(["a.md": page], rules: [RepeatedWord.self]).first
        #expect(finding?.message == "'a a': the word is repeated; remove one.")
        #expect(finding?.suggestion == "a")
    }

    @Test func reportsRepeatsOfNonASCIIWordsInAnyCase() throws {
        let page = LintHarness.validFrontMatter + "# Wörter\n\nDie Übersicht über über alles und Раздел раздел здесь.\n"
        let findings = try LintHarness.findings(["a.md": page], rules: [RepeatedWord.self])
        #expect(findings == ["a.md:10:20 DG405", "a.md:10:42 DG405"], "\(findings)")
    }

    @Test func staysQuietOnCodeAndFinishedProse() throws {
        let page = LintHarness.validFrontMatter + "# Code\n\nRun `echo echo` to print the word.\n\n```bash\necho the the\n```\n\nThe cluster, cluster by cluster, is fine.\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [RepeatedWord.self]).isEmpty)
    }

    @Test func readsAllowedRepeatsFromConfiguration() throws {
        let files = ["docgen.yml": "lint:\n  rules:\n    repeated-word:\n      allowed-repeats: [a, monitor, the]\n", "a.md": page]
        // The list replaces the default, so "had had", "that that" and "template template" are reported now.
        #expect(try LintHarness.findings(files, rules: [RepeatedWord.self]) == ["a.md:17:8 DG405", "a.md:17:32 DG405", "a.md:26:25 DG405"])
    }
}
