#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How long a connection may take and how many may be open, so that silent or slow clients
/// cannot hold the server's file descriptors: a connection that sends nothing, sends its request
/// head too slowly or stops reading what it is sent is closed, and connections beyond the cap
/// wait in the kernel's queue, holding no descriptor, until one closes.
public struct ConnectionLimits: Sendable, Equatable {
    /// Connections open at once; further ones are not accepted until one closes.
    public var maxConnections: Int
    /// How long a new connection, or a kept-alive one once its next request has begun, may take
    /// to send a complete request head; also the longest pause while a request body arrives.
    public var headerTimeout: Duration
    /// How long a kept-alive connection may wait, sending nothing, for its next request.
    public var idleTimeout: Duration
    /// How long a response may wait for a client that stops reading it.
    public var writeTimeout: Duration

    /// Creates limits.
    public init(maxConnections: Int = 256, headerTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(30), writeTimeout: Duration = .seconds(30)) {
        self.maxConnections = maxConnections
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
    }

    /// Descriptors kept free for what is not a connection: the runtime's event loops, the
    /// listening socket, and the files a rebuild reads.
    /// About twenty are open at any time, and a rebuild wants sixteen free (see `Rebuilder`).
    static func reserve(forDescriptorLimit limit: Int) -> Int { max(48, limit / 4) }

    /// The limits with the connection cap lowered, if need be, to what `descriptorLimit` leaves
    /// after the reserve (never below 4).
    public func fitting(descriptorLimit: Int) -> ConnectionLimits {
        var fitted = self
        fitted.maxConnections = max(4, min(maxConnections, descriptorLimit - Self.reserve(forDescriptorLimit: descriptorLimit)))
        return fitted
    }
}

/// The process's limit on open file descriptors.
public enum DescriptorLimit {
    /// Raises the soft limit towards the hard one (at most to `ceiling`) and returns the soft
    /// limit in force.
    @discardableResult
    public static func raise(to ceiling: Int = 8192) -> Int {
        var limit = rlimit()
        guard getrlimit(resourceNoFile, &limit) == 0 else { return 1024 }
        let wanted = min(rlim_t(ceiling), limit.rlim_max)
        if limit.rlim_cur < wanted {
            var raised = limit
            raised.rlim_cur = wanted
            if setrlimit(resourceNoFile, &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)
    }

    /// The soft limit in force.
    public static var current: Int {
        var limit = rlimit()
        guard getrlimit(resourceNoFile, &limit) == 0 else { return 1024 }
        return Int(clamping: limit.rlim_cur)
    }

    /// Whether `count` more descriptors can be opened now: opens and closes them. A rebuild that
    /// runs out of descriptors half way would read some files and not others.
    static func canOpen(_ count: Int) -> Bool {
        var opened: [Int32] = []
        defer { for descriptor in opened { close(descriptor) } }
        for _ in 0..<count {
            let descriptor = open("/dev/null", O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return false }
            opened.append(descriptor)
        }
        return true
    }

    #if canImport(Glibc)
    private static let resourceNoFile = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    private static let resourceNoFile = RLIMIT_NOFILE
    #endif
}
