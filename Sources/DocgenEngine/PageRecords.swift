import DocgenCore
import DocgenLint
import DocgenRender
import Foundation

/// What a build or a lint keeps of each page so that the next one, when only pages were edited,
/// reads, checks and renders those pages alone: the inputs it was made from, and per page its
/// findings, its site facts, what a stand-in needs and (for a build) its article's summary.
struct PageRecords: CacheCodable, Sendable {
    /// The key of every input but the Markdown and media files' bytes
    /// (``CachedBuild/siteKey(_:displayPrefix:hashes:)``, ``CachedLint/siteKey(root:displayPrefix:today:hashes:)``).
    var siteKey: String
    /// The hash of each Markdown and media file's bytes, by root-relative path.
    var markdownAndMediaHashes: [String: String]
    /// Each page, by root-relative path.
    var pages: [String: Page]
    /// The Learn URL paths of the site (inferred from its root-relative links unless docgen.yml
    /// gives them): a run that keeps every page's links as they were infers the same.
    var learnPaths: [LearnPathMap.Mapping]

    /// One page as the build made it.
    struct Page: CacheCodable, Equatable, Sendable {
        /// ``Document/siteFactsDigests``.
        var siteFacts: SiteFactsDigests
        /// ``Document/filesRead``, sorted.
        var filesRead: [String]
        /// ``RoleQuestions/digest(of:)``: the generated pages are made again when it changes.
        var questions: String
        /// The pages it links to (``LintContext/linkedPages(of:)``), sorted: a page whose
        /// headings change has these pages checked again.
        var linkedPages: [String]
        /// The page rules' findings from linting this page.
        var diagnostics: [Diagnostic]
        /// The article's summary, when the page was published.
        var article: ArticleSummary?
        /// What a later build needs to let a stand-in be this page.
        var standIn: PageStandIn

        init(
            siteFacts: SiteFactsDigests, questions: String, filesRead: [String], linkedPages: [String], diagnostics: [Diagnostic], article: ArticleSummary?,
            standIn: PageStandIn
        ) {
            self.siteFacts = siteFacts
            self.questions = questions
            self.filesRead = filesRead
            self.linkedPages = linkedPages
            self.diagnostics = diagnostics
            self.article = article
            self.standIn = standIn
        }

        /// Writes all but the article's summary, which the records code apart.
        func write(to writer: inout CacheWriter) {
            siteFacts.write(to: &writer)
            writer.write(questions)
            writer.write(filesRead) { $0.write($1) }
            writer.write(linkedPages) { $0.write($1) }
            writer.write(diagnostics)
            standIn.write(to: &writer)
        }

