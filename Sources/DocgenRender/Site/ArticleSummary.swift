/// What a build keeps of a rendered article besides its page: its part of the search index and
/// the content files it shows. A later build that keeps the page as it is takes these instead
/// of rendering it again.
public struct ArticleSummary: Sendable, Equatable {
    /// The terms the search index finds the article by (``SearchIndexBuilder/pageTerms(_:)``),
    /// separated by spaces: a term is a word, never holding one, and a string per page costs
    /// the cache and the index far less than ten thousand arrays of words.
    public var searchTerms: String
    /// The article's entry in the index's document table (``SearchIndexBuilder/document(_:)``).
    public var searchDocument: String
    /// Root-relative paths of the content files the article shows.
    public var assets: Set<String>

    /// The search terms one by one, cut at the spaces' bytes: splitting the string by
    /// characters breaks every term into graphemes, a tenth of a build after one edit.
    public var searchTermList: [Substring] {
        searchTerms.utf8.split(separator: UInt8(ascii: " ")).map { Substring($0) }
    }

    /// Creates a summary.
    public init(searchTerms: String, searchDocument: String, assets: Set<String>) {
        self.searchTerms = searchTerms
        self.searchDocument = searchDocument
        self.assets = assets
    }
}
