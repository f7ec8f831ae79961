import Foundation

/// Which docgen build is running, for cache entries: its executable, the executable's size and
/// its modification time. A new docgen (an upgrade, or a rebuild from changed sources) is another
/// identity, so it never trusts what an older one cached.
public enum ToolIdentity {
    /// The identity of the running docgen.
    public static let current: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments.first ?? "docgen"
        var status = stat()
        guard stat(path, &status) == 0 else { return "\(path) unknown" }
        return "\(path) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }()
}
