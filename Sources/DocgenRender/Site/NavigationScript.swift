import DocgenCore

/// The file that holds a whole navigation tree once, for a site whose navigation is too large to
/// repeat in every page (`navigation.inline-limit` in docgen.yml): `toc/<TOC path>.js`, which
/// `docgen-nav.js` loads and the browser caches across pages. A script rather than JSON, as
/// `search-index.js` is, because a script loads from `file://` where a fetch does not.
///
/// It sets `window.DOCGEN_NAV_TREE` to the top-level entries, each
/// `{"t": title, "u": root-relative output path or external URL, "x": 1 when external,
/// "r": "role ids", "e": 1 when shown open, "c": [children]}`, keys left out when empty.
struct NavigationScript: Sendable {
    /// Root-relative output path of the file.
    let path: String
    /// The file's text.
    let text: String
    /// A hash of the tree without its titles (``shape(of:)``), added to the file's URL in every
    /// page: a browser never keeps a cached tree whose entries lead elsewhere than this build's.
    /// Titles are left out so that a new title changes only the pages that show it (their own
    /// branch), not every page that loads the tree; a browser still holding the file from an
    /// earlier build shows an entry's old title until it revalidates its copy.
    let version: String

    init(tree: NavigationTree) {
        path = Self.path(for: tree.name)
        var text = "window.DOCGEN_NAV_TREE=["
        Self.append(tree.nodes, to: &text)
        text += "];\n"
        self.text = text
        version = Self.version(of: Self.shape(of: tree))
    }

    /// The tree's entries as the file writes them, every title left empty.
    static func shape(of tree: NavigationTree) -> String {
        var text = ""
        append(tree.nodes, to: &text, titles: false)
        return text
    }

    /// A 64-bit FNV-1a hash of `text` in base 36.
    static func version(of text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 36)
    }

    /// `toc/` and the TOC's source path with `.js` for its extension (`articles/toc.yml` ->
    /// `toc/articles/toc.js`); TOC files are all named `toc.yml`, so the folder and generated
    /// navigations (`site`, `sections`) never collide with one.
    static func path(for name: String) -> String {
        let base = name.hasSuffix(".yml") || name.hasSuffix(".yaml") ? String(name[..<name.lastIndex(of: ".")!]) : name
        return "toc/" + base + ".js"
    }

    private static func append(_ nodes: [NavigationTree.Node], to text: inout String, titles: Bool = true) {
        for (offset, node) in nodes.enumerated() {
            if offset > 0 { text += "," }
            text += "{\"t\":" + SearchIndexBuilder.json(titles ? node.title : "")
            if let external = node.externalURL {
                text += ",\"u\":" + SearchIndexBuilder.json(external) + ",\"x\":1"
            } else if let path = node.outputPath {
                text += ",\"u\":" + SearchIndexBuilder.json(path)
            }
            if !node.roleIDs.isEmpty { text += ",\"r\":" + SearchIndexBuilder.json(node.roleIDs.joined(separator: " ")) }
            if node.expanded { text += ",\"e\":1" }
            if !node.children.isEmpty {
                text += ",\"c\":["
                append(node.children, to: &text, titles: titles)
                text += "]"
            }
            text += "}"
        }
    }
}
