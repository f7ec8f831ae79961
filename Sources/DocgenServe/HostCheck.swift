import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which `Host` headers the server answers. A web page on another site can make the browser
/// send it requests through DNS rebinding (its name made to resolve to 127.0.0.1), and read the
/// drafts it serves; such requests carry the page's host name. Answered are the loopback names
/// with the served port (`127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT`), the name given with
/// `--host`, and, when `--host` is a wildcard (`0.0.0.0`, `::`), any IP address and the
/// machine's name: an address cannot be rebound.
public struct HostCheck: Sendable {
    /// The port the server listens on.
    public let port: Int
    private let names: Set<String>
    private let anyAddress: Bool

    /// The check for a server bound to `host` on `port`.
    public init(boundHost: String, port: Int) {
        self.port = port
        var names: Set<String> = ["127.0.0.1", "localhost", "[::1]"]
        let host = boundHost.lowercased()
        names.insert(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host)
        anyAddress = ["0.0.0.0", "::", "[::]"].contains(host)
        if anyAddress, let name = Self.machineName() { names.insert(name.lowercased()) }
        self.names = names
    }

    /// Whether a request with this `Host` header (nil: none) is answered.
    public func allows(_ authority: String?) -> Bool {
        guard let authority else { return false }
        let lowered = authority.lowercased()
        let name: Substring
        if let colon = lowered.lastIndex(of: ":"), !lowered[colon...].contains("]") {
            guard lowered[lowered.index(after: colon)...] == Substring(String(port)) else { return false }
            name = lowered[..<colon]
        } else {
            // No port: the default one, which the served one must then be.
            guard port == 80 else { return false }
            name = lowered[...]
        }
        if names.contains(String(name)) { return true }
        return anyAddress && Self.isAddress(name)
    }

    /// The addresses to name in a refusal.
    public var servedAddresses: [String] {
        ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"]
    }

    private static func isAddress(_ name: Substring) -> Bool {
        var buffer = in6_addr()
        if name.hasPrefix("["), name.hasSuffix("]") {
            return inet_pton(AF_INET6, String(name.dropFirst().dropLast()), &buffer) == 1
        }
        return inet_pton(AF_INET, String(name), &buffer) == 1
    }

    private static func machineName() -> String? {
        var bytes = [CChar](repeating: 0, count: 256)
        guard gethostname(&bytes, bytes.count - 1) == 0 else { return nil }
        let name = String(cString: bytes)
        return name.isEmpty ? nil : name
    }
}
