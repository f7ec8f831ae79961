import DocgenCore
import Foundation

/// The inputs of a run, fingerprinted once: the key of all of them, which finds the last run's
/// result, and the key of every input but the Markdown files' bytes with those files' hashes,
/// which tell a run which pages were edited since the last one (``PageRecords``).
public struct SiteKey: Sendable {
    /// The key of every input (the cache entry's key).
    public let whole: String
    /// The key of every input but the Markdown files' bytes.
    let key: String
    /// The hash of each Markdown file's bytes, by root-relative path.
    let markdownHashes: [String: String]

    /// The keys of `parts`, each made by `key` from a content fingerprint.
    init(_ parts: InputFingerprint.Parts, key: (String) -> String) {
        whole = key(parts.whole)
        self.key = key(parts.withoutMarkdownBytes)
        markdownHashes = parts.markdownHashes
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

/// A content root loaded with the last run's page records: when only Markdown files were edited,
/// the pages that read none of them are stand-ins from the records, neither read nor parsed, and
/// keep their findings (and a build's, their HTML) as long as every edited page still shows the
/// rest of the site what it did. Otherwise every page is loaded, and nothing is kept.
public struct ReusingLoad: Sendable {
    /// The loaded site.
    public let site: Site
    /// The pages kept from the last run, by path.
    let kept: [String: PageRecords.Page]
    /// The pages not read, by path: stand-ins took their place, and their sources are empty.
    public let unread: Set<String>
    /// The Markdown files edited since the last run, by root-relative path, when it kept pages.
    public let edited: Set<String>

    /// How many pages were not read.
    public var unreadPages: Int { unread.count }

    /// The kept pages' page-rule findings, by page (for ``SiteChecks/check(_:draftChecks:today:kept:)``).
    public var keptDiagnostics: [String: [Diagnostic]] { kept.mapValues(\.diagnostics) }

    /// The files each kept page reads besides itself, by path (a stand-in's tree no longer shows
    /// its `:::code` samples).
    public var keptFilesRead: [String: Set<String>] { kept.mapValues { Set($0.filesRead) } }

    /// Loads `root`, reusing what `records` (the last run's, or nil) keep for the inputs `siteKey`
    /// names; with `evenUnchanged`, also when no input changed since (`serve`'s start). The pages
    /// read go through `compiling` (`lint`'s, ``SiteChecks/Compiling``) when given. The files
    /// `reading` names, and the pages that read them, are read whether or not they were edited,
    /// and are pages even where the doc set does not publish them (`lint FILE...`, which checks
    /// them).
    static func load(
        root: URL, displayPrefix: String, records: PageRecords?, siteKey: SiteKey?, evenUnchanged: Bool = false, reading: Set<String> = [],
        compiling: SiteChecks.Compiling? = nil
    ) -> ReusingLoad {
        let edited = siteKey.flatMap { siteKey in
            records?.editedFiles(siteKey: siteKey.key, markdownHashes: siteKey.markdownHashes, evenNone: evenUnchanged || !reading.isEmpty)
        }.map { $0.union(reading) }
        let standIns = edited.flatMap { records?.standIns(edited: $0) } ?? [:]
        // The stand-ins' links are as they were; if the edited pages' are too (the site is kept
        // only then), the Learn URL paths inferred from them all are as they were.
        let site = SiteLoader.load(
            root: root, alsoLoad: reading.sorted(), displayPrefix: displayPrefix, standIns: standIns, learnPaths: standIns.isEmpty ? nil : records?.learnPaths,
            compiling: compiling?.pages(of:))
        let kept = edited.flatMap { records?.keptPages(of: site, edited: $0) } ?? [:]
        if !standIns.isEmpty, !standIns.keys.allSatisfy({ kept[$0] != nil }) {
            // An edit changed what other pages show of the page: every page is checked (and
            // rendered), so every page is loaded.
            let whole = SiteLoader.load(root: root, alsoLoad: reading.sorted(), displayPrefix: displayPrefix, compiling: compiling?.pages(of:))
            return ReusingLoad(site: whole, kept: [:], unread: [], edited: [])
        }
        return kept.isEmpty
            ? ReusingLoad(site: site, kept: [:], unread: [], edited: [])
            : ReusingLoad(site: site, kept: kept, unread: Set(standIns.keys), edited: edited ?? [])
    }
}
