import DocgenMarkup
import Foundation

/// Every file under the content root, listed once, so that link checks need no file system
/// calls and can tell a missing file from one whose letter case differs. Symbolic links that
/// lead outside the root are left out: nothing outside the root is ever read.
public struct ContentFiles: Sendable {
    /// The content root, absolute and with symbolic links resolved.
    public let root: URL
    /// Root-relative paths of every regular file.
    public let paths: Set<String>
    /// Root-relative paths of the YAML pages (Landing, Hub, FAQ) that are built like Markdown pages.
    public internal(set) var yamlPages: Set<String> = []
    /// Where the doc set lives on Learn: root-relative links to its own pages resolve through it.
    public internal(set) var learnPaths = LearnPathMap()
    /// The doc set's redirects, followed to where they lead: links to a redirected source path
    /// resolve through them.
    public internal(set) var redirects = RedirectMap()
    /// The doc set's cross-reference ids: `xref:` links resolve through them.
    public internal(set) var xrefs = XrefMap()
    /// Root-relative paths of the hidden configuration files docgen reads besides the pages:
    /// `.openpublishing.*.json` and the markdownlint files (hidden files are otherwise not listed).
    public let configurationFiles: [String]
    private let byLowercase: [String: String]
    private let byFolder: [String: [String]]

    /// Lists the files under `root`.
    public init(root: URL) {
        let resolvedRoot = root.standardizedFileURL.resolvingSymlinksInPath()
        self.root = resolvedRoot
        let listing = DirectoryListing.regularFiles(under: resolvedRoot.path, hiddenConfiguration: Self.isConfigurationFile)
        let found = Set(listing.files)
        paths = found
        configurationFiles = listing.hidden.sorted()
        let sorted = found.sorted()
        var lower: [String: String] = [:]
        lower.reserveCapacity(sorted.count)
        for path in sorted {
            let key = path.lowercased()
            if lower[key] == nil { lower[key] = path }
        }
        byLowercase = lower
        byFolder = Dictionary(grouping: sorted, by: { RelativePath.directory(of: $0) })
    }

    /// Whether a hidden file name is one of the configuration files docgen reads: the publish
    /// configuration and redirections (`.openpublishing.*.json`) and the names markdownlint reads.
    /// Loading lists them, serve watches them, and the cache fingerprints them above the root.
    public static func isConfigurationFile(_ name: String) -> Bool {
        (name.hasPrefix(".openpublishing.") && name.hasSuffix(".json")) || MarkdownlintSettings.fileNames.contains(name)
    }

    /// Whether `path` is an image, a video, a sound or a PDF by its extension: a file that loading
    /// never reads (unless a page shows it as code), which the site only copies. A cached build
    /// weighs each one apart, so a replaced screenshot does not check every page again.
    public static func isMedia(_ path: String) -> Bool {
        guard let dot = RelativePath.extensionDot(in: path) else { return false }
        return mediaExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    private static let mediaExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "tif", "tiff", "ico", "avif", "mp4", "webm", "mov", "mp3", "wav", "ogg", "pdf",
    ]

    /// The files directly in the root-relative `folder`, sorted.
    public func files(in folder: String) -> [String] { byFolder[folder] ?? [] }

    /// True when `path` is a page of the site: Markdown, or a YAML page docgen builds.
    public func isPage(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".md") || yamlPages.contains(path)
    }

    /// True when `path` names a file exactly.
    public func contains(_ path: String) -> Bool { paths.contains(path) }

    /// The real spelling of `path` when it exists only with other letter case.
    public func caseInsensitiveMatch(_ path: String) -> String? {
        guard !paths.contains(path) else { return nil }
        return byLowercase[path.lowercased()]
    }

    /// The absolute URL of a root-relative path.
    public func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// Reads a root-relative file as text; nil when it is not one of the listed files.
    public func read(_ path: String) -> FileText? {
        guard paths.contains(path), let data = try? Data(contentsOf: url(path)) else { return nil }
        return FileText(data)
    }
}

/// The text of a file after decoding, with what was wrong with its bytes.
public struct FileText: Sendable {
    /// The decoded text, without a byte order mark.
    public var text: String
    /// The 1-based line of the first invalid UTF-8 sequence, if any (replaced by U+FFFD).
    public var invalidUTF8Line: Int?
    /// True when the file holds NUL bytes, the mark of a binary file.
    public var isBinary: Bool

    /// Decodes `data` as UTF-8 and turns CRLF line ends into LF (line numbers stay the same).
    public init(_ data: Data) {
        var bytes = data[...]
        if bytes.count >= 3, bytes[bytes.startIndex] == 0xEF, bytes[bytes.startIndex + 1] == 0xBB, bytes[bytes.startIndex + 2] == 0xBF {
            bytes = bytes.dropFirst(3)
        }
        isBinary = bytes.withUnsafeBytes { raw in raw.isEmpty ? false : memchr(raw.baseAddress!, 0, raw.count) != nil }
        if let valid = String(validating: bytes, as: UTF8.self) {
            text = valid
            invalidUTF8Line = nil
        } else {
            text = String(decoding: bytes, as: UTF8.self)
            let badLine = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\u{FFFD}") }
            invalidUTF8Line = (badLine ?? 0) + 1
        }
        if text.containsBytes("\r\n") { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
    }
}
