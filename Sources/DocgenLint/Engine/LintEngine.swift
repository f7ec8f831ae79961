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
        let readsLoadedSite: Bool
    }

    private let rules: [ConfiguredRule]
    private let configuration: LintConfiguration
    /// Tells this engine's compiled findings from another's: they name rules by index.
    private let identity = Identity()

    private final class Identity: Sendable {}

    /// Creates an engine with `ruleTypes` (the whole catalogue by default) configured by the
    /// site's `lint:` section.
    public init(configuration: LintConfiguration, ruleTypes: [any LintRule.Type] = RuleRegistry.all) {
        self.configuration = configuration
        rules = ruleTypes.compactMap { type in
            let metadata = type.metadata
            guard let severity = configuration.severity(for: metadata) else { return nil }
            return ConfiguredRule(
                rule: type.init(options: configuration.options(for: metadata)), metadata: metadata, severity: severity, readsLoadedSite: type.readsLoadedSite)
        }
    }

    /// Lints every page of `context.site`; with `timings`, the time each rule takes is added to it.
    public func run(_ context: LintContext, timings: RuleTimings? = nil) -> [Diagnostic] {
        run(context, only: nil, timings: timings)
    }

    /// Lints every page of `context.site`, or with `only`, the files of those root-relative
    /// paths; with `timings`, the time each rule takes is added to it.
    ///
    /// With `only`, page rules run on the pages named and on the pages that include a file named
    /// (a finding in an include file comes from linting a page that pulls it in), and nothing is
    /// reported for other files: the rest of the site is there for what cross-page checks read
    /// (anchors, titles, files), not linted.
    public func run(_ context: LintContext, only paths: Set<String>?, timings: RuleTimings? = nil) -> [Diagnostic] {
        let site = context.site
        let linted = paths.map { paths in
            site.documents.filter { paths.contains($0.path) || !$0.includedFiles.isDisjoint(with: paths) }
        } ?? site.documents
        let perDocument = SiteLoader.parallelMap(linted) { document in self.findings(of: document, in: context, timings: timings) }
        var findings = perDocument.flatMap { $0 }
        for (rule, configured) in rules.enumerated() {
            if let siteRule = configured.rule as? any SiteLintRule {
                findings += Self.timed(configured.metadata.alias, timings) { siteRule.checkSite(context) }.map { (rule, $0) }
            }
        }
        if let paths { findings.removeAll { !paths.contains($0.1.path) } }
        return diagnostics(from: findings, site: site)
    }

    private static func timed<Result>(_ name: String, _ timings: RuleTimings?, _ work: () -> Result) -> Result {
        guard let timings else { return work() }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = work()
        timings.add(name, DispatchTime.now().uptimeNanoseconds - start)
        return result
    }

    /// Lints a single page against an already loaded site (for `serve`); with `timings`, the
    /// time each rule takes is added to it.
    public func run(_ document: Document, in context: LintContext, timings: RuleTimings? = nil) -> [Diagnostic] {
        diagnostics(from: findings(of: document, in: context, timings: timings), site: context.site)
    }

    /// The page rules' findings on `document`, rule by rule: for a page ``compile(_:in:timings:)``
    /// checked while it was loaded, the findings it kept and those of the rules that read the
    /// loaded site, run now.
    private func findings(of document: Document, in context: LintContext, timings: RuleTimings?) -> [(Int, Finding)] {
        let focused = Self.timed("shared page facts", timings) { context.focused(on: document) }
        let compiled: CompiledFindings? = document.memo.recorded(Self.compiledKey)
        let kept = compiled.flatMap { $0.engine === identity ? $0.findings : nil }
        let found = rules.indices.flatMap { rule -> [(Int, Finding)] in
            guard kept == nil || rules[rule].readsLoadedSite else { return [] }
            return Self.timed(rules[rule].metadata.alias, timings) { rules[rule].rule.check(document, in: focused) }.map { (rule, $0) }
        }
        guard let kept, !kept.isEmpty else { return found }
        return Self.mergedByRule(kept, found)
    }

    /// Two lists of findings, each in rule order and of different rules, as one in rule order.
    private static func mergedByRule(_ first: [(Int, Finding)], _ second: [(Int, Finding)]) -> [(Int, Finding)] {
        var merged: [(Int, Finding)] = []
        merged.reserveCapacity(first.count + second.count)
        var (i, j) = (0, 0)
        while i < first.count || j < second.count {
            if j == second.count || (i < first.count && first[i].0 < second[j].0) {
                merged.append(first[i])
                i += 1
            } else {
                merged.append(second[j])
                j += 1
            }
        }
        return merged
    }

    /// Checks `document` while it is loaded, with every rule that does not read the loaded site
    /// (``LintRule/readsLoadedSite``), in `frame`, the context of the site as known before any
    /// page. What the other rules and the site rules read of its tree (its links and xref links
    /// as written, its code samples) goes into its memo with the findings, and the page comes
    /// back with its tree cut to its headings: once every page is loaded, ``run(_:only:timings:)``
    /// and ``pageDiagnostics(_:in:timings:)`` run the rest of the rules on it, and `lint` never
    /// holds more trees than it has cores. Without `keepingSource` (`build`, whose report shows no
    /// lines), the page also comes back without its text, as a ``PageStandIn`` has none: what the
    /// site rules read of it (its suppression comments, whether it writes a `~/` link) is in its
    /// memo.
    public func compile(_ document: Document, in frame: LintContext, keepingSource: Bool = true, timings: RuleTimings? = nil) -> Document {
        let focused = frame.focused(onLoading: document)
        let found = rules.indices.flatMap { rule -> [(Int, Finding)] in
            guard !rules[rule].readsLoadedSite else { return [] }
            return Self.timed(rules[rule].metadata.alias, timings) { rules[rule].rule.check(document, in: focused) }.map { (rule, $0) }
        }
        _ = document.memo.value(Self.compiledKey) { CompiledFindings(engine: identity, findings: found) }
        LinkOccurrence.record(document)
        UnresolvedXref.record(document, focused)
        _ = document.snippetSources
        _ = document.memo.value(DuplicateTitle.memoKey) { DuplicateTitle.titleKey(of: document, in: frame) }
        var compiled = document.keepingHeadingsOnly()
        if !keepingSource {
            _ = document.memo.value(Suppressions.memoKey) { Suppressions(document.source) }
            _ = DependentRepository.writesTildeLinks(document)
            compiled.source = SourceText("")
        }
        return compiled
    }

    private static let compiledKey = "compiled-findings"

    /// The findings ``compile(_:in:timings:)`` made, with the engine that made them.
    private struct CompiledFindings: Sendable {
        let engine: Identity
        let findings: [(Int, Finding)]
    }

    /// The findings of the page rules on each of `documents`, keyed by the page linted: a finding
    /// in an include file stays with the page that pulled it in. `serve` keeps these between
    /// edits and re-lints only the pages an edit can change (``SiteLintResults``).
    public func pageDiagnostics(_ documents: [Document], in context: LintContext, timings: RuleTimings? = nil) -> [String: [Diagnostic]] {
        let linted = SiteLoader.parallelMap(documents) { document in (document.path, run(document, in: context, timings: timings)) }
        return Dictionary(linted, uniquingKeysWith: { first, _ in first })
    }

    /// The findings of the site rules alone (TOC entries, duplicate titles, redirects, xrefs),
    /// rule by rule, each rule's sorted by place; with `timings`, the time each rule takes is
    /// added to it. A rule that finds what it found last time (in `memo`) reuses the diagnostics
    /// made then: on a save in `serve`, most site rules find the same, and making ten thousand
    /// duplicate-title findings into diagnostics again would cost more than finding them.
    public func siteDiagnostics(_ context: LintContext, memo: SiteRuleMemo = SiteRuleMemo(), timings: RuleTimings? = nil) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (rule, configured) in rules.enumerated() {
            guard let siteRule = configured.rule as? any SiteLintRule else { continue }
            let findings = Self.timed(configured.metadata.alias, timings) { siteRule.checkSite(context) }
            if let kept = memo.kept(rule), kept.findings == findings {
                result += kept.diagnostics
            } else {
                let diagnostics = diagnostics(from: findings.map { (rule, $0) }, site: context.site)
                memo.keep(rule, findings: findings, diagnostics: diagnostics)
                result += diagnostics
            }
        }
        return result
    }

    /// Findings are paired with the index of their rule in `rules`, not a copy of it: a page can
    /// have hundreds of thousands of findings, and a rule with its metadata is hundreds of bytes.
    private func diagnostics(from findings: [(Int, Finding)], site: Site) -> [Diagnostic] {
        var suppressionCache: [String: Suppressions] = [:]
        var seen = Set<Diagnostic>()
        var result: [Diagnostic] = []
        for (rule, finding) in findings {
            let configured = rules[rule]
            if configuration.isIgnored(finding.path) { continue }
            let suppressions: Suppressions
            if let cached = suppressionCache[finding.path] {
                suppressions = cached
            } else {
                if let memo = site.memo(at: finding.path) {
                    // Kept with the page: serve reports the site rules' findings on every save.
                    suppressions = memo.value(Suppressions.memoKey) { Suppressions(site.document(at: finding.path)?.source ?? SourceText("")) }
                } else {
                    suppressions = Suppressions(site.files.read(finding.path).map { SourceText($0.text) } ?? SourceText(""))
                }
                suppressionCache[finding.path] = suppressions
            }
            if suppressions.suppresses(configured.metadata, line: finding.position.line) { continue }
            var severity = configured.severity
            if let override = finding.severity, configured.severity == configured.metadata.defaultSeverity { severity = override }
            let diagnostic = Diagnostic(
                ruleID: configured.metadata.id, alias: configured.metadata.alias, severity: severity,
                file: site.displayPath(finding.path), line: finding.position.line, column: finding.position.column,
                end: finding.end, message: finding.message, suggestion: finding.suggestion, notes: finding.notes, fixes: finding.fixes)
            if seen.insert(diagnostic).inserted { result.append(diagnostic) }
        }
        return Diagnostic.sortedByLocation(result)
    }
}
