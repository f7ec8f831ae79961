import DocgenCore
import DocgenLint
import DocgenTestSupport
import Foundation
import Testing

/// Rules walk the tree with their own stacks, not the thread's: unclosed directives nest a page
/// as deep as it has lines, and a recursive walk overflowed on 10,000 of them. The page is parsed
/// (and freed) on a thread with a large stack, and linted on one with a small stack, which a
/// walk that recursed once per level would overflow.
@Suite struct DeepNestingTests {
    /// `count` unclosed `opening` lines, then a heading and a paragraph that stops mid-sentence.
    static func page(_ opening: String, count: Int) -> String {
        LintHarness.validFrontMatter + "# Nested\n\n" + String(repeating: opening + "\n\n", count: count) + "## Setup\n\nThis paragraph stops before the\n"
    }

    /// Runs `body` on a new thread with `stackSize` bytes of stack, and waits for it.
    static func onThread<Result>(stackSize: Int, _ body: @escaping @Sendable () -> Result) -> Result {
        let slot = Slot<Result>(), done = DispatchSemaphore(value: 0)
        let thread = Thread {
            slot.value = body()
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        return slot.value!
    }

    /// Findings of `rules` (all when empty) on `page`, linted with a 1 MB stack.
    static func findings(_ page: String, rules: [any LintRule.Type] = []) throws -> [String] {
        let content = try TemporaryContent(["a.md": page])
        let loaded = Slot<Site>()
        let url = content.url
        // Parsing and freeing the tree are the markup layer's, and may recurse: give them room.
        onThread(stackSize: 512 << 20) { loaded.value = SiteLoader.load(root: url) }
        defer { onThread(stackSize: 512 << 20) { loaded.value = nil } }
        return onThread(stackSize: 1 << 20) {
            let site = loaded.value!
            let engine = LintEngine(configuration: LintConfiguration(site.configuration.lint), ruleTypes: rules.isEmpty ? RuleRegistry.all : rules)
            return engine.run(LintContext(site: site, today: LintHarness.today)).map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" }
        }
    }

    static let structureAndDrafts: [any LintRule.Type] = [TruncatedSentence.self, EmptySection.self, SingleH1.self, HeadingIncrement.self, DuplicateHeading.self]

    @Test func lintsTenThousandUnclosedZones() throws {
        // Line 8 is the H1; the 10,000 zones take two lines each.
        let findings = try Self.findings(Self.page(#":::zone pivot="a""#, count: 10_000), rules: Self.structureAndDrafts)
        #expect(findings == ["a.md:20012:29 DG401"])
    }

    @Test func lintsTwelveThousandUnclosedMonikers() throws {
        let findings = try Self.findings(Self.page(#"::: moniker range="v1""#, count: 12_000), rules: Self.structureAndDrafts)
        #expect(findings == ["a.md:24012:29 DG401"])
    }

    @Test func everyRuleLintsTenThousandUnclosedZones() throws {
        let findings = try Self.findings(Self.page(#":::zone pivot="a""#, count: 10_000))
        #expect(findings.contains("a.md:20012:29 DG401"))
    }
}

/// A value handed from one thread to another.
private final class Slot<Value>: @unchecked Sendable {
    var value: Value?
}
