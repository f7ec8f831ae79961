import DocgenCore
import Foundation

/// The key of every input of a run but its Markdown files' bytes, and those files' hashes: what
/// tells a run which pages were edited since the last one (``PageRecords``).
public struct SiteKey: Sendable {
    let key: String
    let markdownHashes: [String: String]
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
