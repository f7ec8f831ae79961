import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds what changed under the content root and the templates folder by polling: each
/// ``poll()`` lists both trees and compares every file's size, modification time and inode with
/// the previous listing (Linux has no FSEvents, and polling a documentation tree is cheap).
/// Files written in the last two seconds are also compared by content, so two saves of the same
/// size within one timestamp tick are not missed. Hidden files (editor swap files, `.git`) are
/// ignored, as the site loader ignores them.
public final class ChangeWatcher: @unchecked Sendable {
    /// What changed since the previous poll.
    public struct Changes: Sendable, Equatable {
        /// Content-root-relative paths whose contents changed.
        public var modified: Set<String> = []
        /// Content-root-relative paths that appeared.
        public var added: Set<String> = []
        /// Content-root-relative paths that disappeared.
        public var removed: Set<String> = []
        /// Whether anything in the templates folder changed.
        public var templatesChanged = false
        /// The newest modification time among the changed files: when the edit was saved.
        public var savedAt: Date?

        /// Creates a change set.
        public init(modified: Set<String> = [], added: Set<String> = [], removed: Set<String> = [], templatesChanged: Bool = false, savedAt: Date? = nil) {
            self.modified = modified
            self.added = added
            self.removed = removed
            self.templatesChanged = templatesChanged
            self.savedAt = savedAt
        }

        /// True when nothing changed.
        public var isEmpty: Bool { modified.isEmpty && added.isEmpty && removed.isEmpty && !templatesChanged }

        /// Adds the changes of a later poll.
        public mutating func merge(_ later: Changes) {
            modified.formUnion(later.modified.subtracting(added))
            for path in later.added {
                if removed.remove(path) != nil { modified.insert(path) } else { added.insert(path) }
            }
            for path in later.removed {
                if added.remove(path) == nil { removed.insert(path) }
                modified.remove(path)
            }
            templatesChanged = templatesChanged || later.templatesChanged
            if let date = later.savedAt { savedAt = max(savedAt ?? date, date) }
        }

        /// Every changed content path.
        public var contentPaths: Set<String> { modified.union(added).union(removed) }
    }

    struct Signature: Equatable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
        /// A hash of the contents, only for recently written files.
        var digest: UInt64?

        var modificationDate: Date { Date(timeIntervalSince1970: Double(seconds) + Double(nanoseconds) / 1e9) }

