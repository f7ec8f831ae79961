import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct HardCodedLocaleTests {
    @Test func reportsLocaleSegmentsInMicrosoftURLs() throws {
        let page = LintHarness.validFrontMatter + """
        See the [blog](https://www.microsoft.com/en-us/security/blog/).
        See [AKS](https://learn.microsoft.com/EN-GB/azure/aks/?view=x#y).
        See [home](https://microsoft.com/de-de).
        See [deep](https://support.microsoft.com/office/fr-fr/article).
        See [site](/en-us/azure/aks).

        """
        let findings = try LintHarness.diagnostics(["a.md": page], rules: [HardCodedLocale.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == [
            "a.md:8:9 DG107", "a.md:9:5 DG107", "a.md:10:5 DG107", "a.md:11:5 DG107", "a.md:12:5 DG107",
        ])
        #expect(findings[1].message == "Link 'https://learn.microsoft.com/EN-GB/azure/aks/?view=x#y' contains locale code 'EN-GB'; remove '/EN-GB' so readers get their own language.")
        #expect(findings.map(\.suggestion) == [
            "https://www.microsoft.com/security/blog/", "https://learn.microsoft.com/azure/aks/?view=x#y",
            "https://microsoft.com/", "https://support.microsoft.com/office/article", "/azure/aks",
        ])
    }

    @Test func staysQuietOnOtherSitesAndLocaleLookalikes() throws {
        let page = LintHarness.validFrontMatter + """
        [a](https://example.com/en-us/x) [b](https://learn.microsoft.com/azure/?lang=en-us) [c](https://www.microsoft.com/security/en-usa/)
        [d](https://notmicrosoft.com/en-us/) [e](/azure/en-us/page) [f](https://learn.microsoft.com/azure/#en-us/x) [g](docs/en-us/a.md)

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [HardCodedLocale.self]).isEmpty)
    }
}
