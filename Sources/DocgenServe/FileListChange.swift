import DocgenCore
import DocgenLint
import Foundation

/// Pages and media files added or removed while `serve` runs, applied without loading every page
/// again: the site is made again around the pages it holds (each stands in for itself), the
/// added pages are read, and the pages linking to an added or removed file are checked again.
/// Where a file could matter in a way the pages do not record, there is none (`nil`) and
/// everything is loaded again.
struct FileListChange {
    /// The site with the files added and removed.
    let site: Site
    /// The pages read because they were added, whole.
    let addedPages: [Document]
    /// How many pages of the site were removed.
    let removedPages: Int
    /// The pages whose findings the change can change: the added pages and the pages linking
    /// to an added or removed file.
    let pagesToRelint: Set<String>

    /// Applies `changes` (some files added or removed, none modified but those added) to `site`,
    /// whose pages read the files `dependencies` records. Nil, and the caller loads everything,
    /// when a file added or removed is neither a published page nor a media file (an include, a
    /// TOC, configuration), when a page read the removed file or tried to read an added one
    /// (an include or code sample that was missing), when a page added or removed declares a
    /// uid, when the Learn URL paths inferred from the links change, or when a root-relative
    /// link leads to a file added or removed.
    init?(_ changes: ChangeWatcher.Changes, site: Site, dependencies: PageDependencies) {
        let touched = changes.added.union(changes.removed)
        guard !touched.isEmpty, changes.modified.isSubset(of: changes.added),
              touched.allSatisfy({ ContentFiles.isMedia($0) || (SiteLoader.isPagePath($0) && site.docfx.publishes($0)) })
        else { return nil }
        let removedRead = dependencies.pages(reading: changes.removed).subtracting(changes.removed)
        guard removedRead.isEmpty, !Self.triedToRead(changes.added, in: site) else { return nil }
        guard !changes.removed.contains(where: { site.document(at: $0)?.frontMatter.string("uid") != nil }) else { return nil }
        guard !site.hasRootRelativeLinks(leadingTo: changes.removed) else { return nil }

        var standIns: [String: Document] = [:]
        for document in site.documents where !changes.removed.contains(document.path) { standIns[document.path] = document }
        let changed = SiteLoader.load(root: site.files.root, displayPrefix: site.displayPrefix, standIns: standIns)
        let added = changes.added.sorted().compactMap { changed.document(at: $0) }
        guard changed.files.learnPaths == site.files.learnPaths, !added.contains(where: { $0.frontMatter.string("uid") != nil }),
              !changed.hasRootRelativeLinks(leadingTo: changes.added),
              let linking = SiteLintResults.pagesLinking(to: touched, in: changed)
        else { return nil }
        self.site = changed
        addedPages = added
        removedPages = changes.removed.count(where: { site.document(at: $0) != nil })
        pagesToRelint = linking.union(added.map(\.path))
    }

    /// Whether a page of `site` has an include or code sample it could not read whose file name
    /// is one of `paths`: the page read again would now show it. A page chosen wrongly by name
    /// only loads everything.
    private static func triedToRead(_ paths: Set<String>, in site: Site) -> Bool {
        let names = paths.map { String(RelativePath.name(of: $0)) }
        return site.documents.contains { document in
            document.problems.contains { $0.isUnreadFile(namedAnyOf: names, kinds: [.includeNotFound, .codeSnippetNotFound]) }
        }
    }
}
