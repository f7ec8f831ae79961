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

    /// Loads `root`, reusing what `records` (the last run's, or nil) keep for the inputs `siteKey` names.
    static func load(root: URL, displayPrefix: String, records: PageRecords?, siteKey: SiteKey?) -> ReusingLoad {
        let edited = siteKey.flatMap { siteKey in records?.editedFiles(siteKey: siteKey.key, markdownHashes: siteKey.markdownHashes) }
        let standIns = edited.flatMap { records?.standIns(edited: $0) } ?? [:]
        let site = SiteLoader.load(root: root, displayPrefix: displayPrefix, standIns: standIns)
        let kept = edited.flatMap { records?.keptPages(of: site, edited: $0) } ?? [:]
        if !standIns.isEmpty, !standIns.keys.allSatisfy({ kept[$0] != nil }) {
            // An edit changed what other pages show of the page: every page is checked (and
            // rendered), so every page is loaded.
            return ReusingLoad(site: SiteLoader.load(root: root, displayPrefix: displayPrefix), kept: [:], unread: [], edited: [])
        }
        return kept.isEmpty
            ? ReusingLoad(site: site, kept: [:], unread: [], edited: [])
            : ReusingLoad(site: site, kept: kept, unread: Set(standIns.keys), edited: edited ?? [])
    }
}
