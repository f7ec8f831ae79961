/// Where the doc set's pages live on Learn, so that root-relative links (`/azure/azure-arc/overview`)
/// that lead to a page of this doc set resolve to it, and the rest are known to lead to other doc
/// sets. Learn URLs drop the `.md` and name a folder for its `index` page; a doc set publishes one
/// or more content folders under URL paths that only its publishing system knows, so they come from
/// `docgen.yml` (`site.learn-paths`) or, without it, from the links themselves: the URL path and
/// folder that explain the most root-relative links.
public struct LearnPathMap: Sendable, Hashable {
    /// One URL path prefix (`/azure/`) and the content folder its pages are in (`articles`, or `""`).
    public struct Mapping: Sendable, Hashable {
        public var urlPrefix: String
        public var folder: String

        public init(urlPrefix: String, folder: String) {
            self.urlPrefix = urlPrefix.hasSuffix("/") ? urlPrefix : urlPrefix + "/"
            self.folder = folder
        }
    }

    /// The mappings, longest URL prefix first.
    public private(set) var mappings: [Mapping]
    /// Learn's host, when `docgen.yml` names it: root-relative links outside the doc set are made
    /// absolute with it.
    public var host: String?
    /// How many root-relative links an inferred mapping must explain.
    static let minimumEvidence = 3

    /// A map of the given mappings.
    public init(_ mappings: [Mapping] = [], host: String? = nil) {
        self.host = host
        self.mappings = mappings.sorted { ($0.urlPrefix.count, $0.urlPrefix) > ($1.urlPrefix.count, $1.urlPrefix) }
    }

    /// The page a root-relative URL names (`/azure/azure-arc/overview#x` -> `articles/azure-arc/overview.md`),
    /// or nil when it is not a page of this doc set.
    public func page(for url: String, files: ContentFiles) -> String? {
        guard !mappings.isEmpty else { return nil }
        var path = Self.pathPart(of: url)
        // `/cli/azure` names the folder `/cli/azure/` publishes, as Learn serves it.
        if !path.hasSuffix("/"), mappings.contains(where: { $0.urlPrefix == path + "/" }) { path += "/" }
        for mapping in mappings where path.hasPrefix(mapping.urlPrefix) {
            let rest = String(path.dropFirst(mapping.urlPrefix.count))
            if let page = Self.page(named: rest, in: mapping.folder, files: files) { return page }
        }
        return nil
    }

    /// The content paths, without extension, that a root-relative URL would name under each
    /// mapping whose prefix it starts with (`/azure/a/b` -> `articles/a/b`); empty when no mapping
    /// covers it (another doc set's URL).
    public func contentBases(for url: String) -> [String] {
        let path = Self.pathPart(of: url)
        return mappings.filter { path.hasPrefix($0.urlPrefix) }.map { mapping in
            var rest = String(path.dropFirst(mapping.urlPrefix.count))
            if rest.hasSuffix("/") { rest.removeLast() }
            return mapping.folder.isEmpty ? rest : rest.isEmpty ? mapping.folder : mapping.folder + "/" + rest
        }
    }

    /// The Learn URL a page of this doc set is published at (`articles/a/b.md` -> `/azure/a/b`, a
    /// folder's `index` page -> `/azure/a/`), through the mapping with the deepest folder that holds
    /// it; nil when no mapping does.
    public func url(forPage path: String) -> String? {
        let holding = mappings.filter { $0.folder.isEmpty || path.hasPrefix($0.folder + "/") }
        guard let mapping = holding.max(by: { $0.folder.count < $1.folder.count }) else { return nil }
        var rest = mapping.folder.isEmpty ? path : String(path.dropFirst(mapping.folder.count + 1))
        if let dot = RelativePath.extensionDot(in: rest) { rest = String(rest[..<dot]) }
        if rest == "index" { rest = "" } else if rest.hasSuffix("/index") { rest = String(rest.dropLast("index".count)) }
        return mapping.urlPrefix + rest
    }

    /// Infers the mappings from root-relative link URLs: for each URL path of one or two leading
    /// segments, the content folder under which the most of those links name an existing page.
    public static func infer(from urls: [String], files: ContentFiles) -> LearnPathMap {
        // Which candidate folders hold a page each URL rest names, from one pass over the pages:
        // asking every folder for every URL grows with folders x links, and a large site has many of both.
        let folders = Set(candidateFolders(files))
        var foldersByName: [String: Set<String>] = [:]
        for path in files.paths where files.isPage(path) {
            let parts = path.split(separator: "/")
            for depth in 0...min(2, parts.count - 1) {
                let folder = parts.prefix(depth).joined(separator: "/")
                guard folders.contains(folder) else { continue }
                for name in names(ofPage: parts.dropFirst(depth).joined(separator: "/")) {
                    foldersByName[name, default: []].insert(folder)
                }
            }
        }
        var evidence: [Mapping: Int] = [:]
        // Each distinct URL once: links repeat the same URLs many times over.
        for path in Set(Set(urls).map(pathPart)) {
            let segments = path.split(separator: "/")
            guard segments.count >= 2 else { continue }
            for depth in 1...min(2, segments.count - 1) {
                let prefix = "/" + segments.prefix(depth).joined(separator: "/") + "/"
                var rest = segments.dropFirst(depth).joined(separator: "/")
                if rest.hasSuffix("/") { rest.removeLast() }
                for folder in foldersByName[rest] ?? [] {
                    evidence[Mapping(urlPrefix: prefix, folder: folder), default: 0] += 1
                }
            }
        }
        var best: [String: (folder: String, count: Int)] = [:]
        for (mapping, count) in evidence where count >= minimumEvidence {
            if let current = best[mapping.urlPrefix], (current.count, mapping.folder) >= (count, current.folder) { continue }
            best[mapping.urlPrefix] = (mapping.folder, count)
        }
        // A two-segment prefix is kept only where it explains links its one-segment parent does not.
        let chosen = best.filter { prefix, value in
            let parent = "/" + (prefix.split(separator: "/").first.map(String.init) ?? "") + "/"
            guard parent != prefix, let outer = best[parent] else { return true }
            return outer.count < value.count
        }
        return LearnPathMap(chosen.map { Mapping(urlPrefix: $0.key, folder: $0.value.folder) })
    }

