import DocgenMarkup

/// What a link or image destination in a page points at, resolved against the content root.
/// Lint checks and the renderer's link rewriting share this one classification.
public enum LinkTarget: Sendable, Hashable {
    /// `[x]()`: nothing at all.
    case empty
    /// A URL with a scheme (`https:`, `mailto:`, ...), including protocol-relative `//host`.
    case external(String)
    /// Learn forms that are not file links: `#tab/...`, `#top`, `xref:` and `<xref:...>`.
    case learnReference
    /// `/windows/...`: a root-relative link into another Learn doc set; not checked.
    case rootRelative(String)
    /// `#anchor` within the same page (decoded).
    case fragment(String)
    /// An existing file in the content root, with an optional (decoded) fragment.
    case file(path: String, fragment: String?)
    /// A relative path inside the root that names no file; `caseMatch` is the file's real
    /// spelling when only the letter case differs.
    case missing(path: String, fragment: String?, caseMatch: String?)
    /// A relative path that climbs above the content root.
    case outsideRoot

    /// Classifies `destination` as written in the file at root-relative `path`.
    /// `docfx` says what `~/` stands for (the doc set's folder).
    public static func resolve(_ destination: String, from path: String, files: ContentFiles, docfx: DocfxProject? = nil) -> LinkTarget {
        let trimmed = destination.trimmingSpaces()
        if trimmed.isEmpty { return .empty }
        if trimmed.hasPrefixIgnoringASCIICase("#tab/") || trimmed == "#top" || trimmed.hasPrefixIgnoringASCIICase("xref:") || trimmed.hasPrefixIgnoringASCIICase("<xref:") {
            return .learnReference
        }
        if trimmed.hasPrefix("#") { return .fragment(RelativePath.percentDecoded(String(trimmed.dropFirst()))) }
        if trimmed.hasPrefix("//") || hasScheme(trimmed) { return .external(trimmed) }
        if trimmed.hasPrefix("/") {
            // A Learn URL of one of this doc set's own pages resolves to it; any other leads to
            // another doc set and is not checked.
            guard let page = files.learnPaths.page(for: trimmed, files: files) else { return .rootRelative(trimmed) }
            let fragment = trimmed.firstIndex(of: "#").map { RelativePath.percentDecoded(String(trimmed[trimmed.index(after: $0)...])) }
            return .file(path: page, fragment: fragment)
        }
        var pathPart = Substring(trimmed)
        var fragment: String?
        if let hash = pathPart.firstIndex(of: "#") {
            fragment = RelativePath.percentDecoded(String(pathPart[pathPart.index(after: hash)...]))
            pathPart = pathPart[..<hash]
        }
        if let query = pathPart.firstIndex(of: "?") { pathPart = pathPart[..<query] }
        let decoded = RelativePath.percentDecoded(String(pathPart)).replacingOccurrences(of: "\\", with: "/")
        let relative = decoded.hasPrefix("~/") ? String(decoded.dropFirst(2)) : decoded
        let resolved = decoded.hasPrefix("~/")
            ? (docfx ?? DocfxProject()).resolveTilde(relative, from: path)
            : RelativePath.join(RelativePath.directory(of: path), relative)
        guard let joined = resolved else { return .outsideRoot }
        if joined.isEmpty || relative.hasSuffix("/") {
            let index = joined.isEmpty ? "index.md" : joined + "/index.md"
            return files.contains(index) ? .file(path: index, fragment: fragment) : .missing(path: joined, fragment: fragment, caseMatch: nil)
        }
        if files.contains(joined) { return .file(path: joined, fragment: fragment) }
        return .missing(path: joined, fragment: fragment, caseMatch: files.caseInsensitiveMatch(joined))
    }

    private static func hasScheme(_ text: String) -> Bool {
        // RFC 3986: a letter, then letters, digits, + - or ., then a colon (two characters at
        // least, so `C:` drive letters are paths).
        var length = 0
        for byte in text.utf8 {
            if byte == 0x3A { return length > 1 }
            let isOther = byte.isASCIIDigit || byte == 0x2B || byte == 0x2D || byte == 0x2E
            guard byte.isASCIILetter || (length > 0 && isOther) else { return false }
            length += 1
        }
        return false
    }
}
