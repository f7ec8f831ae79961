import DocgenCore
import DocgenMarkup
import Foundation

/// What a rule may look at besides the page: the whole site and the current date.
public struct LintContext: Sendable {
    /// The loaded site.
    public let site: Site
    /// "Today", fixed for the run so date rules are reproducible in tests.
    public let today: Date
    /// Facts about the page being linted that several rules need, computed once.
    private var page: PageFacts?
    /// The lines of include files, read once per run however many pages and rules look at them
    /// (while at most 32 MB of them are kept; pages come in path order, with their includes).
    private let includeSources = BoundedCache<String, SourceText>(budget: 32 << 20)

    /// Did-you-mean indexes (a page's anchors, a folder's files), made once per run.
    private let nearestNames = LockedCache<String, NearestNames>()
    /// Suggestions already made, by index and misspelt name: many links make the same slip.
    private let suggestions = LockedCache<String, Suggestion>()

    private struct Suggestion {
        let name: String?
    }

    /// Creates a context.
    public init(site: Site, today: Date = Date()) {
        self.site = site
        self.today = today
    }

    /// The source lines of the root-relative file `path`: a page's own, or an include file's,
    /// read once per run. Empty when the file does not exist.
    public func sourceLines(_ path: String) -> SourceText {
        // A compiled page of `build` keeps no text: it is read again, as an include is.
        if let page, page.path == path, !page.source.text.isEmpty { return page.source }
        if let document = site.document(at: path), !document.source.text.isEmpty { return document.source }
        return includeSources.value(for: path) {
            let text = site.files.read(path)?.text ?? ""
            let lines = SourceText(text)
            // A line costs its offset and flags besides its bytes.
            return (lines, text.utf8.count + lines.lines.count * 9)
        }
    }

    /// Every link and image reference of `document`, resolved; shared by the link rules, so
    /// the tree is walked and each destination resolved once per page rather than once per rule.
    public func links(in document: Document) -> [LinkOccurrence] {
        if let page, page.path == document.path, let links = page.links { return links }
        return LinkOccurrence.all(in: document, site: site)
    }

    /// The name in the index `key` (made by `candidates` the first time) closest to `word`, at
    /// most `limit` edits away; see ``NearestNames``. Cached by index and word, for every page.
    public func suggestion(for word: String, atMost limit: Int, among key: String, _ candidates: () -> NearestNames) -> String? {
        suggestions.value(for: key + "\u{0}" + word + "\u{0}" + String(limit)) {
            Suggestion(name: nearestNames.value(for: key, make: candidates).closest(to: word, atMost: limit))
        }.name
    }

    /// This context with the shared facts of `document` computed, for running every rule on it.
    public func focused(on document: Document) -> LintContext {
        var focused = self
        let links = LinkOccurrence.all(in: document, site: site)
        focused.page = PageFacts(path: document.path, source: document.source, links: links)
        // Kept with the page for `serve`: which pages a save of another page can change.
        _ = document.memo.value(Self.linkedPagesKey) { pages(linkedBy: document, links: links) }
        return focused
    }

    /// This context for running on `document` the rules that read nothing ``LintRule/readsLoadedSite``
    /// names, while the page is being loaded and `site` is the site as known before any page
    /// (``SiteLoader/load(root:only:alsoLoad:displayPrefix:overrides:standIns:learnPaths:compiling:)``):
    /// the page's own lines are its source, and its links are not resolved.
    public func focused(onLoading document: Document) -> LintContext {
        var focused = self
        focused.page = PageFacts(path: document.path, source: document.source, links: nil)
        return focused
    }

    /// The pages `document` links to (relative links, root-relative links to a page of this doc
    /// set, and xref links to a page's uid, which show its title), as checking it recorded them,
    /// else resolved now: what a cached run looks up to re-check the pages linking to a page whose
    /// headings or title changed.
    public func linkedPages(of document: Document) -> Set<String> {
        Self.recordedLinkedPages(of: document) ?? pages(linkedBy: document, links: links(in: document))
    }

    /// The pages `links` (those of `document`) and its xref links lead to.
    private func pages(linkedBy document: Document, links: [LinkOccurrence]) -> Set<String> {
        Self.linkedPages(links).union(UnresolvedXref.pages(linkedBy: document, self))
    }

    /// The pages `document` links to as its memo holds them: recorded when it was checked, or
    /// for a stand-in, restored from the cache (``restoreLinkedPages(_:into:)``); nil when neither.
    public static func recordedLinkedPages(of document: Document) -> Set<String>? {
        document.memo.recorded(linkedPagesKey)
    }

    /// Puts into a stand-in's memo the pages it links to, as the cache kept them: after a save
    /// that changes a page's headings or title, `serve` reads the stand-ins linking to it.
    public static func restoreLinkedPages(_ pages: Set<String>, into memo: DocumentMemo) {
        _ = memo.value(linkedPagesKey) { pages }
    }

    /// The memo key of the pages a page links to (``SiteLintResults/pagesToRelint(changed:in:)``).
    static let linkedPagesKey = "linked-pages"

    /// The files `links` lead to: relative links, and root-relative links to a page of this doc
    /// set (which ``LinkTarget`` resolves to the page; `.rootRelative` is a link that leads out).
    static func linkedPages(_ links: [LinkOccurrence]) -> Set<String> {
        var pages = Set<String>()
        for link in links {
            switch link.target {
            case .file(let path, _), .missing(let path, _, _): pages.insert(path)
            default: break
            }
        }
        return pages
    }
}

/// The facts ``LintContext/focused(on:)`` computes for one page.
private final class PageFacts: Sendable {
    let path: String
    let source: SourceText
    /// Nil while the page is being loaded, when where links lead is not known yet.
    let links: [LinkOccurrence]?

    init(path: String, source: SourceText, links: [LinkOccurrence]?) {
        self.path = path
        self.source = source
        self.links = links
    }
}
