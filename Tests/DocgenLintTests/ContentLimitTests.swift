import DocgenCore
import DocgenLint
import DocgenMarkup
import DocgenTestSupport
import Testing

@Suite struct ContentLimitTests {
    @Test func reportsNestingAndTablesPastTheLimitsAtTheirPlace() throws {
        let page = LintHarness.validFrontMatter + "# Limits\n\n"  // lines 1-9
            + String(repeating: "::: moniker range=\"x\"\n", count: 12_000)  // lines 10-12009; the 65th at 74
            + String(repeating: "::: moniker-end\n", count: 12_000)
            + "\n" + String(repeating: "- ", count: 1_000) + "deep\n"  // line 24011
            + "\nHeader\n|" + String(repeating: "-|", count: 1_001) + "\n"  // the delimiter row at 24014
        #expect(try LintHarness.findings(["a.md": page], rules: [ContentLimit.self]) == ["a.md:74:1 DG502", "a.md:24011:65 DG502", "a.md:24014:1 DG502"])
    }

    @Test func staysQuietOnDeepButAllowedNesting() throws {
        let depth = MarkupLimits.maximumNesting
        let page = LintHarness.validFrontMatter + "# Limits\n\n" + String(repeating: ":::row:::\n", count: depth) + "Text.\n"
            + String(repeating: ":::row-end:::\n", count: depth) + "\n" + String(repeating: ">", count: depth - 1) + " Quoted.\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [ContentLimit.self]).isEmpty)
    }
}
