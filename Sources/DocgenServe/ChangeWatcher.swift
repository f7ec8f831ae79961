import DocgenCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds what changed under the content root and the templates folder. On Linux it learns of
/// changes from inotify: every non-hidden folder of both trees is watched, and a poll looks
/// again only at the paths the queued events name, so a save is seen within milliseconds and
/// an idle poll costs one `read`. Where inotify cannot be used (not Linux, the watch limit
/// reached, or a change found that no event reported), each ``poll()`` lists both trees and
/// compares every file's size, modification time and inode with the previous listing; with
/// inotify a full listing still runs every ``fullListingInterval`` and after lost events. Either way files written in the last two
/// seconds are also compared by content, so two saves of the same size within one timestamp
/// tick are not missed, and hidden files (editor swap files, `.git`) are ignored, as the site
/// loader ignores them, except the configuration files it reads (`.openpublishing.*.json`,
/// `.markdownlint.json` and the other markdownlint names).
public final class ChangeWatcher: @unchecked Sendable {
    /// What changed since the previous poll.
    public struct Changes: Sendable, Equatable {
        /// Content-root-relative paths whose contents changed.
        public var modified: Set<String> = []
        /// Content-root-relative paths that appeared.
        public var added: Set<String> = []
        /// Content-root-relative paths that disappeared.
        public var removed: Set<String> = []
        /// Whether anything in the templates folder changed.
        public var templatesChanged = false
        /// The newest modification time among the changed files: when the edit was saved.
        public var savedAt: Date?

        /// Creates a change set.
        public init(modified: Set<String> = [], added: Set<String> = [], removed: Set<String> = [], templatesChanged: Bool = false, savedAt: Date? = nil) {
            self.modified = modified
            self.added = added
            self.removed = removed
            self.templatesChanged = templatesChanged
            self.savedAt = savedAt
        }

        /// True when nothing changed.
        public var isEmpty: Bool { modified.isEmpty && added.isEmpty && removed.isEmpty && !templatesChanged }

        /// Adds the changes of a later poll.
        public mutating func merge(_ later: Changes) {
            modified.formUnion(later.modified.subtracting(added))
            for path in later.added {
                if removed.remove(path) != nil { modified.insert(path) } else { added.insert(path) }
            }
            for path in later.removed {
                if added.remove(path) == nil { removed.insert(path) }
                modified.remove(path)
            }
            templatesChanged = templatesChanged || later.templatesChanged
            if let date = later.savedAt { savedAt = max(savedAt ?? date, date) }
        }

        /// Every changed content path.
        public var contentPaths: Set<String> { modified.union(added).union(removed) }
    }

    struct Signature: Equatable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
        /// A hash of the contents, only for recently written files.
        var digest: UInt64?

        var modificationDate: Date { Date(timeIntervalSince1970: Double(seconds) + Double(nanoseconds) / 1e9) }

