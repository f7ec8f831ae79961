import DocgenMarkup

/// The redirects of `.openpublishing.redirection*.json`, each followed to where a reader finally
/// lands: a page of this doc set, a URL elsewhere, or nothing. Built once the doc set's Learn URL
/// paths are known, since `redirect_url` is usually a Learn URL (`/azure/...`).
///
/// Source paths are compared without letter case: Learn's URLs are case-insensitive (its build
/// looks redirect targets up lower-cased, docfx v3 `RedirectionProvider.GetRenameAndRedirectionHistory`),
/// so two sources that differ only in case would publish at one URL.
public struct RedirectMap: Sendable {
    /// Where a redirect finally leads.
    public enum Destination: Sendable, Hashable {
        /// A page of this doc set (content-root-relative), with the URL's fragment.
        case page(path: String, fragment: String?)
        /// An absolute URL, or a root-relative one into another doc set (made absolute when
        /// `site.learn-host` is set).
        case url(String)
        /// Nothing: the target is a missing page of this doc set, or the redirects loop.
        case missing
    }

    /// A problem with one redirect, at its line in the redirection file.
    public struct Problem: Sendable, Hashable {
        /// What is wrong.
        public enum Kind: String, Sendable, Hashable {
            /// The redirects lead to a page of this doc set that does not exist.
            case missingTarget
            /// The redirects lead back to this one.
            case loop
            /// A second redirect for a source (ignored).
            case duplicate
            /// The redirected page still exists (it is built; the redirect is not).
            case sourceExists
            /// The target is a URL that is not http or https (`javascript:`, `data:`, `file:`): no
            /// page is written for it, and links to the source are not sent there.
            case notWebURL
        }
        /// What is wrong.
        public let kind: Kind
        /// The redirection file (content-root-relative, or its name when above the root).
        public let file: String
        /// The entry's source key in that file.
        public let position: SourcePosition
        /// What is wrong and what to do.
        public let message: String
    }

    /// The redirects that apply, one per source (the first written), in file order.
    public let redirections: [Redirection]
    /// Problems, in file order.
    public let problems: [Problem]
    private let finals: [String: Destination]
    private let bySource: [String: Int]

    /// No redirects.
    public init() {
        redirections = []
        problems = []
        finals = [:]
        bySource = [:]
    }

