import DocgenCore

/// Which pages read each file: a page reads itself, the files it includes and the files its
/// `:::code` samples show. A save looks up the saved files here instead of asking every page.
struct PageDependencies: Sendable {
    /// The pages that read each root-relative file.
    private var readers: [String: Set<String>] = [:]
    /// The files each page reads, to forget them when the page is loaded again.
    private var reads: [String: Set<String>] = [:]

    /// The dependencies of every page of `site`, worked out on all cores; `known` gives the
    /// files some pages read besides themselves (pages the cache stands for, whose trees no
    /// longer show them).
    init(_ site: Site, known: [String: Set<String>] = [:]) {
        let pages = SiteLoader.parallelMap(site.documents) { document in
            (document.path, known[document.path].map { $0.union([document.path]) } ?? Self.files(readBy: document))
        }
        for (page, files) in pages { record(page, files) }
    }

    /// The pages that read any of `files`, in no particular order.
    func pages(reading files: Set<String>) -> Set<String> {
        var pages = Set<String>()
        for file in files { pages.formUnion(readers[file] ?? []) }
        return pages
    }

    /// Records what `document`, loaded again, reads now.
    mutating func update(_ document: Document) {
        for file in reads[document.path] ?? [] { readers[file]?.remove(document.path) }
        record(document.path, Self.files(readBy: document))
    }

    /// Forgets `page`, whose file was removed: it reads nothing now.
    mutating func remove(_ page: String) {
        for file in reads[page] ?? [] { readers[file]?.remove(page) }
        reads[page] = nil
    }

    private mutating func record(_ page: String, _ files: Set<String>) {
        reads[page] = files
        for file in files { readers[file, default: []].insert(page) }
    }

    private static func files(readBy document: Document) -> Set<String> {
        document.filesRead.union([document.path])
    }
}
