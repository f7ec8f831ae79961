import DocgenLint
import DocgenTestSupport
import Testing

/// The harness's today is 11/23/2026 (UTC).
@Suite struct MsDateStaleTests {
    /// ms.date is on line 3, column 1.
    static func page(_ date: String, config: String? = nil) -> [String: String] {
        var files = ["a.md": "---\ntitle: Nodes\nms.date: \(date)\n---\n# Nodes\n"]
        if let config { files["docgen.yml"] = config }
        return files
    }

    @Test func reportsADateOlderThanTwoYears() throws {
        // 11/22/2024 is 731 days before 11/23/2026.
        let findings = try LintHarness.diagnostics(Self.page("11/22/2024"), rules: [MsDateStale.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["a.md:3:1 DG003"])
        #expect(findings.first?.message == "ms.date 11/22/2024 is 731 days old, more than the 730 allowed; review the page and update ms.date.")
        #expect(findings.first?.severity == .warning)
    }

    @Test func staysQuietOnADateExactlyAtTheLimit() throws {
        #expect(try LintHarness.findings(Self.page("11/23/2024"), rules: [MsDateStale.self]).isEmpty)
    }

    @Test func reportsADateMoreThanOneDayInTheFuture() throws {
        let findings = try LintHarness.diagnostics(Self.page("11/25/2026"), rules: [MsDateStale.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["a.md:3:1 DG003"])
        #expect(findings.first?.message == "ms.date 11/25/2026 is 2 days in the future; set it to the day the page was last reviewed.")
    }

    @Test(arguments: ["11/23/2026", "11/24/2026", "11/20/2026", "01/01/2026"])
    func staysQuietOnARecentDate(_ date: String) throws {
        #expect(try LintHarness.findings(Self.page(date), rules: [MsDateStale.self]).isEmpty)
    }

    @Test func leavesAnInvalidDateToMsDateFormat() throws {
        #expect(try LintHarness.findings(Self.page("2019-01-01"), rules: [MsDateStale.self]).isEmpty)
    }

    @Test func readsTheMaximumAgeFromTheRuleEntry() throws {
        let config = "lint:\n  rules:\n    ms-date-stale:\n      max-date-age-days: 30\n"
        // 10/23/2026 is 31 days old, 10/24/2026 is 30.
        #expect(try LintHarness.findings(Self.page("10/23/2026", config: config), rules: [MsDateStale.self]) == ["a.md:3:1 DG003"])
        #expect(try LintHarness.findings(Self.page("10/24/2026", config: config), rules: [MsDateStale.self]).isEmpty)
        let message = try LintHarness.diagnostics(Self.page("10/23/2026", config: config), rules: [MsDateStale.self]).first?.message
        #expect(message == "ms.date 10/23/2026 is 31 days old, more than the 30 allowed; review the page and update ms.date.")
    }

    @Test func readsTheMaximumAgeSharedByAllRules() throws {
        let config = "lint:\n  max-date-age-days: 365\n"
        #expect(try LintHarness.findings(Self.page("11/22/2025", config: config), rules: [MsDateStale.self]) == ["a.md:3:1 DG003"])
        #expect(try LintHarness.findings(Self.page("11/23/2025", config: config), rules: [MsDateStale.self]).isEmpty)
    }
}