        /// Reads what ``write(to:)`` wrote; the article is nil.
        init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
            siteFacts = try SiteFactsDigests(from: &reader)
            questions = try reader.string()
            filesRead = try reader.list { reader throws(CacheReader.Malformed) in try reader.string() }
            linkedPages = try reader.list { reader throws(CacheReader.Malformed) in try reader.string() }
            diagnostics = try reader.list(of: Diagnostic.self)
            article = nil
            standIn = try PageStandIn(from: &reader)
        }
    }

    init(siteKey: String, markdownAndMediaHashes: [String: String], pages: [String: Page], learnPaths: [LearnPathMap.Mapping]) {
        self.siteKey = siteKey
        self.markdownAndMediaHashes = markdownAndMediaHashes
        self.pages = pages
        self.learnPaths = learnPaths
    }

    /// Writes two parts, each in its own coding: ``head``, and the articles' summaries
    /// (``articles(of:)``), which a build makes last, so that it can code the head meanwhile.
    func write(to writer: inout CacheWriter) {
        Self.write(head: head, articles: Self.articles(of: pages.mapValues(\.article)), to: &writer)
    }

    /// The two parts, as ``write(to:)`` and ``coded(head:articles:)`` lay them out.
    private static func write(head: [UInt8], articles: [UInt8], to writer: inout CacheWriter) {
        writer.write(bytes: head)
        writer.write(bytes: articles)
    }

    /// Reads what ``write(to:)`` wrote.
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        var head = CacheReader(try reader.rawBytes())
        siteKey = try head.string()
        let hashes = try head.list { reader throws(CacheReader.Malformed) in (try reader.string(), try reader.string()) }
        markdownAndMediaHashes = Dictionary(hashes, uniquingKeysWith: { first, _ in first })
        let pages = try head.list { reader throws(CacheReader.Malformed) in (try reader.string(), try Page(from: &reader)) }
        learnPaths = try head.list { reader throws(CacheReader.Malformed) in
            LearnPathMap.Mapping(urlPrefix: try reader.string(), folder: try reader.string())
        }
        var articles = CacheReader(try reader.rawBytes())
        let summaries = try articles.list { reader throws(CacheReader.Malformed) -> ArticleSummary? in
            guard try reader.bool() else { return nil }
            let terms = try reader.string()
            let document = try reader.string()
            let assets = try reader.list { reader throws(CacheReader.Malformed) in try reader.string() }
            return ArticleSummary(searchTerms: terms, searchDocument: document, assets: Set(assets))
        }
        guard head.isAtEnd, articles.isAtEnd, summaries.count == pages.count else { throw CacheReader.Malformed() }
        var byPath: [String: Page] = [:]
        for ((path, page), summary) in zip(pages, summaries) {
            var page = page
            page.article = summary
            byPath[path] = page
        }
        self.pages = byPath
    }

    /// The records but the articles' summaries, coded: the inputs, each page in path order, and
    /// the Learn URL paths.
    var head: [UInt8] {
        var writer = CacheWriter()
        writer.write(siteKey)
        writer.write(markdownAndMediaHashes.sorted { $0.key < $1.key }) { writer, entry in
            writer.write(entry.key)
            writer.write(entry.value)
        }
        writer.write(pages.sorted { $0.key < $1.key }) { writer, entry in
            writer.write(entry.key)
            entry.value.write(to: &writer)
        }
        writer.write(learnPaths) { writer, mapping in
            writer.write(mapping.urlPrefix)
            writer.write(mapping.folder)
        }
        return writer.bytes
    }

    /// The articles' summaries of pages by path (nil for a page not published), coded in the
    /// order of the head's pages.
    static func articles(of pages: [String: ArticleSummary?]) -> [UInt8] {
        var writer = CacheWriter()
        writer.write(pages.sorted { $0.key < $1.key }) { writer, entry in
            writer.write(entry.value != nil)
            if let article = entry.value {
                writer.write(article.searchTerms)
                writer.write(article.searchDocument)
                writer.write(article.assets.sorted()) { $0.write($1) }
            }
        }
        return writer.bytes
    }

    /// The articles' part of the records ``init(of:siteKey:byPage:summaries:kept:today:)`` makes
    /// of `site`, coded: each page's summary as ``article(of:kept:summaries:)`` chooses it. With the
    /// head those records coded, it codes them again with more summaries, without making every
    /// page's record again.
    static func articles(of site: Site, kept: [String: Page], summaries: [String: ArticleSummary]) -> [UInt8] {
        var byPath: [String: ArticleSummary?] = [:]
        for document in site.documents where byPath.index(forKey: document.path) == nil {
            // Kept as nil for a page without a summary: the coding has an entry for every page.
            byPath.updateValue(article(of: document.path, kept: kept, summaries: summaries), forKey: document.path)
        }
        return articles(of: byPath)
    }

    /// The summary the record of the page at `path` holds: a kept page's own; else, or when its
    /// record has none (serve's first entry is written before the search index is prepared), the
    /// one made since.
    private static func article(of path: String, kept: [String: Page], summaries: [String: ArticleSummary]) -> ArticleSummary? {
        kept[path]?.article ?? summaries[path]
    }

    /// Records coded from their two parts (``head``, ``articles(of:)``), as ``coded`` codes them.
    static func coded(head: [UInt8], articles: [UInt8]) -> [UInt8] {
        var writer = CacheWriter()
        write(head: head, articles: articles, to: &writer)
        return writer.bytes
    }

    /// What a run that began with the inputs `siteKey` names keeps of each page of `site`:
    /// `byPage` are the page rules' findings by page, `summaries` the articles' search summaries
    /// (a build's, or those `serve` prepared for its search index). A kept
    /// page's record is the one it had, its findings and summary the same, since nothing it reads
    /// changed.
    init(of site: Site, siteKey: SiteKey, byPage: [String: [Diagnostic]], summaries: [String: ArticleSummary] = [:], kept: [String: Page], today: Date) {
        self.init(
            siteKey: siteKey.key, markdownAndMediaHashes: siteKey.markdownAndMediaHashes, pages: Self.pages(of: site, byPage: byPage, summaries: summaries, kept: kept, today: today),
            learnPaths: site.files.learnPaths.mappings)
    }

    /// The records in the cache's coding, kept apart in an entry so that a run with nothing
    /// changed never decodes them.
    var coded: [UInt8] {
        var writer = CacheWriter()
        write(to: &writer)
        return writer.bytes
    }

    /// The records ``coded`` holds, or nil when the bytes are not such records.
    init?(coded: [UInt8]) {
        var reader = CacheReader(coded)
        guard let records = try? PageRecords(from: &reader), reader.isAtEnd else { return nil }
        self = records
    }

    private static func pages(
        of site: Site, byPage: [String: [Diagnostic]], summaries: [String: ArticleSummary], kept: [String: Page], today: Date
    ) -> [String: Page] {
        let context = LintContext(site: site, today: today)
        let records = SiteLoader.parallelMap(site.documents) { document in
            if var page = kept[document.path] {
                page.article = article(of: document.path, kept: kept, summaries: summaries)
                return (document.path, page)
            }
            let standIn = PageStandIn(of: document, ruleFacts: SiteRuleFacts.encode(document, in: context))
            return (
                document.path,
                Page(
                    siteFacts: document.siteFactsDigests, questions: RoleQuestions.digest(of: document), filesRead: document.filesRead.sorted(), linkedPages: context.linkedPages(of: document).sorted(),
                    diagnostics: byPage[document.path] ?? [],
                    article: article(of: document.path, kept: kept, summaries: summaries), standIn: standIn)
            )
        }
        return Dictionary(records, uniquingKeysWith: { first, _ in first })
    }

    /// The Markdown and media files edited since these records, and with `addedOrRemoved` those
    /// added or removed (`lint` and `serve`, which keep no output that lists every page), or nil
    /// when another input changed (or, without it, such a file came or went). When nothing
    /// changed, nil, or with `evenNone` an empty set (`serve` starts from the records whether or
    /// not anything changed; `build` and `lint` report the stored result then).
    func editedFiles(siteKey: String, markdownAndMediaHashes: [String: String], evenNone: Bool = false, addedOrRemoved: Bool = false) -> Set<String>? {
        guard siteKey == self.siteKey else { return nil }
        var edited = Set<String>()
        for (path, hash) in markdownAndMediaHashes where self.markdownAndMediaHashes[path] != hash {
            guard addedOrRemoved || self.markdownAndMediaHashes[path] != nil else { return nil }
            edited.insert(path)
        }
        for path in self.markdownAndMediaHashes.keys where markdownAndMediaHashes[path] == nil {
            guard addedOrRemoved else { return nil }
            edited.insert(path)
        }
        return edited.isEmpty && !evenNone ? nil : edited
    }

    /// Whether the page `path`, as recorded in `page`, read none of the `edited` files.
    private static func isUnchanged(_ path: String, _ page: Page, edited: Set<String>) -> Bool {
        !edited.contains(path) && edited.isDisjoint(with: page.filesRead)
    }

    /// Pages that stand for those neither `edited` nor reading an edited file, to load instead of
    /// reading and parsing them; empty when one of them cannot be restored. `index.md` is always
    /// loaded: the home page shows its body.
    /// Those of `earlier` (an earlier call's, for fewer files) that still stand are taken as they
    /// are: making ten thousand stand-ins again cost as much as the rest of a load.
    func standIns(edited: Set<String>, reusing earlier: [String: Document] = [:]) -> [String: Document] {
        let unchanged = pages.filter { path, page in path != "index.md" && Self.isUnchanged(path, page, edited: edited) }
        let made = SiteLoader.parallelMap(Array(unchanged)) { path, page -> (String, Document)? in
            if let document = earlier[path] { return (path, document) }
            let document = page.standIn.document(at: path)
            LintContext.restoreLinkedPages(Set(page.linkedPages), into: document.memo)
            return SiteRuleFacts.restore(page.standIn.ruleFacts, into: document.memo) ? (path, document) : nil
        }
        guard made.allSatisfy({ $0 != nil }) else { return [:] }
        return Dictionary(made.compactMap { $0 }, uniquingKeysWith: { first, _ in first })
    }

    /// What a run keeps of these records when the Markdown files `edited` are its only change
    /// (``reuse(of:edited:)``).
    struct Reuse {
        /// The pages whose findings and article the run keeps, by path.
        var kept: [String: Page]
        /// Pages neither edited nor reading an edited file that are checked and rendered again:
        /// they link to an edited page whose headings, anchors or title changed, and their
        /// broken-anchor findings may come or go, or their xref links show the new title.
        var linking: Set<String>
        /// The edited pages whose title changed.
        var titlesChanged: Set<String>
        /// Whether an edited page's title, description or question headings changed: role pages
        /// list question headings and pages' titles and descriptions, so the generated pages are
        /// rendered again.
        var generatedChanged: Bool
        /// Whether an edited page's root-relative links changed: the Learn URL paths inferred
        /// from every page's stay only if inferring them again gives the same.
        var rootRelativeLinksChanged: Bool
        /// The pages and media files added since the records (`lint`, `serve`): a root-relative
        /// link that led out of the doc set may lead to one now, and the Learn URL paths
        /// inferred from the links may be others.
        var added: Set<String> = []
        /// Whether a page or media file was removed since the records.
        var removed = false

        /// Whether a page or media file was added or removed.
        var filesCameOrWent: Bool { !added.isEmpty || removed }
    }

    /// What a run of `site` keeps of these records when the Markdown files `edited`
    /// (``editedFiles(siteKey:markdownAndMediaHashes:)``) are the only change; nil when nothing can be
    /// kept: an edited file is neither a page nor a file pages include or show, an added file
    /// is one a kept page could not include, or an edit changed what every page may show of
    /// the page (its front matter but the title and description). Pages added or removed
    /// (`edited` holds them too when the run lets them through) have the pages linking to them
    /// checked again. A page is checked and rendered again when it or a file it reads changed, or
    /// when it links to a page whose headings or title changed; the others are kept.
    func reuse(of site: Site, edited: Set<String>) -> Reuse? {
        var read = Set<String>()
        var kept: [String: Page] = [:]
        var headingsChanged = Set<String>()
        var titlesChanged = Set<String>()
        var generatedChanged = false
        var rootRelativeLinksChanged = false
        // Files added or removed since the records (only `lint` and `serve` let these through):
        // the pages linking to them are checked again, as for a renamed heading.
        let added = edited.filter { site.files.contains($0) && markdownAndMediaHashes[$0] == nil }
        let removed = edited.filter { !site.files.contains($0) && markdownAndMediaHashes[$0] != nil }
        // A kept page that could not include an added file would read it now.
        let addedNames = added.map { String(RelativePath.name(of: $0)) }
        if !addedNames.isEmpty, pages.values.contains(where: { $0.standIn.couldNotInclude(anyOf: addedNames) }) { return nil }
        for document in site.documents {
            guard let page = pages[document.path] else {
                guard added.contains(document.path) else { return nil }
                // A new page: role, layer and matrix pages list it.
                read.formUnion(document.filesRead)
                generatedChanged = true
                rootRelativeLinksChanged = true
                continue
            }
            // A page reads what it read before, and a page read again what it reads now.
            read.formUnion(page.filesRead)
            if !Self.isUnchanged(document.path, page, edited: edited) {
                read.formUnion(document.filesRead)
                // Checked and rendered again; kept pages may rely on what it shows them.
                let facts = document.siteFactsDigests
                guard facts.shown == page.siteFacts.shown else { return nil }
                if facts.anchors != page.siteFacts.anchors { headingsChanged.insert(document.path) }
                let titleChanged = facts.titles != page.siteFacts.titles
                if titleChanged { titlesChanged.insert(document.path) }
                // Role, layer, matrix and redirect pages show pages' titles and descriptions, and
                // role pages their question headings.
                if titleChanged || facts.description != page.siteFacts.description || RoleQuestions.digest(of: document) != page.questions {
                    generatedChanged = true
                }
                if facts.rootRelativeLinks != page.siteFacts.rootRelativeLinks { rootRelativeLinksChanged = true }
            } else {
                kept[document.path] = page
            }
        }
        // A Markdown file that no page is and no page reads (a toc.md, a file docfx.json leaves
        // out) may change what this build cannot see page by page. A media file no page reads
        // is only copied.
        // A page removed was a page; the others are as for an edit.
        for path in edited where site.document(at: path) == nil && !read.contains(path) && !ContentFiles.isMedia(path) && !(removed.contains(path) && pages[path] != nil) {
            return nil
        }
        if removed.contains(where: { pages[$0] != nil }) { generatedChanged = true }
        // A kept page links to what it linked to: its record tells.
        let targets = headingsChanged.union(titlesChanged).union(added).union(removed)
        let linking = targets.isEmpty ? [] : Set(kept.compactMap { path, page in targets.isDisjoint(with: page.linkedPages) ? nil : path })
        for path in linking { kept[path] = nil }
        return Reuse(
            kept: kept, linking: linking, titlesChanged: titlesChanged, generatedChanged: generatedChanged, rootRelativeLinksChanged: rootRelativeLinksChanged,
            added: added, removed: !removed.isEmpty)
    }
}
