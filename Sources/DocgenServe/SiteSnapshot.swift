import DocgenCore
import DocgenRender
import Foundation
import NIOCore

/// One state of the site, never changed: its pages (rendered when first asked for, see
/// ``RenderedPages``), the template assets and the content files the site publishes. A save makes
/// a new snapshot and swaps it in whole, so a request sees either the old site or the new one,
/// never a mix.
public struct SiteSnapshot: Sendable {
    /// What a path resolves to.
    public enum Lookup: Sendable {
        /// Bytes held in memory (a rendered page, the search index, a template asset).
        case memory(ByteBuffer, contentType: String)
        /// A content file, read from disk when asked for.
        case file(URL, contentType: String)
        /// `path` is a folder: redirect to it with a trailing slash.
        case folder
        /// Nothing there: the site's 404 page.
        case notFound(ByteBuffer)
        /// The site cannot be built: the error page.
        case failure(ByteBuffer)
    }

    /// Increases with every rebuild; sent to the browsers with each reload.
    public let version: Int
    /// The site's pages, by output path (`by-role/developer.html`, `search-index.js`).
    let pages: RenderedPages?
    /// Template assets keyed by site path (`assets/docgen.css`).
    let assets: [String: ByteBuffer]
    /// The content root, to check content files have not been swapped for links out of it.
    let contentRoot: URL?
    /// The error page when the site cannot be built at all.
    let failurePage: ByteBuffer?

    /// Creates a snapshot of a site whose pages `pages` renders.
    init(version: Int, pages: RenderedPages, assets: [String: ByteBuffer], contentRoot: URL) {
        self.version = version
        self.pages = pages
        self.assets = assets
        self.contentRoot = contentRoot
        failurePage = nil
    }

    /// Creates the snapshot served while the site cannot be built: every page is `failurePage`.
    init(version: Int, failure html: String, assets: [String: ByteBuffer]) {
        self.version = version
        pages = nil
        self.assets = assets
        contentRoot = nil
        failurePage = ByteBuffer(string: html)
    }

    /// The same site under a new version (a media file changed, no page did).
    func withVersion(_ version: Int) -> SiteSnapshot {
        guard let pages, let contentRoot else { return SiteSnapshot(version: version, failure: String(buffer: failurePage ?? ByteBuffer()), assets: assets) }
        return SiteSnapshot(version: version, pages: pages, assets: assets, contentRoot: contentRoot)
    }

    /// Whether this snapshot is an error page.
    public var isFailure: Bool { failurePage != nil }

    /// The number of pages the site has (the search index's files aside).
    public var pageCount: Int { pages?.count ?? 0 }

    /// Whether the search index is made: the server makes it before a reader asks for it.
    public var searchIsPrepared: Bool { pages?.searchIndexIsMade ?? false }

    /// The site's 404 page, with a `<base href="/">` so its relative links work at any depth.
    var notFoundPage: ByteBuffer {
        pages?.page("404.html").map(Self.baseRooted) ?? ByteBuffer(string: ErrorPage.notFound())
    }

    /// Resolves a root-relative path (from ``RequestPath/resolve(_:)``).
    public func lookup(_ path: String) -> Lookup {
        if let asset = assets[path] { return .memory(asset, contentType: ContentTypes.forPath(path)) }
        if let failurePage { return .failure(failurePage) }
        guard let pages else { return .notFound(ByteBuffer(string: ErrorPage.notFound())) }
        if let page = pages.page(path) { return .memory(page, contentType: ContentTypes.forPath(path)) }
        if let url = pages.contentFile(path), isInsideRoot(url) { return .file(url, contentType: ContentTypes.forPath(path)) }
        if pages.isFolder(path) { return .folder }
        return .notFound(notFoundPage)
    }

    /// A content file may have been replaced by a link out of the root since it was listed.
    private func isInsideRoot(_ url: URL) -> Bool {
        guard let root = contentRoot?.path else { return false }
        return url.resolvingSymlinksInPath().path.hasPrefix(root + "/")
    }

    /// Adds `<base href="/">` to a page's `<head>`: the 404 page links relative to the root, but
    /// is served at whatever depth the missing path had.
    static func baseRooted(_ page: ByteBuffer) -> ByteBuffer {
        let html = String(buffer: page)
        guard let head = html.range(of: "<head>", options: .caseInsensitive) ?? html.range(of: "<head ", options: .caseInsensitive),
              let close = html[head.lowerBound...].firstIndex(of: ">")
        else { return page }
        var result = html
        result.insert(contentsOf: "\n<base href=\"/\">", at: result.index(after: close))
        return ByteBuffer(string: result)
    }
}

/// Holds the snapshot being served; a rebuild replaces it atomically.
public final class SnapshotStore: @unchecked Sendable {
    private let lock = NSLock()
    private var snapshot: SiteSnapshot

    /// Creates a store serving `snapshot`.
    public init(_ snapshot: SiteSnapshot) {
        self.snapshot = snapshot
    }

    /// The snapshot to answer a request from.
    public var current: SiteSnapshot {
        lock.lock()
        defer { lock.unlock() }
        return snapshot
    }

    /// Swaps in a new snapshot.
    public func replace(with snapshot: SiteSnapshot) {
        lock.lock()
        self.snapshot = snapshot
        lock.unlock()
    }
}
