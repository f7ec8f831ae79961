import CDocgenSystem
import Foundation

/// Makes the search index of the snapshot being served before a reader asks for it, on a thread
/// of its own at low priority, so that the first search does not wait while every page is read
/// and a request or a save is not slowed by it. The work for a snapshot stops at the next page
/// once another snapshot is served; the summaries made by then are kept for the next one.
final class SearchPreparation: @unchecked Sendable {
    /// Nice levels below the server's other threads.
    private static let lowerPriority: Int32 = 10

    private let store: SnapshotStore
    private let lock = NSLock()
    private var stopped = false
    /// The pages whose search was last prepared: a snapshot that only bumps the version (a media
    /// file changed) shares them, and they are not prepared twice.
    private weak var prepared: RenderedPages?
    /// Called on the preparing thread once a snapshot's index is made.
    private let onPrepared: @Sendable () -> Void

    /// Prepares the search of the snapshots `store` serves; `onPrepared` is called on the
    /// preparing thread each time a snapshot's index is made before another snapshot is served.
    init(store: SnapshotStore, onPrepared: @escaping @Sendable () -> Void) {
        self.store = store
        self.onPrepared = onPrepared
    }

    /// Starts preparing the search of `snapshot` (nothing for an error page).
    func prepare(_ snapshot: SiteSnapshot) {
        guard let pages = snapshot.pages else { return }
        lock.lock()
        let already = prepared === pages
        prepared = pages
        lock.unlock()
        guard !already else { return }
        let thread = Thread { [self] in
            // Only this thread's priority: the pool threads loading and rendering keep theirs.
            _ = docgen_lower_thread_priority(Self.lowerPriority)
            if pages.prepareSearch(while: { isServed(pages) }) { onPrepared() }
        }
        thread.name = "docgen search preparation"
        thread.start()
    }

    /// Stops the preparation under way, at its next page, and any later one.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    private func isServed(_ pages: RenderedPages) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return !stopped && store.current.pages === pages
    }
}
