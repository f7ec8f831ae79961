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

    /// What a load for a check passes as `compiling` (``SiteLoader``): each page is checked by the
    /// rules that read only it as it is read, on that core, and its tree is then dropped. Pass
    /// ``Compiling/engine`` to ``check(_:draftChecks:today:kept:engine:timings:)`` afterwards, which
    /// runs the other rules. Memory then holds every page's source and facts, not every tree.
    public final class Compiling: @unchecked Sendable {
        private let today: Date
        private let timings: RuleTimings?
        private let keepingTrees: Set<String>
        private let draftChecks: Bool
        private let keepingSources: Bool
        private let alsoEach: ((Site) -> @Sendable (Document) -> Void)?
        /// The engine that checked the pages, made from the site's configuration once it is read.
        public private(set) var engine: LintEngine?

        /// A compiling load checking with every rule as of `today`; the pages at the paths
        /// `keepingTrees` names are checked the same way and keep their trees (`serve`'s
        /// `index.md`, whose body the home page shows). Without `draftChecks`, as `build`
        /// checks, the draft rules do not run. `alsoEach`, given the same site as the checks,
        /// makes a function that also sees each page before its tree is dropped (`build`
        /// renders the page there). Without `keepingSources` the pages whose trees are dropped drop
        /// their text too (`build`, which shows no source lines).
        public init(
            today: Date, draftChecks: Bool = true, keepingTrees: Set<String> = [], keepingSources: Bool = true, timings: RuleTimings? = nil,
            alsoEach: ((Site) -> @Sendable (Document) -> Void)? = nil
        ) {
            self.today = today
            self.draftChecks = draftChecks
            self.keepingSources = keepingSources
            self.keepingTrees = keepingTrees
            self.timings = timings
            self.alsoEach = alsoEach
        }

        /// The function each page goes through, given the site as known before any page.
        public func pages(of frame: Site) -> @Sendable (Document) -> Document {
            // Set once, before any page is read and before `engine` is asked for.
            let engine = SiteChecks.engine(for: frame, draftChecks: draftChecks)
            self.engine = engine
            let context = LintContext(site: frame, today: today)
            let timings = timings
            let keepingTrees = keepingTrees, keepingSources = keepingSources
            let also = alsoEach?(frame)
            return { document in
                also?(document)
                let keepsTree = keepingTrees.contains(document.path)
                var compiled = engine.compile(document, in: context, keepingSource: keepingSources || keepsTree, timings: timings)
                if keepsTree { compiled.root = document.root }
                return compiled
            }
        }
    }

    /// A site's findings, with the page rules' kept by the page linted.
    public struct Findings: Sendable {
        /// The page rules' findings, by the page linted (a finding in an include file is with
        /// every page that includes it).
        public var byPage: [String: [Diagnostic]]
        /// Every finding, in file order, each once: the configuration files' problems, the page
        /// rules' and the site rules' findings.
        public var all: [Diagnostic]
    }

    /// Checks `site` as of `today`. The page rules run only on the pages `kept` has no findings
    /// for; a caller passes a page's findings from an earlier check only when nothing they
    /// depend on changed (its files, and what it shows of other pages). The site rules always run.
    /// With `timings`, the time each rule takes is added to it.
    /// `engine`, when given, is the one that compiled the site's pages (``Compiling/engine``).
    public static func check(
        _ site: Site, draftChecks: Bool = true, today: Date, kept: [String: [Diagnostic]] = [:], engine given: LintEngine? = nil, timings: RuleTimings? = nil
    ) -> Findings {
        let context = LintContext(site: site, today: today)
        let engine = given ?? engine(for: site, draftChecks: draftChecks)
        var byPage = engine.pageDiagnostics(site.documents.filter { kept[$0.path] == nil }, in: context, timings: timings)
        byPage.merge(kept) { checked, _ in checked }
        // In page order and then the site rules', whether a page was checked now or before, so
        // that findings sorting the same keep one order.
        var seen = Set<Diagnostic>()
        var rules: [Diagnostic] = []
        for document in site.documents {
            for diagnostic in byPage[document.path] ?? [] where seen.insert(diagnostic).inserted { rules.append(diagnostic) }
        }
        for diagnostic in engine.siteDiagnostics(context, timings: timings) where seen.insert(diagnostic).inserted { rules.append(diagnostic) }
        return Findings(byPage: byPage, all: Diagnostic.sortedByLocation(site.configurationDiagnostics + rules))
    }
}
