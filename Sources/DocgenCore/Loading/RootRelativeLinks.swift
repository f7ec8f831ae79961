import DocgenMarkup

/// The root-relative links (`/azure/...`) of a site's pages and YAML pages: the evidence for where
/// the doc set lives on Learn, and the links that lead to other doc sets.
public enum RootRelativeLinks {
    /// One root-relative link and where it is written.
    public struct Link: Sendable, Hashable {
        public var url: String
        /// Root-relative path of the file it is written in (an include file for included content).
        public var path: String
        public var position: SourcePosition

        /// A link to `url` written in the file at `path`, at `position`.
        public init(url: String, path: String, position: SourcePosition) {
            self.url = url
            self.path = path
            self.position = position
        }
    }

    /// Every root-relative link destination of `documents` (included content counted) and of
    /// the YAML pages' `url` and `href` values, in page order.
    static func collect(documents: [Document], yamlPages: [YAMLPage]) -> [Link] {
        // Each page's links on all cores, joined in page order: one walk of every tree, done
        // while the rest of the load waited.
        let perPage = SiteLoader.parallelMap(documents.sorted(by: { $0.path < $1.path })) { Self.links(of: $0) }
        var links = perPage.flatMap { $0 }
        for page in yamlPages {
            var stack: [YAMLValue] = [page.content]
            while let value = stack.popLast() {
                switch value {
                case .map(let entries):
                    for entry in entries {
                        if entry.key == "url" || entry.key == "href", let url = entry.value.string?.trimmingSpaces(), url.hasPrefix("/"), !url.hasPrefix("//") {
                            links.append(Link(url: url, path: page.path, position: SourcePosition(line: entry.line, column: entry.column)))
                        } else {
                            stack.append(entry.value)
                        }
                    }
                case .list(let items): stack.append(contentsOf: items)
                case .string, .null: break
                }
            }
        }
        return links
    }

    /// One page's root-relative link destinations (included content counted), in source order;
    /// kept with the page, since after a save serve gathers every page's links again.
    public static func links(of document: Document) -> [Link] {
        document.memo.value(linksKey) { pageLinks(of: document) }
    }

    /// The summary of a page's root-relative links that lead to other doc sets, under `files`'
    /// Learn URL paths; kept with the page (loading records it for every page).
    public static func otherDocSetLinks(of document: Document, files: ContentFiles) -> OtherDocSetLinkSummary {
        document.memo.value(otherDocSetLinksKey) { OtherDocSetLinkSummary(links(of: document).lazy.filter { files.learnPaths.page(for: $0.url, files: files) == nil }) }
    }

    /// Records for each of `documents` the summary of its links that lead to other doc sets, as
    /// `leaves` says of each URL, on all cores; returns the summaries merged in page order.
    static func recordOtherDocSetLinks(of documents: [Document], leaves: [String: Bool]) -> OtherDocSetLinkSummary {
        let perPage = SiteLoader.parallelMap(documents.sorted(by: { $0.path < $1.path })) { document in
            document.memo.value(otherDocSetLinksKey) { OtherDocSetLinkSummary(links(of: document).lazy.filter { leaves[$0.url] ?? false }) }
        }
        return OtherDocSetLinkSummary.merged(perPage)
    }

    /// The page's summary of its links into other doc sets when loading recorded it (or a
    /// stand-in brought it from the cache); nil before.
    static func recordedOtherDocSetLinks(of document: Document) -> OtherDocSetLinkSummary? {
        document.memo.recorded(otherDocSetLinksKey)
    }

    /// Keeps `summary`, made when the page was loaded in full under the same Learn URL paths and
    /// files, as the page's summary of its links into other doc sets.
    static func record(_ summary: OtherDocSetLinkSummary, of document: Document) {
        _ = document.memo.value(otherDocSetLinksKey) { summary }
    }

    private static let linksKey = "root-relative-links"
    private static let otherDocSetLinksKey = "other-doc-set-links"

    /// Keeps `links`, found by the loader's walk of `document`, as the page's root-relative links.
    static func record(_ links: [Link], of document: Document) {
        // Without the room the list kept for more: every page keeps its links for the whole run.
        _ = document.memo.value(linksKey) { links.withoutSpareCapacity() }
    }

    private static func pageLinks(of document: Document) -> [Link] {
        var links: [Link] = []
        document.root.walk(in: document.path) { node, path in
            if let link = link(node, in: path) { links.append(link) }
        }
        return links
    }

    /// The root-relative link `node` is, written in the file at `path`; nil for any other node.
    static func link(_ node: MarkupNode, in path: String) -> Link? {
        let destination: String
        switch node.kind {
        case .link(let url, _, _): destination = url
        case .image(let source, _): destination = source
        default: return nil
        }
        let trimmed = destination.trimmingSpaces()
        guard trimmed.hasPrefix("/"), !trimmed.hasPrefix("//") else { return nil }
        return Link(url: trimmed, path: path, position: node.start ?? SourcePosition(line: 1, column: 1))
    }
}
