import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `docgen serve`: builds the site into memory, serves it over HTTP, watches the content and
/// templates, rebuilds what an edit touches and tells every open page to reload over
/// server-sent events (`GET /__docgen/events`).
///
/// ```swift
/// let server = PreviewServer(configuration: .init(contentRoot: root, templates: templates))
/// try await server.run { port in print("http://127.0.0.1:\(port)/") }
/// ```
public final class PreviewServer: Sendable {
    /// How to serve.
    public struct Configuration: Sendable {
        /// The content root.
        public var contentRoot: URL
        /// The templates folder.
        public var templates: URL
        /// The address to bind; loopback unless asked otherwise.
        public var host: String
        /// The port; 0 picks a free one (reported to `onRunning`).
        public var port: Int
        /// How often the content and templates are listed to find changes when file events
        /// (Linux inotify) cannot be used. With file events a change is seen as it is saved;
        /// the watch loop then waits for one at most this long before checking anyway, and
        /// shutting down may wait as long for it.
        public var pollInterval: Duration
        /// How often idle live-reload connections get a keep-alive comment.
        public var heartbeatInterval: Duration
        /// Timeouts and the connection cap; the cap is lowered to fit the descriptor limit.
        public var limits: ConnectionLimits
        /// Whether to start from the content root's `.docgen-cache/` and leave in it what the
        /// next start needs (``PreviewBuilder/usesCache``).
        public var usesCache: Bool

        /// Creates a configuration.
        public init(
            contentRoot: URL, templates: URL, host: String = "127.0.0.1", port: Int = 8080,
            pollInterval: Duration = .milliseconds(150), heartbeatInterval: Duration = .seconds(15), limits: ConnectionLimits = .init(),
            usesCache: Bool = false
        ) {
            self.contentRoot = contentRoot
            self.templates = templates
            self.host = host
            self.port = port
            self.pollInterval = pollInterval
            self.heartbeatInterval = heartbeatInterval
            self.limits = limits
            self.usesCache = usesCache
        }
    }

    /// Something the command line may report.
    public enum Event: Sendable {
        /// The site was built or rebuilt. `latency` is the time from the newest save to the
        /// reload being sent (nil for the first build).
        case built(PreviewBuilder.Summary, latency: Double?)
        /// The files that changed, before rebuilding.
        case changed(ChangeWatcher.Changes)
        /// The connection cap was reached: new connections wait until one closes.
        case connectionsFull(limit: Int, limits: ConnectionLimits)
        /// The process ran out of file descriptors: changes are not looked for (nor rebuilt)
        /// until some are free. `limit` is the descriptor limit.
        case descriptorsExhausted(limit: Int)
        /// Descriptors are free again after ``descriptorsExhausted(limit:)``.
        case descriptorsAvailable
        /// The content or templates folder could not be listed (`reason`); the last listing is
        /// kept and the site is not rebuilt until listing works again.
        case watchFailed(reason: String)
        /// Listing works again after ``watchFailed(reason:)``.
        case watchRecovered
        /// The cache could not be read or written (`note` says why); the site is built without it.
        case cacheNote(String)
    }

    /// Why the server could not run.
    public enum Failure: Error, CustomStringConvertible {
        /// Something already listens on the port.
        case portInUse(host: String, port: Int)
        /// The address could not be bound for another reason.
        case cannotBind(host: String, port: Int, reason: String)

        public var description: String {
            switch self {
            case .portInUse(let host, let port):
                "port \(port) on \(host) is already in use; stop the other server or pass --port with another number (0 picks a free one)"
            case .cannotBind(let host, let port, let reason):
                "cannot listen on \(host):\(port): \(reason)"
            }
        }
    }

    /// The configuration.
    public let configuration: Configuration
    /// The connected live-reload clients.
    public let hub = LiveReloadHub()
    private let store: SnapshotStore
    private let rebuilder: Rebuilder
    private let onEvent: @Sendable (Event) -> Void
    private let group = GroupHolder()
    private let hosts = HostCheckHolder()
    private let search: SearchPreparation