    /// Whether a link to `url` could count for one of ``infer(from:files:)``'s mappings: it names
    /// a page under the content folder or a folder up to two levels below it. A link that cannot
    /// leaves the inferred mappings as they are, added or removed.
    public static func couldBeEvidence(_ url: String, files: ContentFiles) -> Bool {
        let segments = pathPart(of: url).split(separator: "/")
        guard segments.count >= 2 else { return false }
        // The names a page under a candidate folder may have for this URL; such a page's folder
        // is a candidate folder whenever it is at most two folders below the root.
        var endings: [String] = []
        for depth in 1...min(2, segments.count - 1) {
            var rest = segments.dropFirst(depth).joined(separator: "/")
            if rest.hasSuffix("/") { rest.removeLast() }
            endings += rest.isEmpty ? ["index.md", "index.yml"] : [rest + ".md", rest + ".yml", rest + "/index.md", rest + "/index.yml", rest]
        }
        for path in files.paths {
            for ending in endings where path == ending || path.hasSuffix("/" + ending) {
                let folders = path.dropLast(ending.count).split(separator: "/").count
                if folders <= 2, files.isPage(path) { return true }
            }
        }
        return false
    }

    /// The content folder and the folders up to two levels below it: where doc sets keep their pages.
    private static func candidateFolders(_ files: ContentFiles) -> [String] {
        var folders: Set<String> = [""]
        for path in files.paths where path.lowercased().hasSuffix(".md") {
            let parts = path.split(separator: "/").dropLast()
            if parts.count >= 1 { folders.insert(String(parts[0])) }
            if parts.count >= 2 { folders.insert(parts[0] + "/" + parts[1]) }
        }
        return folders.sorted()
    }

    /// The names a URL may give the page at folder-relative `rest` ("a/b.md"): the path itself,
    /// without `.md` or `.yml`, and for an index page its folder ("a", or "" at the folder's top),
    /// as ``page(named:in:files:)`` looks them up.
    private static func names(ofPage rest: String) -> [String] {
        var names = [rest]
        for suffix in [".md", ".yml"] where rest.hasSuffix(suffix) {
            let stem = String(rest.dropLast(suffix.count))
            names.append(stem)
            if stem == "index" { names.append("") } else if stem.hasSuffix("/index") { names.append(String(stem.dropLast("/index".count))) }
        }
        return names
    }

    /// The page `rest` names under `folder`: the file itself, with `.md` or `.yml`, or its folder's index.
    private static func page(named rest: String, in folder: String, files: ContentFiles) -> String? {
        let trimmed = rest.hasSuffix("/") ? String(rest.dropLast()) : rest
        let base = folder.isEmpty ? trimmed : trimmed.isEmpty ? folder : folder + "/" + trimmed
        let candidates = trimmed.isEmpty
            ? [base.isEmpty ? "index.md" : base + "/index.md", base.isEmpty ? "index.yml" : base + "/index.yml"]
            : [base, base + ".md", base + ".yml", base + "/index.md", base + "/index.yml"]
        return candidates.first { files.contains($0) && files.isPage($0) }
    }

    /// The URL a root-relative link outside the doc set is written as: absolute on Learn's host
    /// when there is one, else as written.
    public func outsideURL(_ url: String) -> String {
        guard let host else { return url }
        return host + url
    }

    /// The path of a root-relative URL without its query and fragment, decoded, without a locale
    /// (`/en-us/azure/...`).
    static func pathPart(of url: String) -> String {
        var path = Substring(url)
        // Every link is resolved through here when it is checked and when it is rendered: on
        // ASCII without carriage returns, where each byte is a Character, the same cuts are
        // found in the bytes instead of by grapheme breaking, which was a twentieth of a build.
        if Self.isPlainASCII(url) {
            if let cut = path.utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) { path = path[..<cut] }
        } else if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            path = path[..<cut]
        }
        var decoded = RelativePath.percentDecoded(String(path))
        if Self.isPlainASCII(decoded) {
            let segments = decoded.utf8.split(separator: UInt8(ascii: "/"), maxSplits: 1)
            if let first = segments.first, first.count == 5, first.dropFirst(2).first == UInt8(ascii: "-"), segments.count == 2 {
                decoded = "/" + String(Substring(segments[1]))
            }
            return decoded
        }
        let segments = decoded.split(separator: "/", maxSplits: 1)
        if let first = segments.first, first.count == 5, first.dropFirst(2).first == "-", segments.count == 2 {
            decoded = "/" + segments[1]
        }
        return decoded
    }

    /// Whether every Character of `text` is one ASCII byte (CR LF is one Character of two).
    private static func isPlainASCII(_ text: String) -> Bool {
        !text.utf8.contains { $0 >= 0x80 || $0 == 0x0D }
    }
}
