import DocgenCore
import DocgenMarkup

/// Turns link and image destinations as written in content into URLs of the built site:
/// relative `.md` links become relative links to the built pages (fragments kept), files become
/// relative links to their copies, external URLs pass through, and anything unsafe or outside
/// the content root is dropped.
public struct LinkRewriter: Sendable {
    /// The files of the content root.
    public let files: ContentFiles
    /// The output path of the page being rendered.
    public let pageOutputPath: String

    /// Creates a rewriter for the page whose output path is `pageOutputPath`.
    public init(files: ContentFiles, pageOutputPath: String) {
        self.files = files
        self.pageOutputPath = pageOutputPath
    }

    /// The URL to emit for `destination` written in the file at root-relative `sourcePath`, or nil
    /// when the link must not be emitted; `asset` is set when the target is a file to copy.
    public func rewrite(_ destination: String, from sourcePath: String) -> (url: String?, asset: String?) {
        guard HTMLEscaping.isSafeURL(destination) else { return (nil, nil) }
        switch LinkTarget.resolve(destination, from: sourcePath, files: files) {
        case .empty, .outsideRoot:
            return (nil, nil)
        case .external(let url), .rootRelative(let url):
            return (url, nil)
        case .learnReference:
            return destination.lowercased().hasPrefix("#") ? (destination, nil) : (nil, nil)
        case .fragment:
            return (destination.trimmingSpaces(), nil)
        case .file(let path, let fragment):
            let suffix = fragment.map { "#" + Self.encodeFragment($0) } ?? ""
            if path.lowercased().hasSuffix(".md") {
                return (RelativePath.link(from: pageOutputPath, to: Document.outputPath(for: path)) + suffix, nil)
            }
            return (Self.encodePath(RelativePath.link(from: pageOutputPath, to: path)) + suffix, path)
        case .missing(let path, let fragment, _):
            // Keep a broken link pointing where the writer meant; lint reports it.
            let suffix = fragment.map { "#" + Self.encodeFragment($0) } ?? ""
            let target = path.lowercased().hasSuffix(".md") ? Document.outputPath(for: path) : path
            return (Self.encodePath(RelativePath.link(from: pageOutputPath, to: target)) + suffix, nil)
        }
    }

    static func encodePath(_ path: String) -> String {
        path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: " ", with: "%20")
            .replacingOccurrences(of: "#", with: "%23").replacingOccurrences(of: "?", with: "%3F")
    }

    static func encodeFragment(_ fragment: String) -> String {
        fragment.replacingOccurrences(of: " ", with: "%20")
    }
}
