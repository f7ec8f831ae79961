/// What a site knows of its root-relative links into other Learn doc sets (`/windows/...`): how
/// many there are, in how many files, the first, and the first three top folders they lead to.
/// That is all the note about them says, and a large doc set has hundreds of thousands of them:
/// a summary per page, merged in page order, stands for the list.
public struct OtherDocSetLinkSummary: Sendable, Equatable {
    /// How many links lead to other doc sets.
    public internal(set) var count = 0
    /// The files that hold them, each once, in the order first met (a page or an include file).
    public internal(set) var files: [String] = []
    /// The first of them, in page order.
    public internal(set) var first: RootRelativeLinks.Link?
    /// The first path segments they lead to (`/windows/`), each once, at most ``shownPrefixes``.
    public internal(set) var prefixes: [String] = []

    /// How many top folders the summary keeps.
    public static let shownPrefixes = 3

    /// An empty summary.
    public init() {}

    /// The summary of `links`, in their order.
    public init(_ links: some Sequence<RootRelativeLinks.Link>) {
        var last: String?
        for link in links {
            count += 1
            if first == nil { first = link }
            // A page's links come together: only a change of file is looked up.
            if link.path != last, !files.contains(link.path) { files.append(link.path) }
            last = link.path
            if prefixes.count < Self.shownPrefixes {
                let segment = Self.firstSegment(of: link.url)
                if !prefixes.contains(where: { Self.prefix($0, isMadeOf: segment) }) { prefixes.append("/" + segment + "/") }
            }
        }
    }

    /// The summaries of `parts`, merged in order.
    public static func merged(_ parts: some Sequence<OtherDocSetLinkSummary>) -> OtherDocSetLinkSummary {
        var files = Set<String>()
        var merged = OtherDocSetLinkSummary()
        for part in parts {
            merged.count += part.count
            if merged.first == nil { merged.first = part.first }
            // A set beside the ordered list: a site's files are counted once each among thousands.
            for file in part.files where files.insert(file).inserted { merged.files.append(file) }
            for prefix in part.prefixes where merged.prefixes.count < Self.shownPrefixes && !merged.prefixes.contains(prefix) {
                merged.prefixes.append(prefix)
            }
        }
        return merged
    }

    /// The first segment of a root-relative URL's path (`/windows/about?x` -> `windows`), cut on
    /// its UTF-8 bytes: it is asked of every link of a page until three top folders are known,
    /// and most pages link into one or two.
    static func firstSegment(of url: String) -> Substring {
        let utf8 = url.utf8
        var start = utf8.startIndex
        while start != utf8.endIndex, utf8[start] == UInt8(ascii: "/") { start = utf8.index(after: start) }
        var end = start
        while end != utf8.endIndex, !Self.endsSegment(utf8[end]) { end = utf8.index(after: end) }
        // Both ends are at ASCII bytes or the string's ends: character boundaries.
        return url[start..<end]
    }

    private static func endsSegment(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "/") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "?")
    }

    /// Whether `prefix` (`/windows/`) is `segment` between slashes, compared without making it.
    private static func prefix(_ prefix: String, isMadeOf segment: Substring) -> Bool {
        prefix.utf8.count == segment.utf8.count + 2 && prefix.utf8.dropFirst().dropLast().elementsEqual(segment.utf8)
    }
}
