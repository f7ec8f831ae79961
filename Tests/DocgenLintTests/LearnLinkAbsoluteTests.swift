import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct LearnLinkAbsoluteTests {
    @Test func reportsAbsoluteLearnLinksWithTheSiteRelativePath() throws {
        let page = LintHarness.validFrontMatter + """
        See [AKS](https://learn.microsoft.com/en-us/azure/aks/monitor-aks#metrics).
        See [old](http://docs.microsoft.com/azure/aks/).
        See [home](https://LEARN.microsoft.com).
        See [query](https://learn.microsoft.com/de-de/azure/?tabs=cli).

        """
        let findings = try LintHarness.diagnostics(["a.md": page], rules: [LearnLinkAbsolute.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["a.md:8:5 DG106", "a.md:9:5 DG106", "a.md:10:5 DG106", "a.md:11:5 DG106"])
        #expect(findings.first?.message == "Link 'https://learn.microsoft.com/en-us/azure/aks/monitor-aks#metrics' is an absolute URL to a Learn page; use the site-relative '/azure/aks/monitor-aks#metrics' instead.")
        #expect(findings.map(\.suggestion) == ["/azure/aks/monitor-aks#metrics", "/azure/aks/", "/", "/azure/?tabs=cli"])
    }

    @Test func staysQuietOnOtherHostsAndRelativeLinks() throws {
        let page = LintHarness.validFrontMatter + """
        [a](https://azure.microsoft.com/en-us/pricing/) [b](https://learn.microsoft.com.example.com/azure)
        [c](/azure/aks) [d](https://techcommunity.microsoft.com/x) <https://learn.microsoft.com/azure>

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [LearnLinkAbsolute.self]).isEmpty)
    }
}