        func sameFile(as other: Signature) -> Bool {
            guard size == other.size, seconds == other.seconds, nanoseconds == other.nanoseconds, inode == other.inode else { return false }
            if let digest, let otherDigest = other.digest { return digest == otherDigest }
            return true
        }
    }

    /// How long after a write a file is also compared by content.
    static let recentWindow: TimeInterval = 2
    /// Larger files (media) are compared by size and time only.
    static let maximumDigestSize: Int64 = 1 << 20
    /// How often both trees are listed in full even while file events work. Some changes raise
    /// no event in a watched folder: a write to the target of a symbolic link to a file (the
    /// target's folder is not watched), a write made by another machine on a network or
    /// container mount (NFS, 9p and the like report only local writes). A full listing this often
    /// bounds how long such a change goes unseen, and the first one it finds turns events off
    /// (see `fullPoll()`). Not more often: listing 10,000 pages (22,000 files) costs about
    /// 100 ms of CPU, which every 2 s would be a twentieth of a core while nothing happens.
    static let fullListingInterval: Duration = .seconds(10)
    /// How far a file's modification time may lag the clock (timestamps are taken at the
    /// kernel's tick), for telling a change saved before a listing began.
    static let timestampSlack: TimeInterval = 0.05

    /// The content root and the templates folder, by tree.
    private static let content = 0
    private static let templates = 1

    /// The two roots' paths, content first.
    private let roots: [String]
    /// Every file of each tree with its signature at the last look.
    private var files: [[String: Signature]] = [[:], [:]]
    /// The inotify instance, or nil when changes are found by listing on every poll.
    private var events: FolderEvents?
    private var watched = WatchedFolders()
    /// Per tree, the paths events named since the last poll.
    private var named: [Set<String>] = [[], []]
    /// Whether events were lost (or a root itself changed) and only a full listing can tell.
    private var needsFullListing = false
    private var lastFullListing = ContinuousClock.now
    /// ``fullListingInterval``, shorter in tests.
    var fullListingEvery = ChangeWatcher.fullListingInterval

    /// Takes the first listing of `contentRoot` and `templates`; later polls compare with it.
    public convenience init(contentRoot: URL, templates: URL) {
        self.init(contentRoot: contentRoot, templates: templates, usesFileEvents: true)
    }

    /// As ``init(contentRoot:templates:)``; without `usesFileEvents`, every poll lists both
    /// trees, as when inotify cannot be used.
    init(contentRoot: URL, templates: URL, usesFileEvents: Bool) {
        roots = [contentRoot, templates].map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
        events = usesFileEvents ? FolderEvents() : nil
        for tree in [Self.content, Self.templates] {
            switch listTree(tree) {
            case .success(let listing): files[tree] = listing
            case .failure: needsFullListing = true
            }
        }
    }

    /// Why the last poll could not list a folder (`"content/guide: Too many open files"`), or
    /// nil when it could. A failed poll keeps the previous listing and reports no change, so
    /// that a folder that cannot be read is not taken for one whose files were all deleted.
    public private(set) var failure: String?

    /// Whether changes are learnt from file events (Linux inotify) rather than by listing both
    /// trees on every poll.
    var usesFileEvents: Bool { events != nil }

    /// Waits until a file event is queued, at most `timeout`; returns at once (false) when file
    /// events are not used.
    func waitForEvents(upTo timeout: Duration) -> Bool {
        guard let events else { return false }
        let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        return events.wait(milliseconds: Int32(clamping: milliseconds))
    }

    /// Returns what changed since the previous poll, or nil when nothing did (or a folder could
    /// not be listed: see ``failure``). With file events, only the paths the events name are
    /// looked at again (a folder is listed again with everything under it), and nothing at all
    /// when there are none; both trees are listed in full when events were lost and every
    /// ``fullListingInterval``. Without them, both trees are listed.
    public func poll() -> Changes? {
        guard let events else { return fullPoll() }
        if !events.read({ note($0) }) { stopUsingFileEvents() }
        let quiet = named.allSatisfy(\.isEmpty)
        // The periodic listing waits for a poll with no event, so that it never delays a save.
        if self.events == nil || needsFullListing || (quiet && ContinuousClock.now - lastFullListing >= fullListingEvery) {
            return fullPoll()
        }
        guard !quiet else {
            failure = nil
            return nil
        }
        return namedPoll()
    }

    /// Lists both trees and compares every file.
    private func fullPoll() -> Changes? {
        // Events queued until now are covered by the listing; what they named tells the changes
        // they reported from those they missed.
        if let events, !events.read({ note($0) }) { stopUsingFileEvents() }
        let heard = named
        let checksEvents = events != nil && !needsFullListing
        named = [[], []]
        let started = ContinuousClock.now
        let missedBefore = Date().addingTimeInterval(-Self.timestampSlack)
        var missed = false
        var listings: [[String: Signature]] = []
        for tree in [Self.content, Self.templates] {
            switch listTree(tree) {
            case .success(let listing): listings.append(listing)
            case .failure(let problem):
                failure = problem.description
                needsFullListing = true
                return nil
            }
        }
        failure = nil
        needsFullListing = false
        lastFullListing = started
        var found = Found()
        for tree in [Self.content, Self.templates] {
            let old = files[tree]
            for (path, signature) in listings[tree] {
                if let previous = old[path] {
                    guard !signature.sameFile(as: previous) else { continue }
                    found.modified(path, in: tree, signature)
                } else {
                    found.added(path, in: tree, signature)
                }
                if checksEvents, signature.modificationDate < missedBefore, !Self.isNamed(path, by: heard[tree]) { missed = true }
            }
            for path in old.keys where listings[tree][path] == nil { found.removed(path, in: tree) }
            files[tree] = listings[tree]
        }
        // A change saved before the listing began that no event named: this file system does
        // not report every write (a network or container mount), or the change came through a
        // link from outside. Only listing sees such changes, so it is done on every poll from now on.
        if missed { stopUsingFileEvents() }
        return found.changes
    }

    /// Looks again at the paths events named, and at everything under those that are or were folders.
    private func namedPoll() -> Changes? {
        var updates: [(tree: Int, fresh: [String: Signature], stale: [String])] = []
        for tree in [Self.content, Self.templates] {
            for path in Self.outermost(named[tree]) {
                switch look(at: path, in: tree) {
                case .success(let update): updates.append((tree, update.fresh, update.stale))
                case .failure(let problem):
                    // Folders may have been forgotten already: only a full listing can resynchronise.
                    failure = problem.description
                    named = [[], []]
                    needsFullListing = true
                    return nil
                }
            }
        }
        named = [[], []]
        failure = nil
        var found = Found()
        for update in updates {
            for (path, signature) in update.fresh {
                if let previous = files[update.tree][path] {
                    if !signature.sameFile(as: previous) { found.modified(path, in: update.tree, signature) }
                } else {
                    found.added(path, in: update.tree, signature)
                }
                files[update.tree][path] = signature
            }
            for path in update.stale where update.fresh[path] == nil {
                if files[update.tree].removeValue(forKey: path) != nil { found.removed(path, in: update.tree) }
            }
        }
        return found.changes
    }

    /// What is now at `path` and under it (`fresh`), and the known paths it replaces (`stale`).
    private func look(at path: String, in tree: Int) -> Result<(fresh: [String: Signature], stale: [String]), ListingFailure> {
        let root = roots[tree]
        let wasFolder = watched.wasFolder(path, in: tree)
        if wasFolder { unwatch(watched.forget(under: path, in: tree)) }
        var fresh: [String: Signature] = [:]
        var isFolder = false
        var own = stat()
        if lstat(root + "/" + path, &own) == 0, own.st_mode & S_IFMT == S_IFDIR {
            isFolder = true
            switch Self.list(root, from: path, entering: { self.watch($0, in: tree) }) {
            case .success(let listing): fresh = listing.files
            case .failure(let problem): return .failure(problem)
            }
        } else if case .file(let signature) = Self.entryKind(root + "/" + path, now: Date().timeIntervalSince1970) {
            fresh[path] = signature
        }
        let stale: [String]
        if wasFolder || isFolder {
            let inside = path + "/"
            stale = files[tree].keys.filter { $0 == path || $0.hasPrefix(inside) }
        } else {
            stale = files[tree][path] == nil ? [] : [path]
        }
        return .success((fresh, stale))
    }

    /// Lists one tree in full, watching every folder not yet watched and unwatching those gone.
    private func listTree(_ tree: Int) -> Result<[String: Signature], ListingFailure> {
        let listing = Self.list(roots[tree], from: "", entering: { self.watch($0, in: tree) })
        guard case .success(let found) = listing, events != nil else { return listing.map(\.files) }
        unwatch(watched.keep(only: found.folders, in: tree))
        return .success(found.files)
    }

    /// Records what an event names.
    private func note(_ event: FolderEvent) {
        if event.isOverflow {
            needsFullListing = true
            return
        }
        for target in watched.targets[event.watch] ?? [] {
            let path: String
            if event.concernsFolder {
                path = target.folder
            } else {
                guard !event.name.hasPrefix(".") || ContentFiles.isConfigurationFile(event.name) else { continue }
                path = target.folder.isEmpty ? event.name : target.folder + "/" + event.name
            }
            if path.isEmpty { needsFullListing = true } else { named[target.tree].insert(path) }
        }
    }

    /// Watches `folder` of `tree` unless it is already; gives file events up when the kernel refuses.
    private func watch(_ folder: String, in tree: Int) {
        guard let events, !watched.isWatched(folder, in: tree) else { return }
        switch events.watch(folder.isEmpty ? roots[tree] : roots[tree] + "/" + folder) {
        case .watching(let watch):
            if let unneeded = watched.add(watch, for: folder, in: tree) { events.unwatch(unneeded) }
        case .vanished: break
        case .unavailable: stopUsingFileEvents()
        }
    }

    private func unwatch(_ watches: [Int32]) {
        for watch in watches { events?.unwatch(watch) }
    }

    /// Lists on every poll from now on: the watch limit (`fs.inotify.max_user_watches`) is
    /// reached, a folder cannot be watched, or the events cannot be read.
    private func stopUsingFileEvents() {
        events = nil
        watched = WatchedFolders()
        named = [[], []]
    }

    /// Whether `path` or a folder above it is one of `paths`.
    static func isNamed(_ path: String, by paths: Set<String>) -> Bool {
        guard !paths.isEmpty else { return false }
        var prefix = Substring(path)
        while true {
            if paths.contains(String(prefix)) { return true }
            guard let slash = prefix.lastIndex(of: "/") else { return false }
            prefix = prefix[..<slash]
        }
    }

    /// The paths of `paths` that are not under another of them.
    static func outermost(_ paths: Set<String>) -> [String] {
        paths.filter { path in
            var prefix = Substring(path)
            while let slash = prefix.lastIndex(of: "/") {
                prefix = prefix[..<slash]
                if paths.contains(String(prefix)) { return false }
            }
            return true
        }
    }

    /// The changes a poll finds, and when the newest was saved.
    private struct Found {
        var result = Changes()
        var newest: Date?

        mutating func modified(_ path: String, in tree: Int, _ signature: Signature) {
            if tree == ChangeWatcher.content { result.modified.insert(path) } else { result.templatesChanged = true }
            saw(signature)
        }

        mutating func added(_ path: String, in tree: Int, _ signature: Signature) {
            if tree == ChangeWatcher.content { result.added.insert(path) } else { result.templatesChanged = true }
            saw(signature)
        }

        mutating func removed(_ path: String, in tree: Int) {
            if tree == ChangeWatcher.content { result.removed.insert(path) } else { result.templatesChanged = true }
        }

        private mutating func saw(_ signature: Signature) {
            let date = signature.modificationDate
            if newest.map({ date > $0 }) ?? true { newest = date }
        }

        /// Nil when nothing changed.
        var changes: Changes? {
            guard !result.isEmpty else { return nil }
            var changes = result
            changes.savedAt = newest ?? Date()
            return changes
        }
    }
}
