/// A Learn `toc.yml`: a tree of named entries, each linking to a page or holding children.
///
/// Follows DocFX's table-of-contents model (docs/table-of-contents in dotnet/docfx): `href` to
/// another `toc.yml` nests that TOC in place; `href` to a folder (ending in `/`) or `tocHref`
/// references another TOC without nesting it, and the entry opens `topicHref`; `expanded` shows
/// an entry's children open; a root `order` ranks TOCs when several could navigate a page.
public struct TableOfContents: Sendable, Hashable {
    /// One entry of the tree.
    public struct Entry: Sendable, Hashable {
        /// The display name.
        public var name: String
        /// The root-relative path of the page, nil for a pure grouping entry or an external link.
        public var path: String?
        /// An external URL, when the entry links outside the site.
        public var externalURL: String?
        /// Child entries.
        public var children: [Entry]
        /// The line of the entry in its `toc.yml`.
        public var line: Int
        /// Whether the entry's children are shown open on every page (`expanded: true`).
        public var expanded: Bool = false
    }

    /// The root-relative path of the `toc.yml` file.
    public var path: String = ""
    /// DocFX's `order`: when several TOCs could navigate a page, the smallest order wins. A TOC
    /// that another one nests defaults to 100, so the containing TOC takes precedence.
    public var order: Int = 0
    /// The top-level entries.
    public var entries: [Entry]
    /// Root-relative paths of the `toc.yml` files nested into this one, its own included.
    public var nestedFiles: Set<String> = []

    /// Creates a table of contents from its entries.
    public init(path: String = "", order: Int = 0, entries: [Entry], nestedFiles: Set<String> = []) {
        self.path = path
        self.order = order
        self.entries = entries
        self.nestedFiles = nestedFiles
    }

    /// All page paths in reading order.
    public var orderedPaths: [String] {
        var result: [String] = []
        var seen = Set<String>()
        var stack: [ArraySlice<Entry>] = [entries[...]]
        // Depth-first and iterative: a TOC is data, and its depth is the author's.
        while var level = stack.popLast() {
            guard let entry = level.popFirst() else { continue }
            stack.append(level)
            if let path = entry.path, seen.insert(path).inserted { result.append(path) }
            if !entry.children.isEmpty { stack.append(entry.children[...]) }
        }
        return result
    }

    /// The folder the `toc.yml` is in (`""` at the content root).
    public var folder: String { RelativePath.directory(of: path) }

    /// Whether `name` is a TOC file name; DocFX matches it without regard to letter case.
    public static func isTOCFileName(_ name: String) -> Bool {
        RelativePath.isNamed(name, ignoringCase: "toc.yml")
    }
}
