/// What rendering one page's Markdown produced.
public struct RenderedArticle: Sendable {
    /// An entry of "On this page".
    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        public var id: String
        /// The pivots of the zone the heading is in; empty outside zone pivots.
        public var pivots: [String] = []
        /// The versions of the moniker block the heading is in; nil outside moniker blocks.
        public var monikers: [String]? = nil
    }

    /// The HTML of the first H1's content, when the page opens with one (it becomes the page
    /// heading); empty otherwise.
    public var headingHTML: String
    /// The body HTML, without that H1.
    public var bodyHTML: String
    /// H2 and H3 headings, for "On this page".
    public var outline: [Heading]
    /// Headings phrased as scenario questions ("How do I ...?", "How can I ...?").
    public var questions: [Heading]
    /// The page's words, for the search index.
    public var plainText: String
    /// Root-relative paths of the files the page links to or shows that are not pages (images,
    /// lightbox targets, downloads), to copy to the output.
    public var assets: Set<String>
    /// Links left as placeholders in `headingHTML` and `bodyHTML`, when the page was rendered
    /// before the site was loaded; empty otherwise.
    public var pendingLinks: [PendingLink] = []
}
