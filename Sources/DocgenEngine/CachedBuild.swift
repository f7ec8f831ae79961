import DocgenCore
import DocgenRender
import Foundation

/// What the cache keeps of a build: its report, the stamp of the output it left, and what it
/// made of each page. A build of the same inputs with the same options reports this instead of
/// building again, as long as the output folder still has that stamp; a build in which only
/// pages were edited keeps the other pages' findings and HTML (``PageRecords``).
struct CachedBuild: CacheCodable {
    var pages: Int
    var generatedPages: Int
    var assets: Int
    /// The findings, coded apart: a build after an edit never reads the last build's.
    var diagnosticBytes: [UInt8]
    /// ``OutputStamp`` of the site the build put in place, taken just before it became the output.
    var outputStamp: String
    /// ``PageRecords``, coded apart: a build with nothing changed never reads them.
    var pageRecordBytes: [UInt8]

    /// An entry of a build's counts, its findings as ``coded(_:)`` codes them, the stamp of its
    /// output and its page records, coded.
    init(pages: Int, generatedPages: Int, assets: Int, diagnosticBytes: [UInt8], outputStamp: String, pageRecordBytes: [UInt8]) {
        self.pages = pages
        self.generatedPages = generatedPages
        self.assets = assets
        self.diagnosticBytes = diagnosticBytes
        self.outputStamp = outputStamp
        self.pageRecordBytes = pageRecordBytes
    }

    /// The build's page records, or nil when they do not decode.
    var pageRecords: PageRecords? { PageRecords(coded: pageRecordBytes) }

    /// A build's findings in an entry's coding.
    static func coded(_ diagnostics: [Diagnostic]) -> [UInt8] {
        var writer = CacheWriter()
        writer.write(diagnostics)
        return writer.bytes
    }

    /// The build's findings, or nil when they do not decode.
    var diagnostics: [Diagnostic]? {
        var reader = CacheReader(diagnosticBytes)
        guard let diagnostics = try? reader.list(of: Diagnostic.self), reader.isAtEnd else { return nil }
        return diagnostics
    }

    func write(to writer: inout CacheWriter) {
        for count in [pages, generatedPages, assets] { writer.write(count) }
        writer.write(bytes: diagnosticBytes)
        writer.write(outputStamp)
        writer.write(bytes: pageRecordBytes)
    }

    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        pages = try reader.int()
        generatedPages = try reader.int()
        assets = try reader.int()
        diagnosticBytes = try reader.rawBytes()
        outputStamp = try reader.string()
        pageRecordBytes = try reader.rawBytes()
    }

    /// The cache slot of a build: the options that change its result, but not its inputs.
    static func slot(_ options: BuildOptions, displayPrefix: String) -> String {
        [
            "build", options.contentRoot.standardizedFileURL.path, options.output.standardizedFileURL.path,
            options.templates.standardizedFileURL.path, options.baseURL, "drafts=\(options.includeDrafts)",
            "all-checks=\(options.draftChecks)", "shown-as=\(displayPrefix)",
        ].joined(separator: "\n")
    }

    /// The keys of a build's inputs: the slot, the day (the date rules count days), the content and
    /// the templates, whose files `hashes` reads unless it knows them.
    static func inputs(_ options: BuildOptions, displayPrefix: String, hashes: FileHashes) -> SiteKey {
        let slot = slot(options, displayPrefix: displayPrefix)
        let templates = InputFingerprint.of(folder: options.templates, hashes: hashes)
        return SiteKey(InputFingerprint.parts(contentRoot: options.contentRoot, hashes: hashes)) { content in
            var hash = StableHash()
            hash.add(slot)
            hash.add(UTCDay.of(options.today))
            hash.add(content)
            hash.add(templates)
            return hash.hex
        }
    }
}
