/// The tables of contents of a content root and which one navigates each page, chosen as DocFX
/// chooses (docs/table-of-contents in dotnet/docfx): a TOC that lists the page, else any TOC;
/// among several, the smallest `order`, then the fewest folder steps between the page and the
/// TOC, then the TOC's path.
public struct NavigationTOCs: Sendable {
    /// Every navigation TOC, sorted by path.
    public let tocs: [TableOfContents]
    /// For each page path, the TOCs that list it.
    private let listing: [String: [Int]]

    /// Indexes `tocs`.
    public init(_ tocs: [TableOfContents]) {
        self.tocs = tocs
        var listing: [String: [Int]] = [:]
        for (index, toc) in tocs.enumerated() {
            for path in toc.orderedPaths { listing[path, default: []].append(index) }
        }
        self.listing = listing
    }

    /// Whether any TOC lists the page at `path`.
    public func lists(_ path: String) -> Bool { listing[path] != nil }

    /// The index in ``tocs`` of the TOC that navigates the page at `path`; nil when there is none.
    public func tocIndex(for path: String) -> Int? {
        let candidates = listing[path] ?? Array(tocs.indices)
        let pageFolder = RelativePath.directory(of: path).split(separator: "/")
        return candidates.min { a, b in
            let left = (tocs[a].order, Self.folderSteps(pageFolder, tocs[a].folder), tocs[a].path)
            let right = (tocs[b].order, Self.folderSteps(pageFolder, tocs[b].folder), tocs[b].path)
            return left < right
        }
    }

    /// TOCs that no other TOC nests: the site's top-level sections.
    public var topLevel: [Int] {
        let nested = Set(tocs.flatMap { toc in toc.nestedFiles.subtracting([toc.path]) })
        return tocs.indices.filter { !nested.contains(tocs[$0].path) }
    }

    /// Page paths in reading order: each TOC's pages (top-level TOCs, shallowest first), then the
    /// pages no TOC lists, by path.
    public func readingOrder(of pagePaths: [String]) -> [String] {
        let ranked = tocs.indices.sorted { a, b in
            (tocs[a].order, tocs[a].folder.split(separator: "/").count, tocs[a].path) < (tocs[b].order, tocs[b].folder.split(separator: "/").count, tocs[b].path)
        }
        let known = Set(pagePaths)
        var seen = Set<String>()
        var result: [String] = []
        for index in ranked {
            for path in tocs[index].orderedPaths where known.contains(path) && seen.insert(path).inserted { result.append(path) }
        }
        for path in pagePaths.sorted() where seen.insert(path).inserted { result.append(path) }
        return result
    }

    /// How many folders up and down lead from `from` to `to`.
    static func folderSteps(_ from: [Substring], _ to: String) -> Int {
        let target = to.split(separator: "/")
        var common = 0
        while common < from.count, common < target.count, from[common] == target[common] { common += 1 }
        return (from.count - common) + (target.count - common)
    }
}
