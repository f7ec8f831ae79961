import DocgenCore
import DocgenRender
import Foundation

/// What the cache keeps of `serve`'s load and lint of a content root: what it made of each page
/// (``PageRecords``). The next `serve` of the root starts from them: the pages no edit touched
/// since are stand-ins with their findings, read and parsed only when a browser asks for one.
public struct CachedPreview: CacheCodable, Sendable {
    /// ``PageRecords``, coded.
    var pageRecordBytes: [UInt8]
    /// The records, decoded when the entry is read (so that `serve` decodes them on the thread
    /// that reads its entry ahead, ``RunCache/prefetch(_:slot:)``).
    private var records: PageRecords?
    /// The records but the articles' summaries, coded (``PageRecords/head``), when this entry was
    /// made from a load, not read: the same entry with more summaries is coded from it
    /// (``init(recordsHead:loaded:summaries:)``) without making every page's record again.
    public private(set) var recordsHead: [UInt8] = []

    /// What the next start keeps of each page of `loaded.site`: `byPage` are the page rules'
    /// findings by page, `siteKey` the inputs the load began with, `summaries` the search
    /// summaries of the articles made by then, by path (the next start's search index takes those
    /// of the pages it keeps).
    public init(loaded: ReusingLoad, byPage: [String: [Diagnostic]], siteKey: SiteKey, today: Date, summaries: [String: ArticleSummary] = [:]) {
        let records = PageRecords(of: loaded.site, siteKey: siteKey, byPage: byPage, summaries: summaries, kept: loaded.kept, today: today)
        recordsHead = records.head
        pageRecordBytes = PageRecords.coded(head: recordsHead, articles: PageRecords.articles(of: records.pages.mapValues(\.article)))
    }

    /// The entry whose records' head is `recordsHead` (an entry made from `loaded` before, by
    /// ``init(loaded:byPage:siteKey:today:summaries:)``), with `summaries`, chosen as that
    /// initializer chooses them.
    public init(recordsHead: [UInt8], loaded: ReusingLoad, summaries: [String: ArticleSummary]) {
        self.recordsHead = recordsHead
        pageRecordBytes = PageRecords.coded(head: recordsHead, articles: PageRecords.articles(of: loaded.site, kept: loaded.kept, summaries: summaries))
    }

    /// Loads `root` from `cached`'s page records (see ``ReusingLoad``) for the inputs `siteKey`
    /// names, also when nothing changed since; without them, every page is loaded.
    public static func load(root: URL, siteKey: SiteKey, cached: CachedPreview?, compiling: SiteChecks.Compiling? = nil) -> ReusingLoad {
        ReusingLoad.load(
            root: root, displayPrefix: "", records: cached?.records, siteKey: siteKey, evenUnchanged: true, addedOrRemoved: true,
            compiling: compiling)
    }

    /// Writes the page records.
    public func write(to writer: inout CacheWriter) {
        writer.write(bytes: pageRecordBytes)
    }

    /// Reads what ``write(to:)`` wrote.
    public init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        pageRecordBytes = try reader.rawBytes()
        guard let records = PageRecords(coded: pageRecordBytes) else { throw CacheReader.Malformed() }
        self.records = records
    }

    /// The cache slot of serving `root`.
    public static func slot(root: URL) -> String {
        ["serve", root.standardizedFileURL.path].joined(separator: "\n")
    }

    /// The keys of the inputs: the slot, the day (the date rules count days) and the content,
    /// whose files `hashes` reads unless it knows them.
    public static func inputs(root: URL, today: Date, hashes: FileHashes) -> SiteKey {
        SiteKey.ofContent(root: root, slot: slot(root: root), today: today, hashes: hashes)
    }
}
