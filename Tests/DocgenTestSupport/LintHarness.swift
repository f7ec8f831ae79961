import DocgenCore
import DocgenLint
import Foundation

/// Lints an in-memory content root and returns findings as `path:line:col ID` strings, the form
/// rule tests assert on exactly.
public enum LintHarness {
    /// A fixed "today" for date rules: 2026-11-23.
    public static let today: Date = {
        var components = DateComponents()
        components.year = 2026; components.month = 11; components.day = 23
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)!
    }()

    /// Lints `files` with only `rules` enabled (all rules when empty).
    public static func diagnostics(_ files: [String: String], rules: [any LintRule.Type] = [], only: [String]? = nil) throws -> [Diagnostic] {
        let content = try TemporaryContent(files)
        let site = SiteLoader.load(root: content.url, only: only)
        let engine = LintEngine(configuration: LintConfiguration(site.configuration.lint), ruleTypes: rules.isEmpty ? RuleRegistry.all : rules)
        return engine.run(LintContext(site: site, today: today))
    }

    /// Lints `files` and returns `path:line:col ID` strings.
    public static func findings(_ files: [String: String], rules: [any LintRule.Type] = [], only: [String]? = nil) throws -> [String] {
        try diagnostics(files, rules: rules, only: only).map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" }
    }

    /// Front matter that satisfies the metadata rules, for fixtures that test something else.
    public static let validFrontMatter = """
    ---
    title: A page about monitoring clusters
    description: A description long enough to satisfy the metadata rules, explaining what the page covers in a sentence.
    ms.date: 11/20/2026
    author: octocat
    ms.author: octo
    ---

    """
}