    /// Builds the site once, so that the first request is answered from a complete snapshot.
    /// `onEvent` is called from the rebuild queue.
    public init(configuration: Configuration, onEvent: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.configuration = configuration
        self.onEvent = onEvent
        // Made first, it reads its cache entry (never the content) while the watcher lists.
        let builder = PreviewBuilder(contentRoot: configuration.contentRoot, templates: configuration.templates, usesCache: configuration.usesCache)
        // Listed before the first build, so an edit made while it runs is still seen.
        let watcher = ChangeWatcher(contentRoot: configuration.contentRoot, templates: configuration.templates)
        let report = builder.build()
        store = SnapshotStore(report.snapshot)
        let rebuilder = Rebuilder(builder: builder, watcher: watcher, onEvent: onEvent)
        self.rebuilder = rebuilder
        // Once a full build's search index is made, its cache entry takes the search summaries
        // (the builder writes nothing after a save).
        search = SearchPreparation(store: store) { rebuilder.storeSearchSummaries() }
        for note in report.cacheNotes { onEvent(.cacheNote(note)) }
        onEvent(.built(report.summary, latency: nil))
        rebuilder.storeCache()
        search.prepare(report.snapshot)
    }

    /// The snapshot being served.
    public var snapshot: SiteSnapshot { store.current }

    /// Serves until SIGINT or SIGTERM, or until ``stop()``; then closes the live-reload streams,
    /// finishes the requests in flight and frees the port. `onRunning` gets the bound port.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var logger = Logger(label: "docgen.serve")
        logger.logLevel = .critical
        let port = configuration.port
        let host = configuration.host
        let limits = configuration.limits.fitting(descriptorLimit: DescriptorLimit.current)
        let onEvent = self.onEvent
        let cap = ConnectionCap(limit: limits.maxConnections) { _ in onEvent(.connectionsFull(limit: limits.maxConnections, limits: limits)) }
        let hosts = self.hosts
        let app = Application(
            responder: PreviewResponder(store: store, hub: hub, hosts: hosts),
            server: PreviewHTTPChannel.builder(limits: limits),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "docgen", availableConnectionsDelegate: cap),
            services: [WatchService(server: self)],
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                hosts.set(HostCheck(boundHost: host, port: bound))
                await onRunning(bound)
            },
            logger: logger)
        let serviceGroup = ServiceGroup(configuration: ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        guard group.set(serviceGroup) else { return }
        defer { hub.closeAll() }
        do {
            try await serviceGroup.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw Failure.portInUse(host: configuration.host, port: port)
        } catch let error as IOError {
            throw Failure.cannotBind(host: configuration.host, port: port, reason: String(cString: strerror(error.errnoCode)))
        } catch let error as SocketAddressError {
            throw Failure.cannotBind(host: configuration.host, port: port, reason: "\(error)")
        }
    }

    /// Shuts the server down as SIGTERM would.
    public func stop() async {
        search.stop()
        hub.closeAll()
        await group.requestStop()?.triggerGracefulShutdown()
    }

    /// Checks for changes once and, when there are any, rebuilds, swaps the snapshot in and
    /// tells the browsers. Returns the new version, or nil when nothing changed.
    @discardableResult
    public func checkForChanges() async -> Int? {
        let onEvent = self.onEvent
        guard let (changes, report) = await rebuilder.rebuildIfChanged(announce: { onEvent(.changed($0)) }) else { return nil }
        store.replace(with: report.snapshot)
        hub.broadcast(.reload(version: report.snapshot.version))
        search.prepare(report.snapshot)
        let latency = changes.savedAt.map { max(0, Date().timeIntervalSince($0)) }
        onEvent(.built(report.summary, latency: latency))
        return report.snapshot.version
    }

    /// Checks for changes as file events arrive (or every poll interval without them) and sends
    /// heartbeats until the server shuts down.
    private struct WatchService: Service {
        let server: PreviewServer

        func run() async throws {
            let configuration = server.configuration
            do {
                try await cancelWhenGracefulShutdown { [server] in
                    var lastHeartbeat = ContinuousClock.now
                    while true {
                        if await !server.rebuilder.waitForEvents(upTo: configuration.pollInterval) {
                            try await Task.sleep(for: configuration.pollInterval)
                        }
                        try Task.checkCancellation()
                        await server.checkForChanges()
                        if ContinuousClock.now - lastHeartbeat >= configuration.heartbeatInterval {
                            server.hub.broadcast(.heartbeat)
                            lastHeartbeat = .now
                        }
                    }
                }
            } catch is CancellationError {
                // Shutting down.
            }
        }
    }
}

