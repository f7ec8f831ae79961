import CDocgenSystem
import DocgenCore
import Foundation

/// Writes a site so that a failed or interrupted build never damages the previous one: every
/// file goes into a staging folder beside the output, which is then exchanged with the output
/// in one atomic exchange (Linux `renameat2`), or where that is unavailable two renames.
///
/// Creating a file costs far more than overwriting one on most disks, so the site before the
/// current one is kept beside the output (`.NAME.docgen-previous`) and becomes the next
/// build's staging folder: pages are overwritten in place, assets whose size and modification
/// time match are not copied again, and files the new site no longer has are removed before the
/// exchange. Deleting that folder is always safe; the next build then starts from empty.
public final class SiteWriter: @unchecked Sendable {
    /// The output folder the site ends up in.
    public let output: URL
    /// The staging folder being written.
    public let staging: URL
    /// The previous site kept for reuse.
    let previous: URL
    private let manager = FileManager.default
    private var createdFolders = Set<String>()
    /// Root-relative paths written or copied by this build; everything else in staging is stale.
    private var written = Set<String>()
    private var unchangedCount = 0
    private var keptCount = 0
    private let lock = NSLock()

    /// Prepares a staging folder for `output`, starting from the previous site when there is one.
    public init(output: URL) throws {
        self.output = output.standardizedFileURL
        let name = self.output.lastPathComponent
        let parent = self.output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(name).docgen-staging-\(getpid())")
        previous = parent.appendingPathComponent(".\(name).docgen-previous")
        try? manager.removeItem(at: staging)
        // A rename is atomic: of two builds started together, one takes the previous site and
        // the other starts empty.
        if rename(previous.path, staging.path) != 0 {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        }
        createdFolders.insert(staging.path)
    }

    /// Writes `text` to the root-relative `path` in staging.
    public func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to the root-relative `path` in staging, over the file already there, unless
    /// that file already holds exactly `data`: an unchanged page keeps its file and its date.
    public func write(_ data: Data, to path: String) throws {
        let file = staging.appendingPathComponent(path)
        try prepareFolder(of: file)
        var result = Self.writeIfChanged(data, file)
        if result < 0, errno == EISDIR {
            // The previous site had a folder where this one has a page.
            try manager.removeItem(at: file)
            result = Self.writeIfChanged(data, file)
        }
        if result < 0 { throw Self.lastError() }
        record(path, unchanged: result == 0)
    }

    /// Puts the output's file at the root-relative `path`, which the build knows is what it would
    /// write, in staging under the same path, as a second name of the same file: no byte is read
    /// or written. ``write(_:to:)-(Data,_)`` never writes into a file with a second name, so the
    /// output's file stays as it is. Where the file system has no second names, the bytes are
    /// copied. Returns false when the output has no such file, or staging cannot take it.
    public func keep(_ path: String) -> Bool {
        // Paths as strings: ten thousand URLs made and taken apart cost more than the links.
        let file = staging.path + "/" + path
        let source = output.path + "/" + path
        // Most files are in a folder staging has: the folder is made only when linking says it is not.
        if unlink(file) != 0, errno != ENOENT, errno != EISDIR { return false }
        var linked = link(source, file) == 0
        if !linked, errno == ENOENT, access(source, F_OK) == 0 {
            guard (try? prepareFolder(of: URL(fileURLWithPath: file))) != nil else { return false }
            linked = link(source, file) == 0
        }
        if !linked {
            guard let data = FileManager.default.contents(atPath: source), (try? write(data, to: path)) != nil else { return false }
        }
        record(path, unchanged: false)
        lock.lock()
        keptCount += 1
        lock.unlock()
        return true
    }

    /// How many files this build kept from the output by ``keep(_:)``.
    public var keptFiles: Int {
        lock.lock()
        defer { lock.unlock() }
        return keptCount
    }

