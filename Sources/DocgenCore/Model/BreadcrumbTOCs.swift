/// The breadcrumb TOCs a doc set names in docfx.json's `breadcrumb_path` (global or file metadata,
/// or a page's front matter): entries with a `tocHref` URL prefix and a `topicHref` to open. A page's
/// breadcrumb is the entry with the longest `tocHref` that starts its Learn URL and the entries above it, as Learn builds
/// it; readers see the entries' names above the article.
public struct BreadcrumbTOCs: Sendable {
    /// One entry of a breadcrumb TOC.
    public struct Entry: Sendable, Hashable {
        /// The name shown.
        public var name: String
        /// The URL prefix the entry stands for, lower-cased, with a trailing `/`.
        public var tocHref: String
        /// The page or URL the entry opens, as written.
        public var topicHref: String?
        /// The entries below it.
        public var children: [Entry]
    }

    /// The entries of each breadcrumb TOC file (content-root-relative).
    private var byFile: [String: [Entry]] = [:]
    /// The breadcrumb TOC file a `breadcrumb_path` value names, per page folder's doc set.
    private var fileForValue: [String: String] = [:]

    /// No breadcrumb TOCs.
    public init() {}

    /// Reads the breadcrumb TOCs the pages' `breadcrumb_path` values name.
    public init(documents: [Document], files: ContentFiles, docfx: DocfxProject) {
        for document in documents {
            guard let value = document.frontMatter.string("breadcrumb_path")?.trimmingSpaces(), !value.isEmpty else { continue }
            let key = Self.key(value, document.path, docfx)
            guard fileForValue[key] == nil else { continue }
            guard let file = Self.locate(value, from: document.path, files: files, docfx: docfx) else { continue }
            fileForValue[key] = file
            if byFile[file] == nil, let text = files.read(file)?.text, let yaml = try? YAMLReader.read(text) {
                byFile[file] = Self.entries(yaml["items"] ?? yaml)
            }
        }
    }

    /// The breadcrumb of `document`, outermost first; empty when its doc set has no breadcrumb TOC
    /// or none of its entries covers the page's Learn URL.
    public func trail(for document: Document, files: ContentFiles, docfx: DocfxProject) -> [Entry] {
        guard !byFile.isEmpty, let value = document.frontMatter.string("breadcrumb_path")?.trimmingSpaces(),
              let file = fileForValue[Self.key(value, document.path, docfx)], let entries = byFile[file],
              let url = files.learnPaths.url(forPage: document.path) else { return [] }
        let target = url.lowercased().hasSuffix("/") ? url.lowercased() : url.lowercased() + "/"
        // The entry with the longest tocHref that starts the URL, anywhere in the TOC (an entry
        // may cover the page when its parent does not: Azure > Azure CLI for /cli/azure/...), and
        // the entries above it.
        var best: [Entry] = []
        var bestLength = -1
        func visit(_ level: [Entry], _ above: [Entry]) {
            for entry in level {
                let chain = above + [entry]
                if target.hasPrefix(entry.tocHref), entry.tocHref.count > bestLength || (entry.tocHref.count == bestLength && chain.count > best.count) {
                    best = chain
                    bestLength = entry.tocHref.count
                }
                visit(entry.children, chain)
            }
        }
        visit(entries, [])
        return best
    }

    private static func key(_ value: String, _ path: String, _ docfx: DocfxProject) -> String {
        value + "\u{0}" + docfx.tildeScope(of: path).folder
    }

    /// The content-root-relative file a `breadcrumb_path` names: `~/` is the doc set's folder; a
    /// published URL (`/cli/azure/breadcrumb/toc.json`) is the built form of a `toc.yml` whose path
    /// inside the doc set ends that URL.
    static func locate(_ value: String, from path: String, files: ContentFiles, docfx: DocfxProject) -> String? {
        var written = value
        if written.lowercased().hasSuffix(".json") { written = String(written.dropLast(5)) + ".yml" }
        if written.hasPrefix("~/") {
            return docfx.resolveTilde(String(written.dropFirst(2)), from: path).flatMap { files.contains($0) ? $0 : files.caseInsensitiveMatch($0) }
        }
        let scope = docfx.tildeScope(of: path)
        var segments = written.split(separator: "/").map(String.init)
        while !segments.isEmpty {
            let inside = segments.joined(separator: "/")
            let candidate: String? = scope.prefix.isEmpty ? RelativePath.join(scope.folder, inside) : RelativePath.join("", scope.prefix + inside).flatMap(scope.local)
            if let candidate, let found = files.contains(candidate) ? candidate : files.caseInsensitiveMatch(candidate) { return found }
            segments.removeFirst()
        }
        return nil
    }

    private static func entries(_ value: YAMLValue) -> [Entry] {
        (value.list ?? []).compactMap { item in
            guard let name = (item["name"]?.string ?? item["displayName"]?.string)?.trimmingSpaces(), !name.isEmpty else { return nil }
            var tocHref = (item["tocHref"]?.string ?? item["href"]?.string ?? "").trimmingSpaces().lowercased()
            if let cut = tocHref.firstIndex(where: { $0 == "?" || $0 == "#" }) { tocHref = String(tocHref[..<cut]) }
            guard tocHref.hasPrefix("/") else { return nil }
            if !tocHref.hasSuffix("/") { tocHref += "/" }
            let topic = (item["topicHref"]?.string ?? item["href"]?.string)?.trimmingSpaces()
            return Entry(name: name, tocHref: tocHref, topicHref: topic?.isEmpty == false ? topic : nil, children: entries(item["items"] ?? .null))
        }
    }
}
