import Foundation

/// The browsers connected to `GET /__docgen/events`. Each subscriber gets its own stream of
/// events; a rebuild is broadcast to all of them. A subscriber that disconnects is removed when
/// its connection closes or its stream is dropped, so nothing is kept for clients that left.
public final class LiveReloadHub: @unchecked Sendable {
    /// What is sent to the browsers.
    public enum Event: Sendable, Equatable {
        /// A new snapshot is being served: reload the page.
        case reload(version: Int)
        /// A comment that keeps idle connections open and finds clients that left.
        case heartbeat

        /// The event in `text/event-stream` form.
        public var serverSentEvent: String {
            switch self {
            case .reload(let version): "event: reload\ndata: \(version)\n\n"
            case .heartbeat: ": heartbeat\n\n"
            }
        }
    }

    /// Events a slow client may have queued before older ones are dropped (a reload supersedes
    /// everything before it, so only the newest matter).
    static let bufferSize = 4

    private let lock = NSLock()
    private var clients: [Int: AsyncStream<Event>.Continuation] = [:]
    private var nextID = 0
    private var isClosed = false

    /// Creates a hub with no clients.
    public init() {}

    /// Registers a client; iterate the stream to receive events. The stream ends when
    /// ``finish(_:)`` or ``closeAll()`` is called, and ending it unregisters the client.
    public func subscribe() -> (id: Int, events: AsyncStream<Event>) {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(Self.bufferSize))
        lock.lock()
        let id = nextID
        nextID += 1
        let closed = isClosed
        if !closed { clients[id] = continuation }
        lock.unlock()
        if closed {
            continuation.finish()
        } else {
            continuation.onTermination = { [weak self] _ in self?.remove(id) }
        }
        return (id, stream)
    }

    /// Ends one client's stream (its connection closed).
    public func finish(_ id: Int) {
        remove(id)?.finish()
    }

    /// Sends `event` to every connected client.
    public func broadcast(_ event: Event) {
        lock.lock()
        let continuations = Array(clients.values)
        lock.unlock()
        for continuation in continuations { continuation.yield(event) }
    }

    /// Ends every stream and refuses new subscribers (the server is shutting down).
    public func closeAll() {
        lock.lock()
        isClosed = true
        let continuations = Array(clients.values)
        clients.removeAll()
        lock.unlock()
        for continuation in continuations { continuation.finish() }
    }

    /// How many clients are connected.
    public var clientCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return clients.count
    }

    @discardableResult
    private func remove(_ id: Int) -> AsyncStream<Event>.Continuation? {
        lock.lock()
        defer { lock.unlock() }
        return clients.removeValue(forKey: id)
    }
}
