import DocgenMarkup

extension Document {
    /// Whether `other` (another version of this page) shows the rest of the site the same facts:
    /// title, front matter (roles, layers, draft, pivots), anchors, and every heading's level,
    /// text and id, included content counted. Other pages' findings (broken anchors, duplicate
    /// titles), the navigation, role paths and questions, reading order and redirect pages read
    /// only these; when they are the same, an edit changes this page's body and nothing else.
    public func hasSameSiteFacts(as other: Document) -> Bool {
        path == other.path && displayTitle == other.displayTitle && frontMatter == other.frontMatter && anchors == other.anchors
            && headingFacts == other.headingFacts
    }

    /// A digest of what the rest of a build reads of this page besides its own output: the facts
    /// ``hasSameSiteFacts(as:)`` compares, its title as xrefs show it, the root-relative URLs it
    /// links to (the evidence Learn URL paths are inferred from), and the files it reads. A
    /// build keeps the other pages' findings and HTML only while every page's digest is the same.
    /// The front matter's positions count too: stricter than needed, and cheaper than knowing
    /// which keys a position of is shown.
    public var siteFactsDigest: String {
        var hash = StableHash()
        hash.add(path)
        hash.add(title)
        hash.add(displayTitle)
        var frontMatterBytes = CacheWriter()
        frontMatter.write(to: &frontMatterBytes)
        hash.add(frontMatterBytes.bytes)
        hash.add(UInt64(anchors.count))
        for anchor in anchors.sorted() { hash.add(anchor) }
        let headings = headingFacts
        hash.add(UInt64(headings.count))
        for heading in headings { hash.add(heading) }
        let links = RootRelativeLinks.links(of: self)
        hash.add(UInt64(links.count))
        for link in links { hash.add(link.url) }
        let read = filesRead.sorted()
        hash.add(UInt64(read.count))
        for file in read { hash.add(file) }
        return hash.hex
    }

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
