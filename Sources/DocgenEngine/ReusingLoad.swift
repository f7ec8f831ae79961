import DocgenCore
import DocgenRender
import Foundation

/// The inputs of a run, fingerprinted once: the key of all of them, which finds the last run's
/// result, and the key of every input but the Markdown and media files' bytes with those files'
/// hashes, which tell a run which pages were edited since the last one (``PageRecords``).
public struct SiteKey: Sendable {
    /// The key of every input (the cache entry's key).
    public let whole: String
    /// The key of every input but the Markdown and media files' bytes.
    let key: String
    /// The hash of each Markdown and media file's bytes, by root-relative path.
    let markdownAndMediaHashes: [String: String]

    /// The keys of `parts`, each made by `key` from a content fingerprint.
    init(_ parts: InputFingerprint.Parts, key: (String) -> String) {
        whole = key(parts.whole)
        self.key = key(parts.withoutMarkdownAndMediaBytes)
        markdownAndMediaHashes = parts.markdownAndMediaHashes
    }

    /// The keys of a run whose inputs are the content root `root` alone: its cache `slot`, the
    /// day (the date rules count days) and the content, whose files `hashes` reads unless it
    /// knows them (`lint`, `serve`).
    static func ofContent(root: URL, slot: String, today: Date, hashes: FileHashes) -> SiteKey {
        SiteKey(InputFingerprint.parts(contentRoot: root, hashes: hashes)) { content in
            var hash = StableHash()
            hash.add(slot)
            hash.add(UTCDay.of(today))
            hash.add(content)
            return hash.hex
        }
    }
}

/// A content root loaded with the last run's page records: when only Markdown files were edited
/// (for `lint` and `serve`, or pages and media files added or removed),
/// the pages that read none of them are stand-ins from the records, neither read nor parsed, and
/// keep their findings (and a build's, their HTML). An edit that changes a page's headings or
/// title has the pages linking to it (and for a build, those showing its title) read and checked
/// again too; one that changes what every page may show of it (its front matter but the title
/// and description), or the Learn URL paths inferred from root-relative links, has every page
/// loaded, and nothing is kept.
public struct ReusingLoad: Sendable {
    /// The loaded site.
    public let site: Site
    /// The pages kept from the last run, by path.
    let kept: [String: PageRecords.Page]
    /// The pages not read, by path: stand-ins took their place, and their sources are empty.
    public let unread: Set<String>
    /// The Markdown files edited since the last run, by root-relative path, when it kept pages.
    public let edited: Set<String>
    /// Whether an edited page's title, description or question headings changed: the generated
    /// pages, which list pages by title and description and role pages' questions, are made again.
    public let generatedChanged: Bool
    /// Whether a navigation shows an edited page's title that changed: the navigation files and
    /// the YAML pages, which show a navigation, are made again.
    public let navigationChanged: Bool

    /// How many pages were not read.
    public var unreadPages: Int { unread.count }

    /// The kept pages' page-rule findings, by page (for ``SiteChecks/check(_:draftChecks:today:kept:)``).
    public var keptDiagnostics: [String: [Diagnostic]] { kept.mapValues(\.diagnostics) }

    /// The search summaries the kept pages' records hold, by path: nothing those pages read
    /// changed, so their articles, and what the search index keeps of them, are as they were.
    public var keptArticles: [String: ArticleSummary] { kept.compactMapValues(\.article) }

    /// The files each kept page reads besides itself, by path (a stand-in's tree no longer shows
    /// its `:::code` samples).
    public var keptFilesRead: [String: Set<String>] { kept.mapValues { Set($0.filesRead) } }

