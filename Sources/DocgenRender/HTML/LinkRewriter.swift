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
    /// The doc set's publishing configuration: what `~/` stands for (the doc set's folder), as
    /// lint resolves it.
    public let docfx: DocfxProject

    /// Creates a rewriter for the page whose output path is `pageOutputPath`.
    public init(files: ContentFiles, pageOutputPath: String, docfx: DocfxProject) {
        self.files = files
        self.pageOutputPath = pageOutputPath
        self.docfx = docfx
    }

    /// The URL to emit for `destination` written in the file at root-relative `sourcePath`, or nil
    /// when the link must not be emitted; `asset` is set when the target is a file to copy.
    public func rewrite(_ destination: String, from sourcePath: String) -> (url: String?, asset: String?) {
        guard HTMLEscaping.isSafeURL(destination) else { return (nil, nil) }
        return rewrite(destination, LinkTarget.resolve(destination, from: sourcePath, files: files, docfx: docfx))
    }

    /// What `rewrite` gives, or nil when that depends on what only the loaded site knows: a
    /// root-relative URL may be a Learn URL of one of the doc set's pages, and a missing file may
    /// be redirected. For either `rewrite` always gives a URL, never nil. The destination is
    /// resolved once for both.
    public func rewriteUnlessSiteDependent(_ destination: String, from sourcePath: String) -> (url: String?, asset: String?)? {
        guard HTMLEscaping.isSafeURL(destination) else { return (nil, nil) }
        let target = LinkTarget.resolve(destination, from: sourcePath, files: files, docfx: docfx)
        return Self.dependsOnSite(target, destination) ? nil : rewrite(destination, target)
    }

    private func rewrite(_ destination: String, _ target: LinkTarget) -> (url: String?, asset: String?) {
        switch target {
        case .empty, .outsideRoot:
            return (nil, nil)
        case .external(let url):
            return (url, nil)
        case .rootRelative(let url):
            return (files.learnPaths.outsideURL(url), nil)
        case .learnReference:
            return destination.lowercased().hasPrefix("#") ? (destination, nil) : (nil, nil)
        case .fragment:
            return (destination.trimmingSpaces(), nil)
        case .file(let path, let fragment):
            let suffix = fragment.map { "#" + Self.encodeFragment($0) } ?? ""
            if files.isPage(path) {
                return (RelativePath.link(from: pageOutputPath, to: Document.outputPath(for: path)) + suffix, nil)
            }
            return (Self.encodePath(RelativePath.link(from: pageOutputPath, to: path)) + suffix, path)
        case .missing(let path, let fragment, _):
            // A redirected source: straight to where its redirects finally lead, as a reader
            // following the old link would land (one hop instead of a chain of redirect pages).
            if let destination = files.redirects.destination(forSource: path), let url = url(of: destination, fragment: fragment) {
                return (url, nil)
            }
            // Keep a broken link pointing where the writer meant; lint reports it.
            let suffix = fragment.map { "#" + Self.encodeFragment($0) } ?? ""
            let target = path.lowercased().hasSuffix(".md") ? Document.outputPath(for: path) : path
            return (Self.encodePath(RelativePath.link(from: pageOutputPath, to: target)) + suffix, nil)
        }
    }

    private static func dependsOnSite(_ target: LinkTarget, _ destination: String) -> Bool {
        switch target {
        case .rootRelative, .missing: return true
        case .file: return destination.trimmingSpaces().hasPrefix("/")
        default: return false
        }
    }

    /// The URL of a redirect's destination from this page; a fragment written in the link wins
    /// over the redirect's own. Nil when the redirects lead nowhere (the link then stays as
    /// written, and lint reports it).
    func url(of destination: RedirectMap.Destination, fragment: String?) -> String? {
        switch destination {
        case .page(let path, let redirectFragment):
            let suffix = (fragment ?? redirectFragment).map { "#" + Self.encodeFragment($0) } ?? ""
            return RelativePath.link(from: pageOutputPath, to: Document.outputPath(for: path)) + suffix
        case .url(let url):
            // Redirect targets come from configuration: never a javascript: or data: URL.
            return HTMLEscaping.isSafeURL(url) ? url : nil
        case .missing:
            return nil
        }
    }

    /// The URL of what an xref names, from this page: the fragment written after the uid wins
    /// over the xrefmap's.
    func url(of target: XrefMap.Target, reference: XrefMap.Reference) -> String? {
        let fragment = (reference.fragment ?? target.fragment).map { "#" + Self.encodeFragment($0) } ?? ""
        if let page = target.page {
            return RelativePath.link(from: pageOutputPath, to: Document.outputPath(for: page)) + fragment
        }
        guard let url = target.url, HTMLEscaping.isSafeURL(url) else { return nil }
        if url.hasPrefix("/"), !url.hasPrefix("//") { return files.learnPaths.outsideURL(url) + (reference.fragment.map { "#" + $0 } ?? "") }
        return reference.fragment == nil ? url + (target.fragment.map { "#" + $0 } ?? "") : String(url.prefix { $0 != "#" }) + fragment
    }

    /// `path` with `%`, space, `#` and `?` percent-encoded, so they stay part of the path.
    static func encodePath(_ path: String) -> String {
        percentEncoding(path, [UInt8(ascii: "%"), UInt8(ascii: " "), UInt8(ascii: "#"), UInt8(ascii: "?")])
    }

    /// `fragment` with spaces percent-encoded.
    static func encodeFragment(_ fragment: String) -> String {
        percentEncoding(fragment, [UInt8(ascii: " ")])
    }

    private static func percentEncoding(_ text: String, _ bytes: [UInt8]) -> String {
        // Most paths have none of them: no new string then.
        guard text.utf8.contains(where: bytes.contains) else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if bytes.contains(byte) {
                result.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
