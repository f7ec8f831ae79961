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

    /// Learn's browser-tab titles end with a space and the site's name ("Page | Microsoft Docs");
    /// the expected suffix of each text is written out by hand from that rule: letter case and
    /// trailing spaces do not matter, the space before the suffix does, and so does anything
    /// after it. The texts include the byte-level search's slow paths: non-ASCII ends, leading
    /// spaces, the Kelvin sign (which lower-cases to an ASCII "k") and U+0600, which joins the
    /// space after it into one character, so that space does not separate a suffix.
    @Test(arguments: [
        ("Foo | Microsoft Docs", "| Microsoft Docs"),
        ("Foo | MICROSOFT DOCS   ", "| Microsoft Docs"),
        ("Foo | Microsoft Docs ", "| Microsoft Docs"),
        ("Foo  | Microsoft Docs", "| Microsoft Docs"),
        ("é | Microsoft Docs", "| Microsoft Docs"),
        ("Foo | microsoft learn", "| Microsoft Learn"),
        ("Foo - Microsoft Learn", "- Microsoft Learn"),
        ("Foo - Microsoft Docs", "- Microsoft Docs"),
        ("Ünïcode | Microsoft Azure", "| Microsoft Azure"),
        ("Foo | Microsoft Docs | Microsoft Learn", "| Microsoft Learn"),
        ("Foo| Microsoft Docs", nil),
        ("Foo |  Microsoft Docs", nil),
        ("Foo – Microsoft Docs", nil),
        ("  | Microsoft Docs", nil),
        (" | Microsoft Docs", nil),
        ("| Microsoft Docs", nil),
        ("\u{0600} | Microsoft Docs", nil),
        ("Foo | Microsoft Docs\u{301}", nil),
        ("Foo | Microsoft Doc\u{212A}", nil),
        ("Foo | Microsoft Learn.", nil),
        ("Foo | Microsoft", nil),
        ("Docs", nil),
        ("", nil),
    ] as [(String, String?)])
    func findsTheSiteNameSuffix(text: String, expected: String?) {
        #expect(PastedPageTitle.suffix(of: text, in: PastedPageTitle.defaultSuffixes) == expected)
    }
}
