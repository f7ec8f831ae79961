import DocgenMarkup
import Foundation

/// Which docgen build is running, for cache entries: the hash of its executable's bytes and the
/// version of the libcmark-gfm it parses with. A new docgen (an upgrade, or a rebuild from
/// changed sources) or another cmark-gfm is another identity, so it never trusts what another
/// one cached; the same executable restored on another machine with the same library (CI) is
/// the same one.
public enum ToolIdentity {
    /// The identity of the running docgen.
    public static let current: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments.first ?? "docgen"
        // About 30 ms for a 60 MB executable, paid only by runs that use the cache.
        guard let bytes = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
            // Nothing can be trusted without knowing the build: an identity no entry has.
            return "unknown " + UUID().uuidString
        }
        var hash = StableHash()
        bytes.withUnsafeBytes { hash.add($0) }
        return "executable \(hash.hex) cmark-gfm \(MarkdownParser.cmarkVersion)"
    }()
}
