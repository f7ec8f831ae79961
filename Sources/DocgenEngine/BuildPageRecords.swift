import DocgenCore
import DocgenRender
import Foundation

/// What a build keeps of each page so that the next build, when only pages were edited, checks
/// and renders those pages alone: the inputs it was made from, and per page its findings, its
/// site facts and its article's summary.
struct BuildPageRecords: CacheCodable {
    /// ``CachedBuild/siteKey(_:displayPrefix:hashes:)``: every input but the Markdown files' bytes.
    var siteKey: String
    /// The hash of each Markdown file's bytes, by root-relative path.
    var markdownHashes: [String: String]
    /// Each page, by root-relative path.
    var pages: [String: Page]

    /// One page as the build made it.
    struct Page: CacheCodable, Equatable {
        /// ``Document/siteFactsDigest``.
        var siteFacts: String
        /// ``Document/filesRead``, sorted.
        var filesRead: [String]
        /// The page rules' findings from linting this page.
        var diagnostics: [Diagnostic]
        /// The article's summary, when the page was published.
        var article: ArticleSummary?

        init(siteFacts: String, filesRead: [String], diagnostics: [Diagnostic], article: ArticleSummary?) {
            self.siteFacts = siteFacts
            self.filesRead = filesRead
            self.diagnostics = diagnostics
            self.article = article
        }

        func write(to writer: inout CacheWriter) {
            writer.write(siteFacts)
            writer.write(filesRead) { $0.write($1) }
            writer.write(diagnostics)
            writer.write(article != nil)
            if let article {
                // One string per page: a term is a word, never holding a space, and three million
                // terms looked up one by one in the writer's string table took half a second.
                writer.write(article.searchTerms.joined(separator: " "))
                writer.write(article.searchDocument)
                writer.write(article.assets.sorted()) { $0.write($1) }
            }
        }

        init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
            siteFacts = try reader.string()
            filesRead = try reader.list { reader throws(CacheReader.Malformed) in try reader.string() }
            diagnostics = try reader.list(of: Diagnostic.self)
            if try reader.bool() {
                let joined = try reader.string()
                let terms = joined.isEmpty ? [] : joined.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                let document = try reader.string()
                let assets = try reader.list { reader throws(CacheReader.Malformed) in try reader.string() }
                article = ArticleSummary(searchTerms: terms, searchDocument: document, assets: Set(assets))
            } else {
                article = nil
            }
        }
    }

    init(siteKey: String, markdownHashes: [String: String], pages: [String: Page]) {
        self.siteKey = siteKey
        self.markdownHashes = markdownHashes
        self.pages = pages
    }

    func write(to writer: inout CacheWriter) {
        writer.write(siteKey)
        writer.write(markdownHashes.sorted { $0.key < $1.key }) { writer, entry in
            writer.write(entry.key)
            writer.write(entry.value)
        }
        writer.write(pages.sorted { $0.key < $1.key }) { writer, entry in
            writer.write(entry.key)
            entry.value.write(to: &writer)
        }
    }

    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        siteKey = try reader.string()
        let hashes = try reader.list { reader throws(CacheReader.Malformed) in (try reader.string(), try reader.string()) }
        markdownHashes = Dictionary(hashes, uniquingKeysWith: { first, _ in first })
        let pages = try reader.list { reader throws(CacheReader.Malformed) in (try reader.string(), try Page(from: &reader)) }
        self.pages = Dictionary(pages, uniquingKeysWith: { first, _ in first })
    }

    /// The pages of `site` whose findings and article this build keeps from these records, by
    /// path: none unless every input but Markdown files is as it was (`siteKey`), and every
    /// edited Markdown file is a page or a file pages include or show. A page is checked and
    /// rendered again when it or a file it reads changed; the others are kept only when each of
    /// those shows the rest of the site the same facts as before.
    func keptPages(of site: Site, siteKey: String, markdownHashes: [String: String]) -> [String: Page] {
        guard siteKey == self.siteKey, markdownHashes.count == self.markdownHashes.count, site.documents.count == pages.count else { return [:] }
        var edited = Set<String>()
        for (path, hash) in markdownHashes where self.markdownHashes[path] != hash {
            guard self.markdownHashes[path] != nil else { return [:] }
            edited.insert(path)
        }
        guard !edited.isEmpty else { return [:] }
        var read = Set<String>()
        var kept: [String: Page] = [:]
        for document in site.documents {
            guard let page = pages[document.path] else { return [:] }
            // A page reads what it read before unless it was edited itself; then its digest,
            // which holds the files it reads, tells.
            read.formUnion(page.filesRead)
            if edited.contains(document.path) || !edited.isDisjoint(with: page.filesRead) {
                // Checked and rendered again; kept pages may rely on what it shows them.
                guard document.siteFactsDigest == page.siteFacts else { return [:] }
            } else {
                kept[document.path] = page
            }
        }
        // A Markdown file that no page is and no page reads (a toc.md, a file docfx.json leaves
        // out) may change what this build cannot see page by page.
        for path in edited where site.document(at: path) == nil && !read.contains(path) { return [:] }
        return kept
    }
}
