import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct MsDateFormatTests {
    /// ms.date is on line 3, column 1.
    static func page(_ date: String) -> [String: String] {
        ["a.md": "---\ntitle: Nodes\nms.date: \(date)\n---\n# Nodes\n"]
    }

    @Test func reportsAnISODateAtItsKeyWithTheRewrittenDate() throws {
        let findings = try LintHarness.diagnostics(Self.page("2026-11-20"), rules: [MsDateFormat.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["a.md:3:1 DG002"])
        #expect(findings.first?.message == "ms.date '2026-11-20' is not a real date in MM/DD/YYYY format; write it as '11/20/2026'.")
        #expect(findings.first?.suggestion == "11/20/2026")
    }

    @Test(arguments: ["02/30/2026", "13/01/2026", "00/10/2026", "02/29/2025", "11/31/2026"])
    func reportsADayThatIsNotOnTheCalendar(_ date: String) throws {
        let findings = try LintHarness.diagnostics(Self.page(date), rules: [MsDateFormat.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["a.md:3:1 DG002"])
        #expect(findings.first?.message == "ms.date '\(date)' is not a real date in MM/DD/YYYY format.")
        #expect(findings.first?.suggestion == nil)
    }

    @Test func acceptsSingleDigitMonthsAndDaysAsLearnDoes() throws {
        #expect(try LintHarness.findings(Self.page("1/5/2026"), rules: [MsDateFormat.self]).isEmpty)
        #expect(try LintHarness.findings(Self.page("2/30/2026"), rules: [MsDateFormat.self]) == ["a.md:3:1 DG002"])
    }

    @Test(arguments: ["20/11/2026", "November 20, 2026", "11-20-2026", "11/20/26"])
    func reportsOtherSpellings(_ date: String) throws {
        #expect(try LintHarness.findings(Self.page(date), rules: [MsDateFormat.self]) == ["a.md:3:1 DG002"])
    }

    @Test func reportsAListInsteadOfADate() throws {
        let findings = try LintHarness.diagnostics(Self.page("[11/20/2026]"), rules: [MsDateFormat.self])
        #expect(findings.map(\.message) == ["ms.date must be a single date in MM/DD/YYYY format, not a list or map."])
    }

    @Test(arguments: ["11/20/2026", "\"11/20/2026\"", "02/29/2024", "12/31/1999"])
    func staysQuietOnARealDate(_ date: String) throws {
        #expect(try LintHarness.findings(Self.page(date), rules: [MsDateFormat.self]).isEmpty)
    }

    @Test func leavesAMissingOrEmptyDateToMetadataRequired() throws {
        #expect(try LintHarness.findings(["a.md": "---\ntitle: Nodes\n---\n# Nodes\n"], rules: [MsDateFormat.self]).isEmpty)
        #expect(try LintHarness.findings(Self.page(""), rules: [MsDateFormat.self]).isEmpty)
    }
}
