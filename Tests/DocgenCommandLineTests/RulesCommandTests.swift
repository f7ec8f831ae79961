import DocgenLint
import DocgenTestSupport
import Foundation
import Testing

/// `docgen rules` and the generated rule reference.
@Suite struct RulesCommandTests {
    @Test func listsEveryRule() throws {
        let result = try CommandLineRunner.run(["rules"])
        #expect(result.status == 0)
        for rule in RuleRegistry.all { #expect(result.stdout.contains(rule.metadata.id + "  " + rule.metadata.alias)) }
    }

    @Test func explainsARuleByAliasWithExamples() throws {
        let result = try CommandLineRunner.run(["rules", "broken-link"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("DG101 broken-link (error; links)"))
        #expect(result.stdout.contains("Reported:\n    See [alerts](alert.md)."))
    }

    @Test func refusesAnUnknownRule() throws {
        let result = try CommandLineRunner.run(["rules", "no-such-rule"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no rule named 'no-such-rule'"))
    }

    @Test func rulesHaveUniqueIDsAndAliasesAndCompleteMetadata() {
        let rules = RuleRegistry.all.map { $0.metadata }
        #expect(Set(rules.map(\.id)).count == rules.count)
        #expect(Set(rules.map(\.alias)).count == rules.count)
        for rule in rules {
            #expect(rule.id.hasPrefix("DG") && rule.id.count == 5, "\(rule.id)")
            #expect(rule.alias.allSatisfy { $0.isLowercase || $0 == "-" || $0.isNumber }, "\(rule.alias)")
            #expect(!rule.summary.isEmpty && !rule.rationale.isEmpty && !rule.badExample.isEmpty && !rule.goodExample.isEmpty && !rule.tags.isEmpty, "\(rule.id)")
        }
    }

    /// Documentation/rules.md is generated from the metadata; it must not drift.
    @Test func referencePageIsUpToDate() throws {
        let file = CommandLineRunner.packageRoot.appendingPathComponent("Documentation/rules.md")
        let generated = RuleDocumentation.markdown(RuleRegistry.all.map { $0.metadata })
        if ProcessInfo.processInfo.environment["DOCGEN_UPDATE_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(generated.utf8).write(to: file)
        }
        let committed = try String(contentsOf: file, encoding: .utf8)
        #expect(committed == generated, "Documentation/rules.md is stale: run `docgen rules --markdown > Documentation/rules.md`")
    }
}