        func sameFile(as other: Signature) -> Bool {
            guard size == other.size, seconds == other.seconds, nanoseconds == other.nanoseconds, inode == other.inode else { return false }
            if let digest, let otherDigest = other.digest { return digest == otherDigest }
            return true
        }
    }

    /// How long after a write a file is also compared by content.
    static let recentWindow: TimeInterval = 2
    /// Larger files (media) are compared by size and time only.
    static let maximumDigestSize: Int64 = 1 << 20

    private let contentRoot: URL
    private let templates: URL
    private var content: [String: Signature]
    private var templateFiles: [String: Signature]

    /// Takes the first listing of `contentRoot` and `templates`; later polls compare with it.
    public init(contentRoot: URL, templates: URL) {
        self.contentRoot = contentRoot.standardizedFileURL.resolvingSymlinksInPath()
        self.templates = templates.standardizedFileURL.resolvingSymlinksInPath()
        content = Self.scan(self.contentRoot)
        templateFiles = Self.scan(self.templates)
    }

    /// Why the last poll could not list a folder (`"content/guide: Too many open files"`), or
    /// nil when it could. A failed poll keeps the previous listing and reports no change, so
    /// that a folder that cannot be read is not taken for one whose files were all deleted.
    public private(set) var failure: String?

    /// Lists both trees again and returns what changed, or nil when nothing did (or a folder
    /// could not be listed: see ``failure``).
    public func poll() -> Changes? {
        let newContent: [String: Signature]
        let newTemplates: [String: Signature]
        switch (Self.listing(contentRoot), Self.listing(templates)) {
        case (.success(let content), .success(let templates)):
            newContent = content
            newTemplates = templates
            failure = nil
        case (.failure(let problem), _), (_, .failure(let problem)):
            failure = problem.description
            return nil
        }
        var changes = Changes()
        var newest: Date?
        func saw(_ signature: Signature?) {
            guard let date = signature?.modificationDate else { return }
            if newest.map({ date > $0 }) ?? true { newest = date }
        }
        for (path, signature) in newContent {
            if let old = content[path] {
                if !signature.sameFile(as: old) { changes.modified.insert(path); saw(signature) }
            } else {
                changes.added.insert(path)
                saw(signature)
            }
        }
        for path in content.keys where newContent[path] == nil { changes.removed.insert(path) }
        if newTemplates.count != templateFiles.count {
            changes.templatesChanged = true
        }
        for (path, signature) in newTemplates where !(templateFiles[path].map(signature.sameFile) ?? false) {
            changes.templatesChanged = true
            saw(signature)
        }
        content = newContent
        templateFiles = newTemplates
        guard !changes.isEmpty else { return nil }
        changes.savedAt = newest ?? Date()
        return changes
    }

    /// A folder that could not be listed.
    struct ListingFailure: Error, CustomStringConvertible {
        var path: String
        var code: Int32
        var description: String { "\(path): \(String(cString: strerror(code)))" }
    }

    /// Every non-hidden regular file under `root` (following symbolic links to files) with its
    /// signature, keyed by root-relative path; empty when `root` does not exist.
    static func scan(_ root: URL) -> [String: Signature] {
        (try? listing(root).get()) ?? [:]
    }

    /// As ``scan(_:)``, but failing when a folder exists and cannot be opened (out of file
    /// descriptors, no permission). Folders that vanish while being listed are skipped.
    static func listing(_ root: URL) -> Result<[String: Signature], ListingFailure> {
        var result: [String: Signature] = [:]
        let rootPath = root.path
        let now = Date().timeIntervalSince1970
        var pending: [String] = [""]
        while let folder = pending.popLast() {
            let folderPath = folder.isEmpty ? rootPath : rootPath + "/" + folder
            guard let directory = opendir(folderPath) else {
                let code = errno
                if code == ENOENT || code == ENOTDIR { continue }
                return .failure(ListingFailure(path: folderPath, code: code))
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                // Hidden files and folders (editor swap files, .git) are skipped, as ContentFiles skips them.
                guard !name.hasPrefix(".") else { continue }
                let relative = folder.isEmpty ? name : folder + "/" + name
                var info = stat()
                guard stat(rootPath + "/" + relative, &info) == 0 else { continue }
                let kind = info.st_mode & S_IFMT
                if kind == S_IFDIR {
                    // Symbolic links to folders are not followed, as ContentFiles does not follow them.
                    var own = stat()
                    if lstat(rootPath + "/" + relative, &own) == 0, own.st_mode & S_IFMT == S_IFDIR { pending.append(relative) }
                    continue
                }
                guard kind == S_IFREG else { continue }
                #if canImport(Darwin)
                let modified = info.st_mtimespec
                #else
                let modified = info.st_mtim
                #endif
                var signature = Signature(
                    size: Int64(info.st_size), seconds: Int(modified.tv_sec), nanoseconds: Int(modified.tv_nsec),
                    inode: UInt64(info.st_ino), digest: nil)
                if signature.size <= maximumDigestSize, now - signature.modificationDate.timeIntervalSince1970 < recentWindow {
                    signature.digest = digest(of: rootPath + "/" + relative)
                }
                result[relative] = signature
            }
        }
        return .success(result)
    }

    /// FNV-1a over a file's bytes.
    static func digest(of path: String) -> UInt64? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return data.withUnsafeBytes { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0100_0000_01b3
            }
            return hash
        }
    }
}