    /// The error the last failed system call left in `errno`.
    private static func lastError() -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }

    private static func writeIfChanged(_ data: Data, _ file: URL) -> Int32 {
        data.withUnsafeBytes { docgen_write_if_changed(file.path, $0.baseAddress, $0.count) }
    }

    /// Copies the file at `source` to the root-relative `path` in staging, unless the copy there
    /// already has its size and modification time. Safe to call from several threads at once.
    public func copy(_ source: URL, to path: String) throws {
        let file = staging.appendingPathComponent(path)
        try prepareFolder(of: file)
        record(path, unchanged: false)
        var sourceStatus = stat()
        guard stat(source.path, &sourceStatus) == 0 else { throw Self.lastError() }
        var existing = stat()
        if lstat(file.path, &existing) == 0 {
            if existing.st_mode & S_IFMT == S_IFREG, existing.st_size == sourceStatus.st_size,
               existing.st_mtim.tv_sec == sourceStatus.st_mtim.tv_sec, existing.st_mtim.tv_nsec == sourceStatus.st_mtim.tv_nsec {
                return
            }
            // A stale copy, or a folder the previous site had where this one has a file.
            try manager.removeItem(at: file)
        }
        try manager.copyItem(at: source, to: file)
        // The source's own time, to the nanosecond, so the next build sees the copy as current.
        let times = [sourceStatus.st_atim, sourceStatus.st_mtim]
        guard utimensat(AT_FDCWD, file.path, times, 0) == 0 else { throw Self.lastError() }
    }

    /// Makes the folder of the staging `file`. The previous site may hold a file where this site
    /// needs a folder; that goes first.
    private func prepareFolder(of file: URL) throws {
        let folder = file.deletingLastPathComponent()
        do {
            try ensureFolder(folder)
        } catch {
            var ancestor = folder
            var blocking: URL?
            while ancestor.path.count > staging.path.count {
                var isDirectory: ObjCBool = false
                if manager.fileExists(atPath: ancestor.path, isDirectory: &isDirectory), !isDirectory.boolValue { blocking = ancestor }
                ancestor = ancestor.deletingLastPathComponent()
            }
            guard let blocking else { throw error }
            try manager.removeItem(at: blocking)
            try ensureFolder(folder)
        }
    }

    private func record(_ path: String, unchanged: Bool) {
        lock.lock()
        written.insert(path)
        if unchanged { unchangedCount += 1 }
        lock.unlock()
    }

    /// How many files this build found already written, byte for byte, and left alone.
    public var unchangedFiles: Int {
        lock.lock()
        defer { lock.unlock() }
        return unchangedCount
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

    /// Removes from staging what the previous site had and this build did not write, puts the
    /// staged site in place of the output, and keeps the replaced site for the next build.
    /// `beforeExchange` sees the finished staging folder just before it becomes the output.
    public func commit(beforeExchange: (URL) -> Void = { _ in }) throws {
        removeStaleFiles()
        // Pages are written without a sync each; one flush here means that after a power loss
        // the output holds either the previous site or this whole one, never a half-written page.
        if docgen_sync_file_system(staging.path) != 0 { throw Self.lastError() }
        beforeExchange(staging)
        if manager.fileExists(atPath: output.path) {
            if docgen_exchange_paths(staging.path, output.path) == 0 {
                keepForReuse(staging)
                return
            }
            let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).docgen-old-\(getpid())")
            try manager.moveItem(at: output, to: old)
            try manager.moveItem(at: staging, to: output)
            keepForReuse(old)
        } else {
            try manager.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.moveItem(at: staging, to: output)
        }
    }

    /// After a failed build the output is untouched; what was staged is kept only for reuse.
    public func abandon() {
        keepForReuse(staging)
    }

    private func keepForReuse(_ folder: URL) {
        if rename(folder.path, previous.path) != 0 {
            // Another build kept its site first; one is enough.
            try? manager.removeItem(at: folder)
        }
    }

    /// Deletes files in staging that this build did not write, then the folders left empty.
    private func removeStaleFiles() {
        let entries = DirectoryListing.allEntries(under: staging.path)
        for file in entries.files where !written.contains(file) {
            unlink(staging.path + "/" + file)
        }
        // Deepest first, so a folder emptied of empty folders goes too; rmdir leaves full ones.
        for folder in entries.folders.sorted(by: { $0.utf8.count > $1.utf8.count }) {
            rmdir(staging.path + "/" + folder)
        }
    }
}
