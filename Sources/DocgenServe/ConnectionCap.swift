import HummingbirdCore

/// Hummingbird's connection cap, telling the command line when it is reached: while it is,
/// new connections wait in the kernel's queue (holding none of the server's descriptors) until
/// one closes; idle and silent ones close after their timeouts.
struct ConnectionCap: AvailableConnectionsDelegate {
    let limit: Int
    let onFull: @Sendable (Int) -> Void
    private var open = 0
    /// Reported once each time the cap is reached, not once per waiting connection.
    private var reported = false

    init(limit: Int, onFull: @escaping @Sendable (Int) -> Void) {
        self.limit = limit
        self.onFull = onFull
    }

    mutating func connectionOpened() {
        open += 1
        if open >= limit, !reported {
            reported = true
            onFull(limit)
        }
    }

    mutating func connectionClosed() {
        open -= 1
        if open < limit / 2 { reported = false }
    }

    func isAcceptingNewConnections() -> Bool {
        open < limit
    }
}
