import DocgenLint
import DocgenMarkup
import DocgenTestSupport
import Testing

/// ms-date-format's fix: an unambiguous date written as MM/DD/YYYY, in place, keeping quotes and
/// comments; an ambiguous or inherited date gets none.
@Suite struct MsDateFormatFixTests {
    @Test func writesAnISODateInLearnsFormat() throws {
        let fixture = MarkedFixture(["a.md": "---\ntitle: Nodes\n1️⃣ms.date: 2️⃣2026-11-203️⃣  # reviewed\n---\n# Nodes\n"])
        let findings = try LintHarness.diagnostics(fixture.files, rules: [MsDateFormat.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == [fixture.finding("1️⃣", "DG002")])
        #expect(findings.first?.fixes == [Fix("Write ms.date as '11/20/2026'", replacing: fixture.span("2️⃣", "3️⃣"), with: "11/20/2026")])
        let fixed = try LintHarness.fixed(fixture.files, rules: [MsDateFormat.self])
        #expect(fixed.files["a.md"] == "---\ntitle: Nodes\nms.date: 11/20/2026  # reviewed\n---\n# Nodes\n")
    }

    @Test func keepsTheQuotes() throws {
        let fixture = MarkedFixture(["a.md": "---\ntitle: Nodes\nms.date: '1️⃣2026-02-012️⃣'\n---\n"])
        let findings = try LintHarness.diagnostics(fixture.files, rules: [MsDateFormat.self])
        #expect(findings.first?.fixes.first?.edits == [TextEdit(range: fixture.span("1️⃣", "2️⃣"), replacement: "02/01/2026")])
        #expect(try LintHarness.fixed(fixture.files, rules: [MsDateFormat.self]).files["a.md"] == "---\ntitle: Nodes\nms.date: '02/01/2026'\n---\n")
    }

    @Test(arguments: ["20/11/2026", "11/20/26", "2026-02-30", "November 20, 2026"])
    func leavesDatesThatAreNotCertainUnfixed(_ date: String) throws {
        let files = ["a.md": "---\ntitle: Nodes\nms.date: \(date)\n---\n"]
        let findings = try LintHarness.diagnostics(files, rules: [MsDateFormat.self])
        #expect(findings.count == 1)
        #expect(findings.first?.fixes == [])
    }
}