extension PreviewBuilder.Report {
    /// The report without the snapshot, for logs.
    public var summary: PreviewBuilder.Summary {
        .init(
            version: snapshot.version, reloadedPages: reloadedPages, wasFull: wasFull, findings: findings, failure: failure, warnings: warnings,
            seconds: seconds, loadSeconds: loadSeconds, lintSeconds: lintSeconds, renderSeconds: renderSeconds, lintedPages: lintedPages,
            keptStructure: keptStructure, retitledStructure: retitledStructure, removedPages: removedPages, cachedPages: cachedPages)
    }
}

extension PreviewBuilder {
    /// What a build did, for logs.
    public struct Summary: Sendable {
        /// The snapshot version.
        public var version: Int
        /// Pages loaded from disk.
        public var reloadedPages: Int
        /// Whether everything was reloaded.
        public var wasFull: Bool
        /// Lint findings over the whole site.
        public var findings: Int
        /// Why the site cannot be built, when it cannot.
        public var failure: [String]
        /// Problems with `docgen.yml` and `toc.yml` that do not stop the build.
        public var warnings: [String]
        /// Time spent loading, linting and rendering.
        public var seconds: Double
        /// Of which loading pages.
        public var loadSeconds: Double
        /// Of which linting.
        public var lintSeconds: Double
        /// Of which preparing the site's structure for rendering (pages render when asked for).
        public var renderSeconds: Double
        /// Pages linted.
        public var lintedPages: Int
        /// Whether the site's structure was kept from the previous snapshot.
        public var keptStructure: Bool
        /// Whether it was kept with new titles (``PreviewBuilder/Report/retitledStructure``).
        public var retitledStructure: Bool
        /// Pages whose files were removed (``PreviewBuilder/Report/removedPages``).
        public var removedPages: Int
        /// Pages the cache stood for: neither read nor linted.
        public var cachedPages: Int
    }
}

/// Runs the watcher and the builder on one serial queue, off the server's threads: loading and
/// rendering are synchronous and use every core. While the process is out of file descriptors,
/// or a folder cannot be listed, nothing is rebuilt: a listing or build that could open only some
/// files would show a site with pages and templates missing.
private final class Rebuilder: @unchecked Sendable {
    private let queue = DispatchQueue(label: "docgen.serve.rebuild", qos: .userInitiated)
    /// How old the newest change must be before it is built, when changes are found by listing:
    /// a listing may catch a file between its truncation and its write.
    static let settleTime: TimeInterval = 0.03
    /// The same with file events, which arrive as the writer works (a save is usually one write
    /// and a close, microseconds apart): enough for the rest of the save, and little to wait.
    static let eventSettleTime: TimeInterval = 0.01
    /// Descriptors that must be free before listing and rebuilding (a rebuild reads on every core).
    static let descriptorsNeeded = 16
    private let builder: PreviewBuilder
    private let watcher: ChangeWatcher
    private let onEvent: @Sendable (PreviewServer.Event) -> Void
    /// Whether the last check found no free descriptors, or a folder that could not be listed.
    private var outOfDescriptors = false
    private var watchFailure: String?