    /// Loads `root`, reusing what `records` (the last run's, or nil) keep for the inputs `siteKey`
    /// names; with `evenUnchanged`, also when no input changed since (`serve`'s start). The pages
    /// read go through `compiling` (`lint`'s, ``SiteChecks/Compiling``) when given. The files
    /// `reading` names, and the pages that read them, are read whether or not they were edited,
    /// and are pages even where the doc set does not publish them (`lint FILE...`, which checks
    /// them). `showingTitles`, given the loaded site and the edited pages whose titles changed,
    /// names the other pages whose output shows those titles, or nil for every page (a build's:
    /// `lint` and `serve` keep no output, and their findings do not show titles).
    /// With `addedOrRemoved` (`lint`, `serve`), pages and media files added or removed since the
    /// records are read (or left out) as edited files are, and the pages linking to them checked
    /// again; without it (`build`, whose every page shows the navigation that lists them), they
    /// load every page.
    static func load(
        root: URL, displayPrefix: String, records: PageRecords?, siteKey: SiteKey?, evenUnchanged: Bool = false, reading: Set<String> = [],
        addedOrRemoved: Bool = false, compiling: SiteChecks.Compiling? = nil, showingTitles: ((Site, Set<String>) -> TitleDependents.Showing?)? = nil
    ) -> ReusingLoad {
        func whole() -> ReusingLoad {
            let site = SiteLoader.load(root: root, alsoLoad: reading.sorted(), displayPrefix: displayPrefix, compiling: compiling?.pages(of:))
            return ReusingLoad(site: site, kept: [:], unread: [], edited: [], generatedChanged: false, navigationChanged: false)
        }
        // The pages checked and rendered again besides those read for their files, and whether
        // a navigation shows a changed title; nil for every page.
        func rechecked(_ reuse: PageRecords.Reuse, in site: Site) -> (pages: Set<String>, navigation: Bool)? {
            guard !reuse.titlesChanged.isEmpty, let showingTitles else { return (reuse.linking, false) }
            return showingTitles(site, reuse.titlesChanged).map { (reuse.linking.union($0.pages), $0.navigation) }
        }
        guard let records, let siteKey,
              let edited = records.editedFiles(
                  siteKey: siteKey.key, markdownAndMediaHashes: siteKey.markdownAndMediaHashes, evenNone: evenUnchanged || !reading.isEmpty,
                  addedOrRemoved: addedOrRemoved)
        else { return whole() }
        var read = edited.union(reading)
        var attempt = partial(root: root, displayPrefix: displayPrefix, records: records, read: read, reading: reading, compiling: compiling)
        let again = attempt.reuse.flatMap { rechecked($0, in: attempt.site) }
        if let pages = again?.pages, pages.contains(where: { attempt.standIns[$0] != nil }) {
            // Pages that link to a page whose headings or title changed, or show its title, are
            // checked and rendered again, so those that stood in are read in full this time.
            // What the records say they link to, and the site's structure, do not depend on the
            // load: the second one names no others, and the pages named stay those of the first.
            read.formUnion(pages)
            attempt = partial(
                root: root, displayPrefix: displayPrefix, records: records, read: read, reading: reading, compiling: compiling, standIns: attempt.standIns)
        }
        let site = attempt.site
        let kept = again.flatMap { again in attempt.reuse?.kept.filter { !again.pages.contains($0.key) } } ?? [:]
        // Nothing stood in: every page was read, and this is the whole load.
        if kept.isEmpty, attempt.standIns.isEmpty {
            return ReusingLoad(site: site, kept: [:], unread: [], edited: [], generatedChanged: false, navigationChanged: false)
        }
        // An edit changed what every page may show of the page: every page is checked (and
        // rendered), so every page is loaded.
        guard let reuse = attempt.reuse, !kept.isEmpty, attempt.standIns.keys.allSatisfy({ kept[$0] != nil }) else { return whole() }
        // The stand-ins' links are as they were; the load took the Learn URL paths inferred
        // last time, which stand only if the edited pages' links still give them.
        // Files added or removed may change them too (they are inferred from links and files).
        if reuse.rootRelativeLinksChanged || reuse.filesCameOrWent, site.configuration.learnPaths == nil {
            guard site.inferredLearnPaths() == records.learnPaths else { return whole() }
        }
        // A stand-in's root-relative link that led out of the doc set must not lead to a file
        // added now: its record says it leaves. (One that led to a removed page is in the
        // pages it links to, and its page is read again.)
        if !reuse.added.isEmpty, site.hasRootRelativeLinks(leadingTo: reuse.added) { return whole() }
        return ReusingLoad(
            site: site, kept: kept, unread: Set(attempt.standIns.keys), edited: edited.union(reading), generatedChanged: reuse.generatedChanged,
            navigationChanged: again?.navigation ?? false)
    }

    /// `root` loaded with stand-ins from `records` for the pages that read none of the files
    /// `read` (those of an `earlier` load taken as they are), and what that load can keep of the
    /// records.
    private static func partial(
        root: URL, displayPrefix: String, records: PageRecords, read: Set<String>, reading: Set<String>, compiling: SiteChecks.Compiling?,
        standIns earlier: [String: Document] = [:]
    ) -> (site: Site, standIns: [String: Document], reuse: PageRecords.Reuse?) {
        let standIns = records.standIns(edited: read, reusing: earlier)
        let site = SiteLoader.load(
            root: root, alsoLoad: reading.sorted(), displayPrefix: displayPrefix, standIns: standIns, learnPaths: standIns.isEmpty ? nil : records.learnPaths,
            compiling: compiling?.pages(of:))
        return (site, standIns, records.reuse(of: site, edited: read))
    }
}
