import DocgenLint
import DocgenTestSupport
import Testing

/// Every directive, structure and draft rule reports its own bad example and not its good one,
/// so the documentation generated from the metadata never shows an example that lies.
@Suite struct StructureAndDraftExamplesTests {
    static let ids = [
        "DG301", "DG302", "DG303", "DG304", "DG305", "DG306", "DG310", "DG311", "DG312", "DG313",
        "DG401", "DG402", "DG403", "DG404", "DG405", "DG406", "DG407",
    ]

    /// Files the good examples refer to.
    static let support = ["includes/prerequisites.md": "You need a cluster.\n", "samples/create-cluster.sh": "az aks create\n"]

    static func findings(_ example: String, _ rule: any LintRule.Type) throws -> [String] {
        var files = support
        files["a.md"] = LintHarness.validFrontMatter + example
        return try LintHarness.findings(files, rules: [rule])
    }

    @Test(arguments: ids)
    func badExampleIsReportedAndGoodExampleIsNot(_ id: String) throws {
        let rule = try #require(RuleRegistry.rule(named: id))
        let metadata = rule.metadata
        #expect(!metadata.summary.isEmpty && !metadata.rationale.isEmpty && !metadata.tags.isEmpty)
        #expect(try !Self.findings(metadata.badExample, rule).isEmpty, "\(id) does not report its bad example")
        #expect(try Self.findings(metadata.goodExample, rule).isEmpty, "\(id) reports its good example")
    }

    @Test func aliasesAreUnique() throws {
        var aliases = Set<String>()
        for id in Self.ids {
            let rule = try #require(RuleRegistry.rule(named: id))
            #expect(aliases.insert(rule.metadata.alias).inserted)
            #expect(RuleRegistry.rule(named: rule.metadata.alias)?.metadata.id == id)
        }
    }
}
