import DocgenMarkup

/// The versions of one page: the monikers its doc set declares (or, when it declares none, those
/// the page names), the page's own `monikerRange`, and its `::: moniker` blocks.
public struct PageMonikers: Sendable {
    /// The monikers ranges are evaluated against, oldest first: the doc set's declared monikers,
    /// else the names the page's `monikerRange` and moniker blocks use, in document order.
    public let ordered: [String]
    /// Whether `ordered` comes from the doc set's configuration (docfx.json `groups`).
    public let isDeclared: Bool
    /// The page's `monikerRange` (front matter, docfx.json `fileMetadata` or its version group).
    public let pageRange: String?
    /// The range of each `::: moniker` block, in document order.
    public let blockRanges: [String]
    /// The versions a reader can choose between on this page: those of its `monikerRange`, else
    /// those its blocks select, in `ordered` order.
    public let versions: [String]

    /// Gathers the versions of `document` in `site`.
    public init(_ document: Document, in site: Site) {
        self.init(document, declared: site.docfx.docset(of: document.path)?.metadata.declaredMonikers ?? [])
    }

    /// Gathers the versions of `document` given the doc set's declared monikers.
    public init(_ document: Document, declared: [String]) {
        var ranges: [String] = []
        var root = document.root
        Self.collect(&root, into: &ranges)
        blockRanges = ranges
        pageRange = document.frontMatter.string("monikerRange").flatMap { $0.isEmpty ? nil : $0 }
        isDeclared = !declared.isEmpty
        if isDeclared {
            ordered = declared
        } else {
            var seen = Set<String>(), names: [String] = []
            for range in [pageRange].compactMap({ $0 }) + ranges {
                guard case .success(let parsed) = MonikerRange.parse(range) else { continue }
                for name in parsed.names where seen.insert(name.lowercased()).inserted { names.append(name) }
            }
            ordered = names
        }
        let order = ordered
        if let pageRange, case .success(let parsed) = MonikerRange.parse(pageRange), !parsed.evaluate(in: order).isEmpty {
            versions = parsed.evaluate(in: order)
        } else {
            var chosen = Set<String>()
            for range in ranges {
                if case .success(let parsed) = MonikerRange.parse(range) { chosen.formUnion(parsed.evaluate(in: order)) }
            }
            versions = order.filter(chosen.contains)
        }
    }

    /// The versions of this page that `range` selects, in order; empty when it cannot be read.
    public func versions(of range: String) -> [String] {
        guard case .success(let parsed) = MonikerRange.parse(range) else { return [] }
        let selected = Set(parsed.evaluate(in: ordered))
        return versions.filter(selected.contains)
    }

    /// The node is lent in place, never written: iterating the children copied every node.
    private static func collect(_ node: inout MarkupNode, into ranges: inout [String]) {
        if case .moniker(let range) = node.kind { ranges.append(range) }
        node.lendChildren { collect(&$0, into: &ranges) }
    }
}
