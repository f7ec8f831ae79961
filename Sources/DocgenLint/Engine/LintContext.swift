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
    /// The lines of include files, read once per run however many pages and rules look at them.
    private let includeSources = LockedCache<String, SourceText>()

    /// Creates a context.
    public init(site: Site, today: Date = Date()) {
        self.site = site
        self.today = today
    }

    /// The source lines of the root-relative file `path`: a page's own, or an include file's,
    /// read once per run. Empty when the file does not exist.
    public func sourceLines(_ path: String) -> SourceText {
        if let document = site.document(at: path) { return document.source }
        return includeSources.value(for: path) { SourceText(site.files.read(path)?.text ?? "") }
    }

    /// Every link and image reference of `document`, resolved; shared by the link rules, so
    /// the tree is walked and each destination resolved once per page rather than once per rule.
    public func links(in document: Document) -> [LinkOccurrence] {
        if let page, page.path == document.path { return page.links }
        return LinkOccurrence.all(in: document, site: site)
    }

    /// This context with the shared facts of `document` computed, for running every rule on it.
    public func focused(on document: Document) -> LintContext {
        var focused = self
        focused.page = PageFacts(path: document.path, links: LinkOccurrence.all(in: document, site: site))
        return focused
    }
}

/// The facts ``LintContext/focused(on:)`` computes for one page.
private final class PageFacts: Sendable {
    let path: String
    let links: [LinkOccurrence]

    init(path: String, links: [LinkOccurrence]) {
        self.path = path
        self.links = links
    }
}
