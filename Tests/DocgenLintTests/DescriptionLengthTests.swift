import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct DescriptionLengthTests {
    /// description is on line 3, column 1.
    static func page(_ description: String, config: String? = nil) -> [String: String] {
        var files = ["a.md": "---\ntitle: Nodes\ndescription: \(description)\n---\n# Nodes\n"]
        if let config { files["docgen.yml"] = config }
        return files
    }

    static func text(_ count: Int) -> String { String(repeating: "a", count: count) }

    @Test func reportsAShortDescriptionAtItsKey() throws {
        let findings = try LintHarness.diagnostics(Self.page("Node monitoring."), rules: [DescriptionLength.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["a.md:3:1 DG004"])
        #expect(findings.first?.message == "Description is 16 characters long; it should be 75 to 300 characters, so say more about what the page covers.")
    }

    @Test func reportsALongDescription() throws {
        let findings = try LintHarness.diagnostics(Self.page(Self.text(301)), rules: [DescriptionLength.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["a.md:3:1 DG004"])
        #expect(findings.first?.message == "Description is 301 characters long; it should be 75 to 300 characters, so shorten it so search results do not cut it off.")
    }

    @Test func countsCharactersNotBytes() throws {
        // 74 characters, but more than 75 UTF-8 bytes.
        #expect(try LintHarness.findings(Self.page("é" + Self.text(73)), rules: [DescriptionLength.self]) == ["a.md:3:1 DG004"])
    }

    @Test func staysQuietAtBothLimits() throws {
        #expect(try LintHarness.findings(Self.page(Self.text(75)), rules: [DescriptionLength.self]).isEmpty)
        #expect(try LintHarness.findings(Self.page(Self.text(300)), rules: [DescriptionLength.self]).isEmpty)
        #expect(try LintHarness.findings(["a.md": LintHarness.validFrontMatter + "# A\n"], rules: [DescriptionLength.self]).isEmpty)
    }

    @Test func leavesAMissingDescriptionToMetadataRequired() throws {
        #expect(try LintHarness.findings(["a.md": "---\ntitle: Nodes\n---\n# Nodes\n"], rules: [DescriptionLength.self]).isEmpty)
    }

    @Test func readsTheLimitsFromConfiguration() throws {
        let config = "lint:\n  rules:\n    DG004:\n      description-min: 10\n      description-max: 20\n"
        #expect(try LintHarness.findings(Self.page(Self.text(10), config: config), rules: [DescriptionLength.self]).isEmpty)
        #expect(try LintHarness.findings(Self.page(Self.text(20), config: config), rules: [DescriptionLength.self]).isEmpty)
        #expect(try LintHarness.findings(Self.page(Self.text(9), config: config), rules: [DescriptionLength.self]) == ["a.md:3:1 DG004"])
        let message = try LintHarness.diagnostics(Self.page(Self.text(21), config: config), rules: [DescriptionLength.self]).first?.message
        #expect(message == "Description is 21 characters long; it should be 10 to 20 characters, so shorten it so search results do not cut it off.")
    }
}
