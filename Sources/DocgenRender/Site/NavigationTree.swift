import DocgenCore
import Foundation

/// The left navigation: the table of contents when the content has a `toc.yml`, else the
/// folders in path order. Each entry knows the roles its pages are for, so the site can filter it.
public struct NavigationTree: Sendable {
    /// One entry. A class: every page's navigation reads the same entries, and reading a
    /// struct entry out of its array copied (retained) all its strings and lists each time.
    public final class Node: Sendable {
        public let title: String
        /// Root-relative output path of the page, nil for a group.
        public let outputPath: String?
        /// External URL for toc entries that leave the site.
        public let externalURL: String?
        /// Role ids of the page (or of all pages below a group); empty means every role.
        public let roleIDs: [String]
        public let children: [Node]
        /// Shown open on every page (`expanded: true` in toc.yml).
        public let expanded: Bool
        /// How the entry is recognised as open on a page's trail: its title and output path.
        let trailKey: String

        init(title: String, outputPath: String?, externalURL: String?, roleIDs: [String], children: [Node], expanded: Bool = false) {
            self.expanded = expanded
            self.title = title
            self.outputPath = outputPath
            self.externalURL = externalURL
            self.roleIDs = roleIDs
            self.children = children
            trailKey = title + (outputPath ?? "")
        }
    }

    /// Top-level entries.
    public var nodes: [Node]
    /// Total number of entries: above `navigation.inline-limit`, a page carries only its own
    /// branch and the browser loads the whole tree from ``scriptPath``.
    public let count: Int
    /// Which navigation this is: the TOC's source path, `site` for folders, `sections` for one
    /// entry per top-level TOC. Names the tree's file (``scriptPath``).
    public let name: String

    /// What entries show of the pages they link to: display titles and role ids, by source path.
    struct PageFacts {
        var roles: [String: [String]]
        var titles: [String: String]

