import DocgenCore
import DocgenMarkup
import Foundation

/// What the cache keeps of linting a whole content root: its findings and how many pages it
/// checked. A lint of the same inputs on the same day reports these instead of linting again.
public struct CachedLint: CacheCodable {
    /// The findings, as the lint reported them.
    public var diagnostics: [Diagnostic]
    /// How many files the lint checked.
    public var fileCount: Int
    /// Files the findings name that were loaded as empty pages (a page holding NUL bytes): the
    /// text report shows none of their lines.
    public var emptyPages: [String]

    /// What a lint found.
    public init(diagnostics: [Diagnostic], fileCount: Int, emptyPages: [String]) {
        self.diagnostics = diagnostics
        self.fileCount = fileCount
        self.emptyPages = emptyPages
    }

    /// Writes the findings, the file count and the empty pages.
    public func write(to writer: inout CacheWriter) {
        writer.write(diagnostics) { $1.write(to: &$0) }
        writer.write(fileCount)
        writer.write(emptyPages) { $0.write($1) }
    }

    /// Reads what ``write(to:)`` wrote.
    public init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        diagnostics = try reader.list { reader throws(CacheReader.Malformed) in try Diagnostic(from: &reader) }
        fileCount = try reader.int()
        emptyPages = try reader.list { reader throws(CacheReader.Malformed) in try reader.string() }
    }

    /// The cache slot of linting `root`, its paths shown with `displayPrefix`.
    public static func slot(root: URL, displayPrefix: String) -> String {
        ["lint", root.standardizedFileURL.path, "shown-as=\(displayPrefix)"].joined(separator: "\n")
    }

    /// The key of the inputs: the slot, the day (the date rules count days) and the content, whose
    /// files `hashes` reads unless it knows them.
    public static func key(root: URL, displayPrefix: String, today: Date, hashes: FileHashes) -> String {
        var hash = StableHash()
        hash.add(slot(root: root, displayPrefix: displayPrefix))
        hash.add(UTCDay.of(today))
        hash.add(InputFingerprint.of(contentRoot: root, hashes: hashes))
        return hash.hex
    }

    /// The text of the files the findings name, as a lint that loaded them shows their lines:
    /// the files loading lists, read as it reads them.
    public func sources(root: URL, displayPrefix: String) -> [String: SourceText] {
        let files = ContentFiles(root: root)
        let empty = Set(emptyPages)
        let paths = Set(diagnostics.map(\.file)).filter { $0.hasPrefix(displayPrefix) }.sorted()
        // Read and split on all cores: a large site's findings name thousands of files.
        let texts = SiteLoader.parallelMap(paths) { path -> SourceText? in
            if empty.contains(path) { return SourceText("") }
            return files.read(String(path.dropFirst(displayPrefix.count))).map { SourceText($0.text) }
        }
        var sources: [String: SourceText] = [:]
        for (path, text) in zip(paths, texts) where text != nil { sources[path] = text }
        return sources
    }
}
