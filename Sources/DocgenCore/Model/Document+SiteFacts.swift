import DocgenMarkup

extension Document {
    /// Whether `other` (another version of this page) shows the rest of the site the same facts:
    /// title, front matter (roles, layers, draft, pivots; not the keys only the page reads,
    /// ``FrontMatter/keysOnlyThePageReads``), anchors, every heading's level, text
    /// and id, included content counted, and whether an include could not be read. Other pages'
    /// findings (broken anchors, duplicate titles), the navigation, role paths and questions,
    /// reading order and redirect pages read only these; when they are the same, an edit changes
    /// this page's body and nothing else.
    public func hasSameSiteFacts(as other: Document) -> Bool {
        displayTitle == other.displayTitle && frontMatter.shownToOtherPages == other.frontMatter.shownToOtherPages && hasSameSiteFacts(apartFromTitleAs: other)
    }

    /// Whether `other` shows the rest of the site the same facts as this page apart from its title
    /// and description: ``hasSameSiteFacts(as:)`` with the `title` and `description` keys and the
    /// display title left out. The navigation's shape, the reading order, the role paths and
    /// the questions are then the same; only what shows the two changes (`serve` keeps the
    /// site's structure and retitles it).
    public func hasSameSiteFacts(apartFromTitleAs other: Document) -> Bool {
        path == other.path && Self.withoutTitleKeys(frontMatter.shownToOtherPages) == Self.withoutTitleKeys(other.frontMatter.shownToOtherPages)
            && anchors == other.anchors
            && headingFacts == other.headingFacts && hasIncompleteContent == other.hasIncompleteContent
    }

    private static func withoutTitleKeys(_ frontMatter: FrontMatter) -> [YAMLEntry] {
        frontMatter.entries.filter { !titleKeys.contains($0.key) }
    }

    /// Whether a file the page includes or shows could not be read (``DocumentProblem/incompleteContent``):
    /// a missing heading may be in it, so links to the page's anchors are not checked.
    public var hasIncompleteContent: Bool {
        problems.contains { DocumentProblem.incompleteContent.contains($0.kind) }
    }

    /// Digests of what the rest of a build reads of this page besides its own output, in five
    /// parts that a cached run weighs apart (``SiteFactsDigests``).
    public var siteFactsDigests: SiteFactsDigests {
        var shown = StableHash()
        shown.add(path)
        // The title and description apart: pages show other pages' titles only where a cached
        // build can tell which pages do (``SiteFactsDigests/titles``).
        var frontMatterBytes = CacheWriter()
        let shownEntries = frontMatter.shownToOtherPages.entries.filter { !Self.titleKeys.contains($0.key) }
        FrontMatter(entries: shownEntries, startLine: frontMatter.startLine).write(to: &frontMatterBytes)
        shown.add(frontMatterBytes.bytes)
        var anchorFacts = StableHash()
        anchorFacts.add(UInt64(hasIncompleteContent ? 1 : 0))
        anchorFacts.add(UInt64(anchors.count))
        for anchor in anchors.sorted() { anchorFacts.add(anchor) }
        let headings = headingFacts
        anchorFacts.add(UInt64(headings.count))
        for heading in headings { anchorFacts.add(heading) }
        var linkFacts = StableHash()
        let links = RootRelativeLinks.links(of: self)
        linkFacts.add(UInt64(links.count))
        for link in links { linkFacts.add(link.url) }
        var titleFacts = StableHash()
        titleFacts.add(title)
        titleFacts.add(displayTitle)
        var descriptionFacts = StableHash()
        descriptionFacts.add(UInt64(frontMatter.description == nil ? 0 : 1))
        descriptionFacts.add(frontMatter.description ?? "")
        return SiteFactsDigests(
            shown: shown.hex, titles: titleFacts.hex, description: descriptionFacts.hex, anchors: anchorFacts.hex, rootRelativeLinks: linkFacts.hex)
    }

    /// The front matter keys ``SiteFactsDigests/titles`` and ``SiteFactsDigests/description`` digest.
    private static let titleKeys: Set<String> = ["title", "description"]

    /// The root-relative files this page reads besides itself: the files it includes and the
    /// files its `:::code` samples show.
    public var filesRead: Set<String> {
        includedFiles.union(snippetSources)
    }

    /// The root-relative files the page's `:::code` samples read; kept with the page, since
    /// `serve` asks every page on every save.
    public var snippetSources: Set<String> {
        memo.value("snippet-sources") { walkSnippetSources() }
    }

    private func walkSnippetSources() -> Set<String> {
        var sources = Set<String>()
        root.walk { node in
            guard case .codeSnippet(let snippet) = node.kind else { return }
            let source = snippet.source.hasPrefix("~/") ? String(snippet.source.dropFirst(2)) : snippet.source
            let base = snippet.source.hasPrefix("~/") ? "" : RelativePath.directory(of: path)
            if !source.hasPrefix("/"), let resolved = RelativePath.join(base, RelativePath.percentDecoded(source)) { sources.insert(resolved) }
        }
        return sources
    }

    /// Every heading's level, text and id, in order, included content counted.
    private var headingFacts: [String] {
        var facts: [String] = []
        root.walk { node in
            guard case .heading(let level, let id) = node.kind else { return }
            facts.append("\(level)\u{0}\(id)\u{0}\(node.plainText)")
        }
        return facts
    }
}

/// What the rest of a build reads of a page besides its own output, digested in five parts,
/// since an edit that changes one of them asks less of the next cached run than another.
public struct SiteFactsDigests: Sendable, Equatable {
    /// Its path and front matter but its title, its description and the keys only the page reads
    /// (``FrontMatter/keysOnlyThePageReads``, such as `ms.date`): roles, layers, uid, draft,
    /// pivots. When these change, every page is checked and rendered again. The front matter's
    /// positions count too: stricter than needed, and cheaper than knowing which keys a position
    /// of is shown. The files it reads are not digested: no other page reads them through it, and
    /// what they add to it (headings, unreadable includes) is in ``anchors``.
    public var shown: String
    /// Its title, as written and as shown: what the navigation, the pages before and after it,
    /// xref links to it and the generated pages show of it.
    public var titles: String
    /// Its description, which the generated pages show.
    public var description: String
    /// Its anchors, every heading's level, text and id, included content counted, and whether an
    /// include could not be read: what links from other pages are checked against and what role
    /// pages list as questions.
    public var anchors: String
    /// The root-relative URLs it links to: the evidence Learn URL paths are inferred from.
    public var rootRelativeLinks: String

    /// The digests, as a cache holds them.
    public init(shown: String, titles: String, description: String, anchors: String, rootRelativeLinks: String) {
        self.shown = shown
        self.titles = titles
        self.description = description
        self.anchors = anchors
        self.rootRelativeLinks = rootRelativeLinks
    }
}