        init(site: Site) {
            roles = Dictionary(site.documents.map { ($0.path, $0.frontMatter.roles) }, uniquingKeysWith: { a, _ in a })
            titles = Dictionary(site.documents.map { ($0.path, $0.displayTitle) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// The tree of one table of contents.
    init(toc: TableOfContents, facts: PageFacts) {
        self.init(name: toc.path, nodes: Self.fromTOC(toc.entries, roles: facts.roles, titles: facts.titles))
    }

    /// The folders of `paths`, for a site without a `toc.yml`.
    init(folders paths: [String], facts: PageFacts) {
        self.init(name: "site", nodes: Self.fromFolders(paths, roles: facts.roles, titles: facts.titles))
    }

    /// One entry per top-level table of contents, each opening its first page: the navigation of
    /// generated pages on a site made of several sections with no TOC above them.
    init(sections: [(title: String, path: String)], facts: PageFacts) {
        self.init(name: "sections", nodes: sections.map { section in
            Node(title: section.title, outputPath: Document.outputPath(for: section.path), externalURL: nil, roleIDs: facts.roles[section.path] ?? [], children: [])
        })
    }

    private init(name: String, nodes: [Node]) {
        self.name = name
        self.nodes = nodes
        func count(_ nodes: [Node]) -> Int { nodes.reduce(0) { $0 + 1 + count($1.children) } }
        self.count = count(nodes)
        var trails: [String: [Node]] = [:]
        var firstNodes: [String: Node] = [:]
        func index(_ nodes: [Node], _ chain: [Node]) {
            for node in nodes {
                if let path = node.outputPath, trails[path] == nil {
                    trails[path] = chain
                    firstNodes[path] = node
                }
                index(node.children, chain + [node])
            }
        }
        index(nodes, [])
        self.trails = trails
        self.firstNodes = firstNodes
        var byKey: [String: [Int]] = [:]
        var byPath: [String: [Int]] = [:]
        for (offset, node) in nodes.enumerated() {
            byKey[node.trailKey, default: []].append(offset)
            if let path = node.outputPath { byPath[path, default: []].append(offset) }
        }
        topLevelOffsets = byKey
        topLevelPageOffsets = byPath
    }

    /// Offsets of the top-level entries by ``Node/trailKey``, and of top-level pages by output
    /// path: which entries a page opens is looked up, not tested entry by entry.
    private let topLevelOffsets: [String: [Int]]
    private let topLevelPageOffsets: [String: [Int]]

    /// Each page's ancestors, computed once: a page's trail is looked up for every page built.
    private let trails: [String: [Node]]
    /// The entry of each page, the first where it is listed more than once (as ``trails``).
    let firstNodes: [String: Node]

    private static func fromTOC(_ entries: [TableOfContents.Entry], roles: [String: [String]], titles: [String: String]) -> [Node] {
        entries.map { entry in
            let children = fromTOC(entry.children, roles: roles, titles: titles)
            let pageRoles = entry.path.flatMap { roles[$0] } ?? []
            let title = entry.name.isEmpty ? (entry.path.flatMap { titles[$0] } ?? "Untitled") : entry.name
            return Node(
                title: title, outputPath: entry.path.map { Document.outputPath(for: $0) }, externalURL: entry.externalURL,
                roleIDs: entry.path != nil ? pageRoles : union(children), children: children, expanded: entry.expanded)
        }
    }

    private static func fromFolders(_ paths: [String], roles: [String: [String]], titles: [String: String]) -> [Node] {
        var root = FolderNode()
        for path in paths.sorted() {
            var parts = path.split(separator: "/").map(String.init)
            let file = parts.removeLast()
            root.insert(folders: parts[...], file: file, path: path)
        }
        return root.nodes(roles: roles, titles: titles)
    }

    private struct FolderNode {
        var folders: [(String, FolderNode)] = []
        var files: [String] = []

        mutating func insert(folders path: ArraySlice<String>, file: String, path full: String) {
            guard let first = path.first else { files.append(full); return }
            if let index = folders.firstIndex(where: { $0.0 == first }) {
                folders[index].1.insert(folders: path.dropFirst(), file: file, path: full)
            } else {
                var child = FolderNode()
                child.insert(folders: path.dropFirst(), file: file, path: full)
                folders.append((first, child))
            }
        }

        func nodes(roles: [String: [String]], titles: [String: String]) -> [Node] {
            var result = files.map { Node(title: titles[$0] ?? $0, outputPath: Document.outputPath(for: $0), externalURL: nil, roleIDs: roles[$0] ?? [], children: []) }
            for (name, folder) in folders {
                let children = folder.nodes(roles: roles, titles: titles)
                let title = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
                result.append(Node(title: title.prefix(1).uppercased() + title.dropFirst(), outputPath: nil, externalURL: nil, roleIDs: union(children), children: children))
            }
            return result
        }
    }

    /// The roles of a group: empty (every role) when any child is for every role.
    private static func union(_ children: [Node]) -> [String] {
        guard !children.contains(where: { $0.roleIDs.isEmpty }) else { return [] }
        var seen: [String] = []
        for child in children { for role in child.roleIDs where !seen.contains(role) { seen.append(role) } }
        return seen
    }

    /// The ancestors' titles and output paths of the page at `outputPath`, outermost first.
    public func trail(to outputPath: String) -> [Node]? {
        trails[outputPath]
    }

    /// The template value for a page at `currentPath`, with URLs relative to `root`. With
    /// `renderEntry`, each entry off the page's trail carries its HTML in `navItemHTML`, rendered
    /// once per root and reused: such an entry is the same on every page at that depth, and
    /// rendering the navigation again for every page was most of a large site's build.
    /// With `htmlOnly`, an entry whose HTML is already rendered is given as `navItemHTML` alone,
    /// without its other keys and children: for templates that use only `navHTML`, on a large
    /// site where the whole top level is built for every page.
    /// `topLevel` limits the result to those top-level entries.
    func templateValue(
        currentPath: String, root: String, renderEntry: (([String: Any]) -> String)? = nil, htmlOnly: Bool = false, topLevel: Set<Int>? = nil
    ) -> [[String: Any]] {
        let trail = trailKeys(to: currentPath)
        func value(_ nodes: [Node], depth: Int, key: String) -> [[String: Any]] {
            nodes.enumerated().compactMap { offset, node -> [String: Any]? in
                if depth == 0, let topLevel, !topLevel.contains(offset) { return nil }
                let isOpen = trail.contains(node.trailKey)
                let isCurrent = node.outputPath == currentPath
                let entryKey = key + "." + String(offset)
                if htmlOnly, !isOpen, !isCurrent, let html = renderedEntries.cached(root + "\u{0}" + entryKey) {
                    return ["navItemHTML": html]
                }
                let children = value(node.children, depth: depth + 1, key: entryKey)
                let url = node.externalURL ?? node.outputPath.map { root + $0 } ?? ""
                var entry: [String: Any] = [
                    "title": node.title, "url": url, "current": isCurrent, "open": isOpen || isCurrent, "expanded": node.expanded,
                    "roleIDs": node.roleIDs.joined(separator: " "), "children": children, "hasChildren": !children.isEmpty,
                    "external": node.externalURL != nil,
                ]
                guard let renderEntry else { return entry }
                // The children as HTML, so the template does not loop over them: each is either
                // reused or rendered once here.
                func childrenHTML() -> String {
                    children.map { child in (child["navItemHTML"] as? String).map { $0 + "\n" } ?? renderEntry(child) }.joined()
                }
                if !isOpen, !isCurrent {
                    // Without its line end, which the template writes after the entry either way.
                    entry["navItemHTML"] = renderedEntries.value(for: root + "\u{0}" + entryKey) {
                        var complete = entry
                        complete["childrenHTML"] = childrenHTML()
                        let html = renderEntry(complete)
                        return html.hasSuffix("\n") ? String(html.dropLast()) : html
                    }
                } else {
                    entry["childrenHTML"] = childrenHTML()
                }
                return entry
            }
        }
        return value(nodes, depth: 0, key: "")
    }

    /// The whole navigation as HTML for a page at `currentPath`, each top-level entry rendered by
    /// `renderEntry` and followed by a line end: `templateValue(..., htmlOnly: true)` rendered and
    /// joined, without looking up every entry off the trail again. The top level as it is off the
    /// trail is rendered once per root; a page renders only its own branch (and the top-level
    /// entry that is the page itself), which on a site with hundreds of top-level folders was a
    /// tenth of the build.
    func html(currentPath: String, root: String, renderEntry: @escaping ([String: Any]) -> String) -> String {
        let closed = closedTopLevel.value(for: root) {
            templateValue(currentPath: "\u{0}", root: root, renderEntry: renderEntry, htmlOnly: true).map { $0["navItemHTML"] as! String }
        }
        let trail = trailKeys(to: currentPath)
        var open = Set(trail.flatMap { topLevelOffsets[$0] ?? [] })
        if let own = topLevelPageOffsets[currentPath] { open.formUnion(own) }
        var openHTML: [Int: String] = [:]
        if !open.isEmpty {
            let entries = templateValue(currentPath: currentPath, root: root, renderEntry: renderEntry, htmlOnly: true, topLevel: open)
            for (offset, entry) in zip(open.sorted(), entries) { openHTML[offset] = renderEntry(entry) }
        }
        var html = ""
        html.reserveCapacity(closed.reduce(0) { $0 + $1.utf8.count + 1 })
        for (offset, entry) in closed.enumerated() {
            if let rendered = openHTML[offset] { html += rendered } else { html += entry; html += "\n" }
        }
        return html
    }

    /// The entries open on the way to the page at `currentPath`, as ``Node/trailKey`` names them.
    private func trailKeys(to currentPath: String) -> Set<String> {
        Set((trail(to: currentPath) ?? []).map(\.trailKey))
    }

    /// Entries rendered off the trail, by root and position in the tree.
    private let renderedEntries = LockedCache<String, String>()
    /// The top-level entries' HTML as off every page's trail, by root.
    private let closedTopLevel = LockedCache<String, [String]>()
    /// Entries off a page's branch trail, rendered alone, by root and entry (see `branchValue`).
    let renderedSiblings = LockedCache<SiblingKey, String>()
}
