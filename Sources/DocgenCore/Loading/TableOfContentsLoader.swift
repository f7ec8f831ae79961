/// Reads a content root's `toc.yml` files as DocFX does: every TOC file in the tree, each with the
/// TOCs it nests, and problems (bad YAML, missing targets, a TOC that nests itself) with their lines.
struct TableOfContentsLoader {
    let files: ContentFiles
    /// How deep nested TOCs are followed; deeper ones are reported, not read.
    static let maximumNestingDepth = 10
    /// Folder names whose TOC files describe breadcrumbs (docfx.json's `breadcrumb_path`), not navigation.
    static let breadcrumbFolders: Set<String> = ["breadcrumb", "_breadcrumb"]

    /// Every navigation TOC of the content root, sorted by path. A TOC that another one nests is
    /// still a TOC of its own (for pages in its folder that the containing TOC does not list), with
    /// DocFX's default order of 100 unless it sets one.
    func loadAll(problems: inout [DocumentProblem]) -> [TableOfContents] {
        let paths = files.paths.filter { path in
            guard TableOfContents.isTOCFileName(String(RelativePath.name(of: path))) else { return false }
            return !path.split(separator: "/").dropLast().contains { folder in
                let lower = folder.lowercased()
                return Self.breadcrumbFolders.contains(lower) || SiteLoader.nonPageFolders.contains(lower)
            }
        }.sorted()
        var parsed: [String: ParsedTOC?] = [:]
        var tocs = paths.map { load($0, parsed: &parsed, problems: &problems) }
        let nested = Set(tocs.flatMap { toc in toc.nestedFiles.subtracting([toc.path]) })
        for index in tocs.indices where nested.contains(tocs[index].path) && parsed[tocs[index].path]??.order == nil {
            tocs[index].order = 100
        }
        return tocs
    }

    private func load(_ path: String, parsed: inout [String: ParsedTOC?], problems: inout [DocumentProblem]) -> TableOfContents {
        var nestedFiles: Set<String> = [path]
        var reading = Reading(files: files, parsed: parsed, problems: problems)
        let entries = reading.entries(ofTOC: path, chain: [path], nestedFiles: &nestedFiles)
        parsed = reading.parsed
        problems = reading.problems
        return TableOfContents(path: path, order: parsed[path]??.order ?? 0, entries: entries, nestedFiles: nestedFiles)
    }
}

/// A TOC file's items and its root `order`, when it sets one.
private struct ParsedTOC {
    var items: [YAMLValue]
    var order: Int?
}

/// One TOC file read with the TOCs it nests. Each file's YAML is parsed once and its problems
/// reported once, however many TOCs nest it.
private struct Reading {
    let files: ContentFiles
    var parsed: [String: ParsedTOC?]
    var problems: [DocumentProblem]
    private var reported = Set<String>()

    init(files: ContentFiles, parsed: [String: ParsedTOC?], problems: [DocumentProblem]) {
        self.files = files
        self.parsed = parsed
        self.problems = problems
        // Problems of files already read were reported when they were first parsed.
        reported = Set(parsed.keys)
    }

    /// The items of the TOC at `path`, nil when it cannot be read (reported once).
    private mutating func items(of path: String) -> [YAMLValue]? {
        if let cached = parsed[path] { return cached?.items }
        guard let text = files.read(path)?.text else {
            parsed[path] = .some(nil)
            return nil
        }
        var result: ParsedTOC?
        do {
            switch try YAMLReader.read(text) {
            case .list(let list):
                result = ParsedTOC(items: list)
            case .map(let entries):
                var list: [YAMLValue] = []
                if case .list(let items)? = entries.first(where: { $0.key == "items" })?.value { list = items }
                result = ParsedTOC(items: list, order: entries.first { $0.key == "order" }?.value.string.flatMap { Int($0) })
            case .null, .string:
                result = ParsedTOC(items: [])
            }
        } catch {
            problems.append(DocumentProblem(.invalidYAML, "\(path) is \(error.message).", path: path, at: .init(line: error.line, column: error.column)))
        }
        parsed[path] = .some(result)
        return result?.items
    }

    mutating func entries(ofTOC path: String, chain: [String], nestedFiles: inout Set<String>) -> [TableOfContents.Entry] {
        let firstVisit = reported.insert(path).inserted
        guard let items = items(of: path) else { return [] }
        return entries(items, tocPath: path, chain: chain, nestedFiles: &nestedFiles, report: firstVisit)
    }

