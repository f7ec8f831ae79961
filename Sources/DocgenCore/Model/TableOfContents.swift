/// A Learn `toc.yml`: a tree of named entries, each linking to a page or holding children.
public struct TableOfContents: Sendable, Hashable {
    /// One entry of the tree.
    public struct Entry: Sendable, Hashable {
        /// The display name.
        public var name: String
        /// The root-relative path of the page, nil for a pure grouping entry or an external link.
        public var path: String?
        /// An external URL, when the entry links outside the site.
        public var externalURL: String?
        /// Child entries.
        public var children: [Entry]
        /// The line of the entry in `toc.yml`.
        public var line: Int
    }

    /// The top-level entries.
    public var entries: [Entry]

    /// All page paths in reading order.
    public var orderedPaths: [String] {
        var result: [String] = []
        func visit(_ entries: [Entry]) {
            for entry in entries {
                if let path = entry.path, !result.contains(path) { result.append(path) }
                visit(entry.children)
            }
        }
        visit(entries)
        return result
    }

    /// Reads the toc at root-relative `path`, following `href`s to nested `toc.yml` files.
    /// Problems (bad YAML, missing nested toc) come back with their lines.
    public static func load(_ path: String, files: ContentFiles, problems: inout [DocumentProblem], depth: Int = 0) -> TableOfContents? {
        guard depth < 5, let text = files.read(path)?.text else { return nil }
        let value: YAMLValue
        do {
            value = try YAMLReader.read(text)
        } catch {
            problems.append(DocumentProblem(.invalidYAML, "\(path) is \(error.message).", path: path, at: .init(line: error.line, column: error.column)))
            return nil
        }
        let items: [YAMLValue]
        if case .list(let list) = value { items = list } else { items = value["items"].map { if case .list(let l) = $0 { return l } else { return [] } } ?? [] }
        let base = RelativePath.directory(of: path)
        return TableOfContents(entries: entries(items, base: base, files: files, problems: &problems, depth: depth, tocPath: path))
    }

    private static func entries(_ items: [YAMLValue], base: String, files: ContentFiles, problems: inout [DocumentProblem], depth: Int, tocPath: String) -> [Entry] {
        var result: [Entry] = []
        for item in items {
            let line = item.entries.first?.line ?? 1
            let name = item["name"]?.string ?? ""
            var entry = Entry(name: name, path: nil, externalURL: nil, children: [], line: line)
            if let href = item["href"]?.string, !href.isEmpty {
                if href.contains("://") {
                    entry.externalURL = href
                } else if let resolved = RelativePath.join(base, RelativePath.percentDecoded(String(href.split(separator: "#").first ?? ""))) {
                    if resolved.lowercased().hasSuffix("toc.yml") {
                        if let nested = load(resolved, files: files, problems: &problems, depth: depth + 1) {
                            entry.children = nested.entries
                        }
                    } else if files.contains(resolved) {
                        entry.path = resolved
                    } else if files.contains(resolved + "/index.md") {
                        entry.path = resolved + "/index.md"
                    } else {
                        problems.append(DocumentProblem(.includeNotFound, "toc entry '\(name)' links to '\(href)', which does not exist.", path: tocPath, at: .init(line: line, column: 1), isError: false))
                    }
                }
            }
            if case .list(let children)? = item["items"] {
                entry.children += entries(children, base: base, files: files, problems: &problems, depth: depth, tocPath: tocPath)
            }
            result.append(entry)
        }
        return result
    }
}