    init(builder: PreviewBuilder, watcher: ChangeWatcher, onEvent: @escaping @Sendable (PreviewServer.Event) -> Void) {
        self.builder = builder
        self.watcher = watcher
        self.onEvent = onEvent
    }

    /// Polls the watcher unless descriptors are short; reports the start and end of both troubles.
    private func poll() -> ChangeWatcher.Changes? {
        let available = DescriptorLimit.canOpen(Self.descriptorsNeeded)
        if available == outOfDescriptors {
            outOfDescriptors = !available
            onEvent(available ? .descriptorsAvailable : .descriptorsExhausted(limit: DescriptorLimit.current))
        }
        guard available else { return nil }
        let changes = watcher.poll()
        if watcher.failure != watchFailure {
            watchFailure = watcher.failure
            onEvent(watchFailure.map { .watchFailed(reason: $0) } ?? .watchRecovered)
        }
        return changes
    }

    /// With file events, waits on the rebuild queue until one is queued, at most `timeout`, and
    /// returns true; without them returns false at once (the caller sleeps instead).
    func waitForEvents(upTo timeout: Duration) async -> Bool {
        await withCheckedContinuation { continuation in
            queue.async { [self] in
                // Out of descriptors, queued events are not read: waiting on them would spin.
                guard watcher.usesFileEvents, !outOfDescriptors else { return continuation.resume(returning: false) }
                _ = watcher.waitForEvents(upTo: timeout)
                continuation.resume(returning: true)
            }
        }
    }

    func rebuildIfChanged(announce: @escaping @Sendable (ChangeWatcher.Changes) -> Void) async -> (ChangeWatcher.Changes, PreviewBuilder.Report)? {
        await withCheckedContinuation { continuation in
            queue.async { [self] in
                guard var changes = poll() else { return continuation.resume(returning: nil) }
                // A save may still be under way (truncated, then written): let a change only
                // milliseconds old settle, then take what else changed with it.
                let settleTime = watcher.usesFileEvents ? Self.eventSettleTime : Self.settleTime
                if let saved = changes.savedAt, case let age = Date().timeIntervalSince(saved), age < settleTime {
                    Thread.sleep(forTimeInterval: settleTime - max(0, age))
                    if let more = poll() { changes.merge(more) }
                }
                announce(changes)
                let report = builder.update(changes)
                continuation.resume(returning: (changes, report))
                for note in report.cacheNotes { onEvent(.cacheNote(note)) }
                // After a full rebuild, what the next start needs, once the reload is on its way.
                if let note = builder.storeCache() { onEvent(.cacheNote(note)) }
            }
        }
    }

    /// Writes the cache entry of the first build on the rebuild queue, after the snapshot is
    /// served: a save waits for it, the first answer does not.
    func storeCache() {
        queue.async { [self] in
            if let note = builder.storeCache() { onEvent(.cacheNote(note)) }
        }
    }

    /// Writes that entry again with the search summaries, on the rebuild queue, once the search
    /// index of the snapshot is prepared.
    func storeSearchSummaries() {
        queue.async { [self] in
            if let note = builder.storeSearchSummaries() { onEvent(.cacheNote(note)) }
        }
    }
}

/// The running service group, for ``PreviewServer/stop()``.
private final class GroupHolder: @unchecked Sendable {
    private let lock = NSLock()
    private var group: ServiceGroup?
    private var stopRequested = false

    /// Keeps `group`; false when a stop came first (and the group must not run).
    func set(_ group: ServiceGroup) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        self.group = group
        return !stopRequested
    }

    /// Records the stop and returns the group to shut down, if it runs already.
    func requestStop() -> ServiceGroup? {
        lock.lock()
        defer { lock.unlock() }
        stopRequested = true
        return group
    }
}