    private mutating func entries(
        _ items: [YAMLValue], tocPath: String, chain: [String], nestedFiles: inout Set<String>, report: Bool
    ) -> [TableOfContents.Entry] {
        let base = RelativePath.directory(of: tocPath)
        var result: [TableOfContents.Entry] = []
        for item in items {
            let line = item.entries.first?.line ?? 1
            let name = item["name"]?.string ?? item["displayName"]?.string ?? ""
            var entry = TableOfContents.Entry(name: name, path: nil, externalURL: nil, children: [], line: line)
            entry.expanded = item["expanded"]?.string?.lowercased() == "true"
            var messages: [String] = []
            let problem = { (message: String) in messages.append(message) }
            let href = item["href"]?.string ?? ""
            let topicHref = item["topicHref"]?.string
            if let topicHref, !topicHref.isEmpty {
                resolvePage(topicHref, base: base, into: &entry, onMissing: problem)
            }
            if let tocHref = item["tocHref"]?.string, !tocHref.isEmpty {
                // A reference to another TOC: the entry opens its topic, the TOC is not nested.
                if entry.path == nil, !href.isEmpty { resolvePage(href, base: base, into: &entry, onMissing: problem) }
            } else if href.hasSuffix("/"), !isAbsolute(href) {
                // A folder: a reference to the TOC there, opening `topicHref`, else its first page.
                if entry.path == nil, let folder = RelativePath.join(base, RelativePath.percentDecoded(href)) {
                    entry.path = firstPage(inFolder: folder)
                    if entry.path == nil { problem("toc entry '\(name)' refers to the folder '\(href)', which has no toc.yml or index.md; add one or link a page.") }
                }
            } else if TableOfContents.isTOCFileName(String(href.split(separator: "/").last ?? "")), !isAbsolute(href) {
                nest(href, base: base, name: name, tocPath: tocPath, chain: chain, nestedFiles: &nestedFiles, into: &entry, onProblem: problem)
            } else if !href.isEmpty, entry.path == nil {
                resolvePage(href, base: base, into: &entry, onMissing: problem)
            }
            if entry.path == nil, entry.externalURL == nil, let uid = (item["uid"]?.string ?? item["topicUid"]?.string)?.trimmingSpaces(), !uid.isEmpty {
                // DocFX's `uid` (or `topicUid`) entry: the page or URL with that cross-reference id.
                if let target = files.xrefs.target(for: uid) {
                    entry.path = target.page
                    entry.externalURL = target.page == nil ? target.url : nil
                    if entry.name.isEmpty { entry.name = target.name ?? uid }
                } else {
                    problem("toc entry '\(entry.name.isEmpty ? uid : entry.name)' names uid '\(uid)', which no page (uid: in front matter) or xrefmap.yml of this doc set defines; fix the uid or link the page with href.")
                }
            }
            if report {
                problems += messages.map { DocumentProblem(.includeNotFound, $0, path: tocPath, at: .init(line: line, column: 1), isError: false) }
            }
            if case .list(let children)? = item["items"] {
                entry.children += entries(children, tocPath: tocPath, chain: chain, nestedFiles: &nestedFiles, report: report)
            }
            result.append(entry)
        }
        return result
    }

    private mutating func nest(
        _ href: String, base: String, name: String, tocPath: String, chain: [String], nestedFiles: inout Set<String>,
        into entry: inout TableOfContents.Entry, onProblem: (String) -> Void
    ) {
        guard let resolved = RelativePath.join(base, RelativePath.percentDecoded(href)), let actual = files.caseInsensitiveMatch(resolved) ?? (files.contains(resolved) ? resolved : nil) else {
            onProblem("toc entry '\(name)' nests '\(href)', which does not exist; fix the path or remove the entry.")
            return
        }
        if chain.contains(actual) {
            onProblem("toc entry '\(name)' nests '\(href)', which nests this TOC again (\((chain + [actual]).joined(separator: " -> "))); remove one of the two entries.")
            return
        }
        guard chain.count < TableOfContentsLoader.maximumNestingDepth else {
            onProblem("toc entry '\(name)' nests '\(href)' more than \(TableOfContentsLoader.maximumNestingDepth) TOCs deep; docgen does not follow it.")
            return
        }
        nestedFiles.insert(actual)
        entry.children = entries(ofTOC: actual, chain: chain + [actual], nestedFiles: &nestedFiles)
    }

    /// Sets the entry's page or external URL from an `href`; a target outside this doc set
    /// (`/azure/...`, `https://...`) is kept as written.
    private func resolvePage(_ href: String, base: String, into entry: inout TableOfContents.Entry, onMissing: (String) -> Void) {
        if href.hasPrefix("/"), !href.hasPrefix("//"), let page = files.learnPaths.page(for: href, files: files) {
            entry.path = page
            return
        }
        if isAbsolute(href) {
            entry.externalURL = href.hasPrefix("/") && !href.hasPrefix("//") ? files.learnPaths.outsideURL(href) : href
            return
        }
        let pathPart = String(href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        let withoutQuery = String(pathPart.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        guard let resolved = RelativePath.join(base, RelativePath.percentDecoded(withoutQuery)) else {
            onMissing("toc entry '\(entry.name)' links to '\(href)', which is outside the content root.")
            return
        }
        if files.contains(resolved) {
            // Only pages are linked; other files (a YamlMime type docgen does not build) stay labels.
            if files.isPage(resolved) { entry.path = resolved }
        } else if files.contains(resolved + "/index.md") {
            entry.path = resolved + "/index.md"
        } else if let actual = files.caseInsensitiveMatch(resolved), files.isPage(actual) {
            // Learn's build finds the page whatever the letter case; a case-sensitive host does not.
            entry.path = actual
            onMissing("toc entry '\(entry.name)' links to '\(href)', but the file is '\(actual)'; write the href in the file's letter case, which case-sensitive hosts need.")
        } else {
            onMissing("toc entry '\(entry.name)' links to '\(href)', which does not exist.")
        }
    }

    /// The page a reference to a folder opens: the first page of the TOC there, else its index.md.
    private mutating func firstPage(inFolder folder: String) -> String? {
        let prefix = folder.isEmpty ? "" : folder + "/"
        if let toc = files.files(in: folder).first(where: { TableOfContents.isTOCFileName(String($0.split(separator: "/").last ?? "")) }) {
            var ignored: Set<String> = []
            if let first = TableOfContents(entries: entries(ofTOC: toc, chain: [toc], nestedFiles: &ignored)).orderedPaths.first { return first }
        }
        return files.contains(prefix + "index.md") ? prefix + "index.md" : nil
    }

    private func isAbsolute(_ href: String) -> Bool {
        href.hasPrefix("/") || href.contains("://") || href.hasPrefix("mailto:")
    }
}
