import DocgenCore
import DocgenRender
import Foundation
import NIOCore

/// The pages of one snapshot, each rendered the first time a browser asks for it and then kept
/// for as long as the snapshot is served. A save makes a new snapshot with an empty set, so a
/// save costs what changed, not a render of the whole site; and memory holds the pages browsers
/// looked at, not every page of the site.
final class RenderedPages: @unchecked Sendable {
    /// Rendered pages kept at most; past it the set starts again (a crawler walking the preview
    /// must not hold the whole site in memory).
    static let keptPages = 512

    private let outputs: SiteOutputs
    private let searchSummaries: SearchSummaries
    private let files: ContentFiles
    private let lock = NSLock()
    private var rendered: [String: ByteBuffer] = [:]
    /// Content files the rendered articles show, published as a build would copy them.
    private var shownFiles: Set<String> = []
    private var searchIndex: [String: ByteBuffer]?

    /// The pages of `outputs`, whose search summaries are kept in `searchSummaries` across snapshots.
    init(outputs: SiteOutputs, searchSummaries: SearchSummaries, files: ContentFiles) {
        self.outputs = outputs
        self.searchSummaries = searchSummaries
        self.files = files
    }

    /// The number of outputs (the search index's files aside).
    var count: Int { outputs.outputCount }

    /// Every output path (the search index's files aside).
    var outputPaths: [String] { outputs.outputPaths }

    /// How many pages are rendered and kept now.
    var renderedCount: Int { withLock { rendered.count } }

    /// Whether the search index's files are made, so that a request for one waits for nothing.
    var searchIndexIsMade: Bool { withLock { searchIndex != nil } }

    /// The page, script or search index file at `path`, rendered now if it was not yet.
    func page(_ path: String) -> ByteBuffer? {
        if SearchIndexBuilder.isIndexFile(path) { return searchIndexFiles()[path] }
        guard outputs.contains(path) else { return nil }
        if let kept = withLock({ rendered[path] }) { return kept }
        guard let made = outputs.renderPage(path) else { return nil }
        var buffer = ByteBuffer(bytes: made.bytes)
        if buffer.readableBytes == 0, path.hasSuffix(".html") {
            // A template that renders nothing must not leave a blank page.
            buffer = ByteBuffer(string: ErrorPage.failure(
                title: "The templates rendered an empty page", problems: ["\(path): the layout or page template produced no output; check it for errors."]))
        }
        withLock {
            if rendered.count >= Self.keptPages { rendered.removeAll(keepingCapacity: true) }
            rendered[path] = buffer
            shownFiles.formUnion(made.assets)
        }
        return buffer
    }

    /// The content file at `path` when the site publishes it: what `media/` holds, what a rendered
    /// article shows, and images, video, fonts and PDFs anywhere (a browser may ask for one
    /// before the page showing it was rendered in this snapshot). Never Markdown, YAML or
    /// configuration.
    func contentFile(_ path: String) -> URL? {
        guard files.contains(path) else { return nil }
        let published = path.hasPrefix("media/") || withLock { shownFiles.contains(path) } || Self.isMedia(path)
        return published ? files.url(path) : nil
    }

    /// Whether `path` is a folder holding pages (`/guide` is sent on to `/guide/`).
    func isFolder(_ path: String) -> Bool { outputs.folders.contains(path) }

    private static func isMedia(_ path: String) -> Bool {
        let type = ContentTypes.forPath(path)
        return type.hasPrefix("image/") || type.hasPrefix("video/") || type.hasPrefix("font/") || type == "application/pdf"
    }

    /// The search index's files, made the first time one is asked for (a reader focusing the
    /// search box), or beforehand by ``prepareSearch(while:)``, from every article's
    /// summary: summaries of pages no save touched come from earlier snapshots.
    /// A reader waiting has them made on all cores; ``prepareSearch(while:)``, on its own thread.
    private func searchIndexFiles(onAllCores: Bool = true) -> [String: ByteBuffer] {
        if let made = withLock({ searchIndex }) { return made }
        let summaries = onAllCores ? SiteLoader.parallelMap(outputs.articles, summary) : outputs.articles.map(summary)
        var made: [String: ByteBuffer] = [:]
        for file in SiteOutputs.searchIndexFiles(articles: summaries, yamlPages: outputs.yamlSearchEntries, onAllCores: onAllCores) {
            made[file.path] = ByteBuffer(string: file.text)
        }
        withLock { searchIndex = made }
        return made
    }

    /// Makes the search summary of each article that has none yet, one page at a time, for as
    /// long as `isServed` says this snapshot is the one served, then the search index's files:
    /// a reader's first search then finds them made, instead of waiting while every page is read.
    /// Returns whether the index was made: false when another snapshot took this one's place.
    @discardableResult
    func prepareSearch(while isServed: () -> Bool) -> Bool {
        for page in outputs.articles {
            guard isServed() else { return false }
            _ = summary(of: page)
        }
        // On this thread alone, at its priority: after every save the index is made again.
        guard isServed() else { return false }
        _ = searchIndexFiles(onAllCores: false)
        return true
    }

    /// The search summary of `page`, kept from an earlier snapshot or made now.
    @Sendable private func summary(of page: Document) -> ArticleSummary {
        searchSummaries.value(for: page.path) { outputs.searchSummary(of: page) }
    }

    private func withLock<Result>(_ body: () -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}

/// Each article's search summary (its terms and its entry in the document table, not its text),
/// by source path, kept across snapshots: a save drops the summaries of the pages it reloaded
/// (``LockedCache/removing(_:)``, a copy, so that a search index still being made for the old
/// snapshot cannot put an old summary into the new one), and the next search index reuses the rest.
typealias SearchSummaries = LockedCache<String, ArticleSummary>
