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
    /// The line of its file each finding's text report shows, in the same order; nil where the
    /// report shows none. Kept so that a report from the cache reads no file.
    public var shownLines: [String?]

    /// What a lint found.
    public init(diagnostics: [Diagnostic], fileCount: Int, shownLines: [String?]) {
        self.diagnostics = diagnostics
        self.fileCount = fileCount
        self.shownLines = shownLines
    }

    /// Writes the findings, the file count and the lines shown.
    public func write(to writer: inout CacheWriter) {
        writer.write(diagnostics)
        writer.write(fileCount)
        writer.write(shownLines) { $0.write($1) }
    }

    /// Reads what ``write(to:)`` wrote.
    public init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        diagnostics = try reader.list(of: Diagnostic.self)
        fileCount = try reader.int()
        shownLines = try reader.list { reader throws(CacheReader.Malformed) in try reader.optionalString() }
        guard shownLines.count == diagnostics.count else { throw CacheReader.Malformed() }
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
}
