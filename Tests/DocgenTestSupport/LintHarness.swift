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

    /// Lints `files` with only `rules` enabled (all rules when empty). Every fixture is linted
    /// three times: on whole trees; compiled page by page with the trees dropped, as `lint`
    /// checks; and with the pages' texts dropped too, as `build` checks. All must find the same,
    /// or this throws.
    public static func diagnostics(_ files: [String: String], rules: [any LintRule.Type] = [], only: [String]? = nil) throws -> [Diagnostic] {
        let content = try TemporaryContent(files)
        let ruleTypes = rules.isEmpty ? RuleRegistry.all : rules
        let site = SiteLoader.load(root: content.url, only: only)
        let engine = LintEngine(configuration: LintConfiguration(site.configuration.lint), ruleTypes: ruleTypes)
        let whole = engine.run(LintContext(site: site, today: today))
        for keepingSource in [true, false] {
            let compiling = CompilingEngine()
            let compiled = SiteLoader.load(root: content.url, only: only) { frame in
                let engine = LintEngine(configuration: LintConfiguration(frame.configuration.lint), ruleTypes: ruleTypes)
                compiling.engine = engine
                let context = LintContext(site: frame, today: today)
                return { engine.compile($0, in: context, keepingSource: keepingSource) }
            }
            let compiledFindings = compiling.engine.map { $0.run(LintContext(site: compiled, today: today)) } ?? []
            guard compiledFindings == whole else { throw CompiledLintDiffers(keepingSource: keepingSource, whole: whole, compiled: compiledFindings) }
        }
        return whole
    }

    /// The engine a compiling load made from the site's configuration.
    private final class CompilingEngine: @unchecked Sendable {
        var engine: LintEngine?
    }

    /// A rule that finds something else on a page whose tree was dropped: it reads the tree
    /// but says it reads the loaded site (``LintRule/readsLoadedSite``), or the other way round.
    struct CompiledLintDiffers: Error, CustomStringConvertible {
        let keepingSource: Bool
        let whole: [Diagnostic]
        let compiled: [Diagnostic]

        var description: String {
            func lines(_ diagnostics: [Diagnostic]) -> String {
                diagnostics.map { "  \($0.file):\($0.line):\($0.column) \($0.ruleID) \($0.message)" }.joined(separator: "\n")
            }
            let way = keepingSource ? "page by page as loaded" : "page by page as loaded, texts dropped"
            return "Checked on whole trees:\n\(lines(whole))\nChecked \(way):\n\(lines(compiled))"
        }
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
