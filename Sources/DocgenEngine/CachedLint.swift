import DocgenCore
import DocgenMarkup
import Foundation

/// What the cache keeps of linting a whole content root: its findings, how many pages it checked
/// and what it made of each page. A lint of the same inputs on the same day reports these instead
/// of linting again; a lint after only pages were edited reads and checks those pages alone.
public struct CachedLint: CacheCodable {
    /// The findings, as the lint reported them.
    public var diagnostics: [Diagnostic]
    /// How many files the lint checked.
    public var fileCount: Int
    /// The line of its file each finding's text report shows, in the same order; nil where the
    /// report shows none. Kept so that a report from the cache reads no file.
    public var shownLines: [String?]
    /// ``PageRecords``, coded apart: a lint with nothing changed never reads them.
    var pageRecordBytes: [UInt8]

    /// What a lint of the whole root `loaded.site` found, with what the next lint keeps of each
    /// page: `byPage` are the page rules' findings by page, `siteKey` the inputs it began with.
    public init(diagnostics: [Diagnostic], shownLines: [String?], loaded: ReusingLoad, byPage: [String: [Diagnostic]], siteKey: SiteKey, today: Date) {
        self.diagnostics = diagnostics
        fileCount = loaded.site.documents.count
        self.shownLines = shownLines
        pageRecordBytes = PageRecords(of: loaded.site, siteKey: siteKey, byPage: byPage, kept: loaded.kept, today: today).coded
    }

    /// Loads `root` as the `earlier` lint's page records allow (see ``ReusingLoad``), for the
    /// inputs `siteKey` names; without an earlier lint, every page is loaded. The pages read go
    /// through `compiling` when given.
    public static func load(root: URL, displayPrefix: String, siteKey: SiteKey, earlier: CachedLint?, compiling: SiteChecks.Compiling? = nil) -> ReusingLoad {
        ReusingLoad.load(
            root: root, displayPrefix: displayPrefix, records: earlier.flatMap { PageRecords(coded: $0.pageRecordBytes) }, siteKey: siteKey, addedOrRemoved: true,
            compiling: compiling)
    }

    /// Loads `root` for linting the root-relative `files` alone: the pages neither named nor
    /// reading a named file are stand-ins from the page records of the last lint of the whole
    /// root (`earlier`), when every input but Markdown pages is as it was then (else every page is
    /// read); the pages edited since are read too. Nil when `earlier` keeps no records or a file
    /// is not one of their pages (a named include file or draft is loaded as a page of its own,
    /// which the records do not have).
    public static func load(root: URL, displayPrefix: String, siteKey: SiteKey, earlier: CachedLint?, reading files: [String]) -> ReusingLoad? {
        guard let records = earlier.flatMap({ PageRecords(coded: $0.pageRecordBytes) }), files.allSatisfy({ records.pages[$0] != nil }) else { return nil }
        return ReusingLoad.load(root: root, displayPrefix: displayPrefix, records: records, siteKey: siteKey, reading: Set(files))
    }

    /// Writes the findings, the file count, the lines shown and the page records.
    public func write(to writer: inout CacheWriter) {
        writer.write(diagnostics)
        writer.write(fileCount)
        writer.write(shownLines) { $0.write($1) }
        writer.write(bytes: pageRecordBytes)
    }

    /// Reads what ``write(to:)`` wrote.
    public init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        diagnostics = try reader.list(of: Diagnostic.self)
        fileCount = try reader.int()
        shownLines = try reader.list { reader throws(CacheReader.Malformed) in try reader.optionalString() }
        guard shownLines.count == diagnostics.count else { throw CacheReader.Malformed() }
        pageRecordBytes = try reader.rawBytes()
    }

    /// The cache slot of linting `root`, its paths shown with `displayPrefix`.
    public static func slot(root: URL, displayPrefix: String) -> String {
        ["lint", root.standardizedFileURL.path, "shown-as=\(displayPrefix)"].joined(separator: "\n")
    }

    /// Begins, in `cache`, a lint of the whole `root` whose paths are shown after `displayPrefix`:
    /// the entry's result when nothing changed since it, else the entry kept as `earlier`.
    public static func begin(
        in cache: RunCache, root: URL, displayPrefix: String, today: Date, notes: inout [String]
    ) -> (run: RunCache.Run, stored: CachedLint?, earlier: CachedLint?, inputs: SiteKey) {
        cache.begin(
            CachedLint.self, slot: slot(root: root, displayPrefix: displayPrefix), notes: &notes, keepingEarlier: true,
            inputs: { inputs(root: root, displayPrefix: displayPrefix, today: today, hashes: $0) }, key: \.whole)
    }

    /// The keys of the inputs: the slot, the day (the date rules count days) and the content, whose
    /// files `hashes` reads unless it knows them.
    public static func inputs(root: URL, displayPrefix: String, today: Date, hashes: FileHashes) -> SiteKey {
        SiteKey.ofContent(root: root, slot: slot(root: root, displayPrefix: displayPrefix), today: today, hashes: hashes)
    }
}
