@testable import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct PastedPageTitleTests {
    let page = LintHarness.validFrontMatter + """
    # Security

    See [Connect AKS diagnostics logs to Microsoft Sentinel | Microsoft Docs](../sentinel/aks.md) for details.

    Azure Defender for Kubernetes - the benefits and features | Microsoft Docs
    AKS connector in Sentinel - Connect AKS logs to Azure Sentinel | Microsoft Learn

    See [Microsoft Learn](https://learn.microsoft.com) for the catalog that replaced Microsoft Docs.

    """

    @Test func reportsLinkTextAndLinesThatArePageTitles() throws {
        #expect(try LintHarness.findings(["a.md": page], rules: [PastedPageTitle.self]) == ["a.md:10:5 DG407", "a.md:12:1 DG407", "a.md:13:1 DG407"])
        let findings = try LintHarness.diagnostics(["a.md": page], rules: [PastedPageTitle.self])
        #expect(findings[0].message == "Link text 'Connect AKS diagnostics logs to Microsoft Sentinel | Microsoft Docs' is a pasted page title; use a short description of the target, such as 'Connect AKS diagnostics logs to Microsoft Sentinel'.")
        #expect(findings.map(\.suggestion) == ["Connect AKS diagnostics logs to Microsoft Sentinel", "Azure Defender for Kubernetes", "AKS connector in Sentinel - Connect AKS logs to Azure Sentinel"])
    }

    @Test func readsTheSuffixesFromConfiguration() throws {
        let extra = page + "Read [Set up the cluster | Contoso Docs](setup.md).\n"
        let files = ["docgen.yml": "lint:\n  rules:\n    pasted-page-title:\n      title-suffixes: [\"| Contoso Docs\"]\n", "a.md": extra]
        #expect(try LintHarness.findings(files, rules: [PastedPageTitle.self]) == ["a.md:16:6 DG407"])
    }

    @Test func staysQuietOnDescriptiveLinkText() throws {
        let page = LintHarness.validFrontMatter + "# Links\n\nSee [Connect AKS diagnostics logs](aks.md) and the [pipe | operator](pipes.md).\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [PastedPageTitle.self]).isEmpty)
    }

    /// The byte-level suffix test answers as lower-casing the text and comparing characters does,
    /// including where that needs the slow path: non-ASCII ends, leading spaces, a character
    /// that lower-cases to ASCII (the Kelvin sign) and one that joins the space after it.
    @Test(arguments: [
        "Foo | Microsoft Docs", "Foo | MICROSOFT DOCS   ", "Foo| Microsoft Docs", "  | Microsoft Docs", " | Microsoft Docs",
        "Foo  | Microsoft Docs", "é | Microsoft Docs", "\u{0600} | Microsoft Docs", "Foo | Microsoft Docs\u{301}",
        "Foo | Microsoft Doc\u{212A}", "Docs", "| Microsoft Docs", "Foo | Microsoft Learn.", "Ünïcode | Microsoft Azure",
    ])
    func findsSuffixesAsCharacterComparisonDoes(text: String) {
        let suffixes = PastedPageTitle.defaultSuffixes
        let trimmed = text.trimmingSpaces().lowercased()
        let expected = suffixes.first { trimmed.hasSuffix(" " + $0.lowercased()) }
        #expect(PastedPageTitle.suffix(of: text, in: suffixes) == expected)
    }
}
