import DocgenCore
import DocgenMarkup

/// A site's findings kept between edits, for `serve`: the page rules' findings of each page,
/// keyed by the page linted, and the site rules' findings. An edit re-lints only the pages it can
/// change and runs the site rules again; every other page's findings are kept. Findings are also
/// counted by file, so that a save costs the findings it changes, not a sort of the whole site's.
/// ``all`` is what ``LintEngine/run(_:timings:)`` reports for the same site.
public struct SiteLintResults: Sendable {
    /// The page rules' findings, by the page linted.
    private var byPage: [String: [Diagnostic]]
    /// The site rules' findings.
    private var siteWide: [Diagnostic]
    /// Every finding by its file, with how many of the lists above hold it: a finding in an
    /// include file comes from every page that includes it, and is one finding.
    private var byFile: [String: [Diagnostic: Int]] = [:]
    /// The number of different findings.
    public private(set) var count = 0
    /// Each site rule's last findings, so that a rule finding the same is not reported anew.
    private let siteRuleMemo = SiteRuleMemo()

    /// Lints the whole site; a page `kept` has findings for takes those instead of being linted
    /// (a page the cache stands for, whose findings depend on nothing that changed).
    public init(engine: LintEngine, context: LintContext, kept: [String: [Diagnostic]] = [:]) {
        byPage = engine.pageDiagnostics(context.site.documents.filter { kept[$0.path] == nil }, in: context)
        byPage.merge(kept) { linted, _ in linted }
        siteWide = engine.siteDiagnostics(context, memo: siteRuleMemo)
        for diagnostics in byPage.values { add(diagnostics) }
        add(siteWide)
    }

    /// Re-lints `documents` (pages of `context.site`) and runs the site rules again; every other
    /// page keeps its findings. Returns how many pages were linted.
    ///
    /// Pass `suppressionsChanged` when a saved page holds, or held, a `<!-- docgen-` comment:
    /// the site rules' kept diagnostics were filtered by the comments as they were.
    @discardableResult
    public mutating func relint(_ documents: [Document], engine: LintEngine, context: LintContext, suppressionsChanged: Bool = true) -> Int {
        if suppressionsChanged { siteRuleMemo.removeAll() }
        for (path, diagnostics) in engine.pageDiagnostics(documents, in: context) {
            remove(byPage[path] ?? [])
            byPage[path] = diagnostics
            add(diagnostics)
        }
        let newSiteWide = engine.siteDiagnostics(context, memo: siteRuleMemo)
        // Most saves change no site-wide finding; comparing costs less than recounting them.
        if newSiteWide != siteWide {
            remove(siteWide)
            siteWide = newSiteWide
            add(siteWide)
        }
        return documents.count
    }

    /// The page rules' findings, by the page linted.
    public var pageFindings: [String: [Diagnostic]] { byPage }

    /// The findings in the file `file` (a displayed path), sorted by place.
    public func diagnostics(inFile file: String) -> [Diagnostic] {
        Diagnostic.sortedByLocation(Array(byFile[file]?.keys ?? [:].keys))
    }

    /// Every finding, sorted by place, each once.
    public var all: [Diagnostic] {
        Diagnostic.sortedByLocation(byFile.values.flatMap(\.keys))
    }

    private mutating func add(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            let held = byFile[diagnostic.file, default: [:]][diagnostic, default: 0]
            if held == 0 { count += 1 }
            byFile[diagnostic.file, default: [:]][diagnostic] = held + 1
        }
    }

    private mutating func remove(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            guard let held = byFile[diagnostic.file]?[diagnostic] else { continue }
            if held == 1 {
                byFile[diagnostic.file]?[diagnostic] = nil
                count -= 1
            } else {
                byFile[diagnostic.file]?[diagnostic] = held - 1
            }
        }
    }

    /// The pages whose findings an edit of `changed` can change. Always the reloaded pages
    /// themselves. When a reloaded page's title, front matter, anchors or headings changed
    /// (``Document/hasSameSiteFacts(as:)``), also every page that links to it, whose
    /// broken-anchor and link-text findings may come or go: the pages linted before record
    /// which pages they link to (in their memo), and a page without that record is chosen when
    /// its text names the page's file (its name without `.md`), which over-selects but never
    /// misses a relative link.
    public static func pagesToRelint(changed: [(old: Document?, new: Document)], in site: Site) -> [Document] {
        var selected = Set(changed.map(\.new.path))
        let targets = Set(changed.compactMap { old, new in old.map { $0.hasSameSiteFacts(as: new) } == false ? new.path : nil })
        if !targets.isEmpty {
            guard let linking = pagesLinking(to: targets, in: site) else { return site.documents }
            selected.formUnion(linking)
        }
        // Looked up by path, in the site's (path) order: filtering every page copies every page.
        return selected.sorted().compactMap { site.document(at: $0) }
    }

    /// The pages of `site` that link to any of the files `targets` (pages, images), whether the
    /// file exists or not: as the pages' memos record it, and for a page without that record,
    /// when its text names the file (``linkNames(of:)``). Nil when a target is the root's
    /// `index.md`, which any page may reach as `/`.
    public static func pagesLinking(to targets: Set<String>, in site: Site) -> Set<String>? {
        var names: [String] = []
        for target in targets {
            guard let targetNames = linkNames(of: target) else { return nil }
            names.append(contentsOf: targetNames)
        }
        let searched = names
        let documents = site.documents
        let linking = SiteLoader.parallelMap(Array(documents.indices)) { index -> String? in
            if let linked = LintContext.recordedLinkedPages(of: documents[index]) {
                return linked.isDisjoint(with: targets) ? nil : documents[index].path
            }
            let text = documents[index].source.text
            return searched.contains { text.containsUTF8($0) } ? documents[index].path : nil
        }
        return Set(linking.compactMap { $0 })
    }

    /// Forgets the findings of `pages`, which are no longer pages of the site (files removed);
    /// the next ``relint(_:engine:context:suppressionsChanged:)`` runs the site rules without them.
    public mutating func forget(_ pages: Set<String>) {
        for page in pages {
            remove(byPage[page] ?? [])
            byPage[page] = nil
        }
    }

    /// What every link to a page contains: its file name without the `.md` (`alerts` for
    /// `guide/alerts.md`), as relative links, Learn URLs and root-relative links all spell it;
    /// for a folder's `index.md`, also the folder's name (`guide/`). Nil for the root's
    /// `index.md`, which a link can reach as `/` or `../`: every page is linted again.
    static func linkNames(of path: String) -> [String]? {
        let parts = path.split(separator: "/").map(String.init)
        guard let name = parts.last else { return nil }
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        guard stem == "index" else { return [stem] }
        guard parts.count > 1 else { return nil }
        return [stem, parts[parts.count - 2]]
    }
}