    /// Resolves `all` (in file order) against the content root's files and Learn URL paths.
    public init(_ all: [Redirection], files: ContentFiles) {
        var kept: [Redirection] = []
        var bySource: [String: Int] = [:]
        var problems: [Problem] = []
        for redirection in all {
            let key = redirection.source.lowercased()
            if let first = bySource[key] {
                // Learn keeps one redirect per source and reports the others (redirection-conflict).
                let other = kept[first]
                problems.append(Problem(kind: .duplicate, file: redirection.file, position: redirection.position,
                    message: "'\(redirection.source)' is already redirected to '\(other.url)' (\(other.file):\(other.position.line)); this redirect to '\(redirection.url)' is ignored. Keep one of them."))
                continue
            }
            bySource[key] = kept.count
            kept.append(redirection)
        }
        self.redirections = kept
        self.bySource = bySource

        // One step of each redirect: a page, a URL, another redirect, or nothing.
        enum Step { case done(Destination), next(Int, fragment: String?) }
        func step(_ redirection: Redirection) -> Step {
            let url = redirection.url
            if url.isEmpty { return .done(.missing) }
            if Self.hasScheme(url), !Self.isWebURL(url) { return .done(.missing) }
            if url.hasPrefix("//") || Self.hasScheme(url) { return .done(.url(url)) }
            let fragment = url.firstIndex(of: "#").map { String(url[url.index(after: $0)...]) }
            let bases: [String]
            if url.hasPrefix("/") {
                if let page = files.learnPaths.page(for: url, files: files) { return .done(.page(path: page, fragment: fragment)) }
                bases = files.learnPaths.contentBases(for: url)
                // A URL no mapping covers leads to another doc set.
                if bases.isEmpty { return .done(.url(files.learnPaths.outsideURL(url))) }
            } else {
                let pathPart = String(url.prefix { $0 != "#" && $0 != "?" })
                guard let joined = RelativePath.join(RelativePath.directory(of: redirection.source), RelativePath.percentDecoded(pathPart)) else { return .done(.missing) }
                bases = [joined]
            }
            for base in bases {
                let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
                let candidates = trimmed.isEmpty ? ["index.md", "index.yml"]
                    : [trimmed, trimmed + ".md", trimmed + ".yml", trimmed + "/index.md", trimmed + "/index.yml"]
                if let page = candidates.first(where: { files.contains($0) && files.isPage($0) }) {
                    return .done(.page(path: page, fragment: fragment))
                }
                if let next = candidates.lazy.compactMap({ bySource[$0.lowercased()] }).first { return .next(next, fragment: fragment) }
            }
            if url.hasPrefix("/") {
                // Under a URL path this doc set publishes, but in a folder it does not have: a
                // doc set that shares the path (`/azure/` is many repositories).
                let known = bases.contains { base in
                    let folder = RelativePath.directory(of: base)
                    return !files.files(in: folder).isEmpty || !files.files(in: base).isEmpty
                }
                if !known { return .done(.url(files.learnPaths.outsideURL(url))) }
            }
            return .done(.missing)
        }

        // Each redirect followed to its end, memoised so that every redirect is stepped once.
        var finals: [Int: Destination] = [:]
        var chains: [Int: [Int]] = [:]
        for start in kept.indices where finals[start] == nil {
            var path: [Int] = []
            var onPath: [Int: Int] = [:]
            var current = start
            var fragment: String?
            var result: Destination
            while true {
                if let known = finals[current] { result = known; break }
                if let loopStart = onPath[current] {
                    let loop = Array(path[loopStart...])
                    for member in loop { chains[member] = loop }
                    result = .missing
                    break
                }
                onPath[current] = path.count
                path.append(current)
                switch step(kept[current]) {
                case .done(let destination):
                    result = destination
                case .next(let next, let stepFragment):
                    fragment = stepFragment ?? fragment
                    current = next
                    continue
                }
                break
            }
            if case .page(let page, nil) = result, let fragment { result = .page(path: page, fragment: fragment) }
            for member in path { finals[member] = result }
        }
        for (index, redirection) in kept.enumerated() {
            if files.contains(redirection.source), files.isPage(redirection.source) {
                // Learn reports redirected-file-not-removed; docgen builds the page and no redirect.
                problems.append(Problem(kind: .sourceExists, file: redirection.file, position: redirection.position,
                    message: "'\(redirection.source)' is redirected to '\(redirection.url)' but the page still exists; the page is built and the redirect is not. Delete the page, or remove the redirect."))
                continue
            }
            if Self.hasScheme(redirection.url), !Self.isWebURL(redirection.url) {
                problems.append(Problem(kind: .notWebURL, file: redirection.file, position: redirection.position,
                    message: "'\(redirection.source)' is redirected to '\(redirection.url)', which is not an http or https URL; docgen writes no redirect for it. Point it at a page or a web address."))
                continue
            }
            if let loop = chains[index] {
                // The loop as seen from this redirect.
                let start = loop.firstIndex(of: index) ?? 0
                let turned = Array(loop[start...] + loop[..<start])
                let names = (turned + [index]).map { kept[$0].source }
                problems.append(Problem(kind: .loop, file: redirection.file, position: redirection.position,
                    message: "Redirect loop: \(names.joined(separator: " -> ")); no page is ever reached. Point one of them at the page that replaced them."))
            } else if finals[index] == .missing {
                problems.append(Problem(kind: .missingTarget, file: redirection.file, position: redirection.position,
                    message: "'\(redirection.source)' is redirected to '\(redirection.url)', which is not a page of this doc set; point the redirect at the page that replaced it."))
            }
        }
        self.problems = problems.sorted { ($0.file, $0.position) < ($1.file, $1.position) }
        var bySourceFinal: [String: Destination] = [:]
        for (key, index) in bySource { bySourceFinal[key] = finals[index] }
        self.finals = bySourceFinal
    }

    /// Where a reader of the content-root-relative source path finally lands, when it is redirected.
    public func destination(forSource path: String) -> Destination? {
        finals.isEmpty ? nil : finals[path.lowercased()]
    }

    /// The redirect of a content-root-relative source path.
    public func redirection(forSource path: String) -> Redirection? {
        bySource[path.lowercased()].map { redirections[$0] }
    }

    /// Whether a URL with a scheme is a web address readers may be sent to.
    private static func isWebURL(_ text: String) -> Bool {
        let lower = text.drop { $0.isWhitespace }.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// Whether `text` starts with a URL scheme (`https:`; two characters at least, so `C:` is a path).
    private static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        return scheme.count > 1 && scheme.first!.isASCII && scheme.first!.isLetter
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}
