import DocgenCore
import DocgenLint
import Foundation

/// The check stage `build`, `lint` and `serve` run on a loaded site: the rules, configured by
/// docgen.yml and the team's markdownlint settings, and the problems of the configuration files
/// themselves, which every command reports the same way.
public enum SiteChecks {
    /// The engine that checks `site`; without `draftChecks`, the rules tagged `drafts` are left
    /// out (what `build` checks unless asked for every check).
    public static func engine(for site: Site, draftChecks: Bool = true) -> LintEngine {
        let rules = draftChecks ? RuleRegistry.all : RuleRegistry.all.filter { !$0.metadata.tags.contains("drafts") }
        return LintEngine(configuration: LintConfiguration(site.configuration.lint), ruleTypes: rules)
    }

    /// Every finding of the whole site, in file order: its configuration files' problems and the
    /// rules' findings as of `today`.
    public static func run(_ site: Site, draftChecks: Bool = true, today: Date) -> [Diagnostic] {
        let context = LintContext(site: site, today: today)
        return Diagnostic.sortedByLocation(site.configurationDiagnostics + engine(for: site, draftChecks: draftChecks).run(context))
    }
}
