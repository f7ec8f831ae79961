import CDocgenSystem
import Foundation

/// Writes a site so that a failed or interrupted build never damages the previous one: every
/// file goes into a staging folder beside the output, which is then exchanged with the output
/// in one atomic exchange (Linux `renameat2`), or where that is unavailable two renames.
public final class SiteWriter: @unchecked Sendable {
    /// The output folder the site ends up in.
    public let output: URL
    /// The staging folder being written.
    public let staging: URL
    private let manager = FileManager.default
    private var createdFolders = Set<String>()
    private let lock = NSLock()

    /// Prepares an empty staging folder for `output`.
    public init(output: URL) throws {
        self.output = output.standardizedFileURL
        let name = self.output.lastPathComponent
        staging = self.output.deletingLastPathComponent().appendingPathComponent(".\(name).docgen-staging-\(getpid())")
        try? manager.removeItem(at: staging)
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        createdFolders.insert(staging.path)
    }

    /// Writes `text` to the root-relative `path` in staging.
    public func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to the root-relative `path` in staging.
    public func write(_ data: Data, to path: String) throws {
        let file = staging.appendingPathComponent(path)
        try ensureFolder(file.deletingLastPathComponent())
        try data.write(to: file)
    }

    /// Copies the file at `source` to the root-relative `path` in staging.
    public func copy(_ source: URL, to path: String) throws {
        let file = staging.appendingPathComponent(path)
        try ensureFolder(file.deletingLastPathComponent())
        try? manager.removeItem(at: file)
        try manager.copyItem(at: source, to: file)
    }

    private func ensureFolder(_ folder: URL) throws {
        lock.lock()
        let known = createdFolders.contains(folder.path)
        lock.unlock()
        guard !known else { return }
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        lock.lock()
        createdFolders.insert(folder.path)
        lock.unlock()
    }

    /// Puts the staged site in place of the output, then removes the previous site.
    public func commit() throws {
        if manager.fileExists(atPath: output.path) {
            if docgen_exchange_paths(staging.path, output.path) == 0 {
                try? manager.removeItem(at: staging)
                return
            }
            let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).docgen-old-\(getpid())")
            try manager.moveItem(at: output, to: old)
            try manager.moveItem(at: staging, to: output)
            try? manager.removeItem(at: old)
        } else {
            try manager.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.moveItem(at: staging, to: output)
        }
    }

    /// Removes the staging folder after a failed build; the output is untouched.
    public func abandon() {
        try? manager.removeItem(at: staging)
    }
}
