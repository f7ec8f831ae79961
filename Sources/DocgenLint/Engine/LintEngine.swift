import DocgenCore
import DocgenMarkup
import Foundation

/// Runs the rule catalogue over a loaded site: every page rule on every page in parallel, then
/// the site rules; applies `docgen.yml` severities and ignore globs and inline suppressions, and
/// returns sorted, de-duplicated diagnostics. `docgen lint`, `docgen build` and `docgen serve`
/// all report through this one engine.
public struct LintEngine: Sendable {
    private struct ConfiguredRule: Sendable {
        let rule: any LintRule
        let metadata: RuleMetadata
        let severity: Severity
    }

    private let rules: [ConfiguredRule]
    private let configuration: LintConfiguration

    /// Creates an engine with `ruleTypes` (the whole catalogue by default) configured by the
    /// site's `lint:` section.
    public init(configuration: LintConfiguration, ruleTypes: [any LintRule.Type] = RuleRegistry.all) {
        self.configuration = configuration
        rules = ruleTypes.compactMap { type in
            let metadata = type.metadata
            guard let severity = configuration.severity(for: metadata) else { return nil }
            return ConfiguredRule(rule: type.init(options: configuration.options(for: metadata)), metadata: metadata, severity: severity)
        }
    }

    /// Lints every page of `context.site`; with `timings`, the time each rule takes is added to it.
    public func run(_ context: LintContext, timings: RuleTimings? = nil) -> [Diagnostic] {
        let site = context.site
        let perDocument = SiteLoader.parallelMap(site.documents) { document in
            let focused = Self.timed("shared page facts", timings) { context.focused(on: document) }
            return rules.flatMap { configured in
                Self.timed(configured.metadata.alias, timings) { configured.rule.check(document, in: focused) }.map { (configured, $0) }
            }
        }
        var findings = perDocument.flatMap { $0 }
        for configured in rules {
            if let siteRule = configured.rule as? any SiteLintRule {
                findings += Self.timed(configured.metadata.alias, timings) { siteRule.checkSite(context) }.map { (configured, $0) }
            }
        }
        return diagnostics(from: findings, site: site)
    }

    private static func timed<Result>(_ name: String, _ timings: RuleTimings?, _ work: () -> Result) -> Result {
        guard let timings else { return work() }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = work()
        timings.add(name, DispatchTime.now().uptimeNanoseconds - start)
        return result
    }

    /// Lints a single page against an already loaded site (for `serve`).
    public func run(_ document: Document, in context: LintContext) -> [Diagnostic] {
        let focused = context.focused(on: document)
        let findings = rules.flatMap { configured in configured.rule.check(document, in: focused).map { (configured, $0) } }
        return diagnostics(from: findings, site: context.site)
    }

    private func diagnostics(from findings: [(ConfiguredRule, Finding)], site: Site) -> [Diagnostic] {
        var suppressionCache: [String: Suppressions] = [:]
        var seen = Set<Diagnostic>()
        var result: [Diagnostic] = []
        for (configured, finding) in findings {
            if configuration.isIgnored(finding.path) { continue }
            let suppressions: Suppressions
            if let cached = suppressionCache[finding.path] {
                suppressions = cached
            } else {
                let source = site.document(at: finding.path)?.source ?? site.files.read(finding.path).map { SourceText($0.text) } ?? SourceText("")
                suppressions = Suppressions(source)
                suppressionCache[finding.path] = suppressions
            }
            if suppressions.suppresses(configured.metadata, line: finding.position.line) { continue }
            var severity = configured.severity
            if let override = finding.severity, configured.severity == configured.metadata.defaultSeverity { severity = override }
            let diagnostic = Diagnostic(
                ruleID: configured.metadata.id, alias: configured.metadata.alias, severity: severity,
                file: site.displayPath(finding.path), line: finding.position.line, column: finding.position.column,
                message: finding.message, suggestion: finding.suggestion)
            if seen.insert(diagnostic).inserted { result.append(diagnostic) }
        }
        return Diagnostic.sortedByLocation(result)
    }
}
