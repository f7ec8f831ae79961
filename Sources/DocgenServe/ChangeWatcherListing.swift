import DocgenCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension ChangeWatcher {
    /// A folder that could not be listed.
    struct ListingFailure: Error, CustomStringConvertible {
        var path: String
        var code: Int32
        var description: String { "\(path): \(String(cString: strerror(code)))" }
    }

    /// The files and folders under one folder.
    struct Listing {
        /// Root-relative file paths and their signatures.
        var files: [String: Signature] = [:]
        /// Root-relative paths of the folders listed, the starting one included.
        var folders: Set<String> = []
    }

    /// Every non-hidden regular file under `root` (following symbolic links to files) with its
    /// signature, keyed by root-relative path; empty when `root` does not exist.
    static func scan(_ root: URL) -> [String: Signature] {
        (try? listing(root).get()) ?? [:]
    }

    /// As ``scan(_:)``, but failing when a folder exists and cannot be opened (out of file
    /// descriptors, no permission). Folders that vanish while being listed are skipped.
    static func listing(_ root: URL) -> Result<[String: Signature], ListingFailure> {
        list(root.path, from: "").map(\.files)
    }

    /// Lists the folder `start` (root-relative, "" for the root) and every non-hidden folder
    /// under it that is not a symbolic link. `entering` is called with each folder before it is
    /// read, so that a watch on it (added there) sees every file the listing does not.
    static func list(_ rootPath: String, from start: String, entering: (String) -> Void = { _ in }) -> Result<Listing, ListingFailure> {
        var result = Listing()
        let now = Date().timeIntervalSince1970
        var pending: [String] = [start]
        while let folder = pending.popLast() {
            let folderPath = folder.isEmpty ? rootPath : rootPath + "/" + folder
            // A site docgen built inside the content folder is not content, as loading skips it:
            // watched, a build replacing it would reload every page for files no page is.
            if !folder.isEmpty, access(folderPath + "/" + DirectoryListing.builtSiteMarker, F_OK) == 0 { continue }
            entering(folder)
            guard let directory = opendir(folderPath) else {
                let code = errno
                if code == ENOENT || code == ENOTDIR { continue }
                return .failure(ListingFailure(path: folderPath, code: code))
            }
            defer { closedir(directory) }
            result.folders.insert(folder)
            let descriptor = dirfd(directory)
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                // Hidden files and folders (editor swap files, .git) are skipped, as ContentFiles skips
                // them; the hidden configuration files docgen reads are files like any other.
                let hidden = name.hasPrefix(".")
                guard !hidden || ContentFiles.isConfigurationFile(name) else { continue }
                let relative = folder.isEmpty ? name : folder + "/" + name
                // Looked up by name in the open folder, sparing the kernel a walk of the whole path.
                switch entryKind(name, in: descriptor, type: entry.pointee.d_type, path: rootPath + "/" + relative, now: now) {
                case .file(let signature): result.files[relative] = signature
                case .folder where !hidden: pending.append(relative)
                case .folder, .other: break
                }
            }
        }
        return .success(result)
    }

    /// What a path is, for listing.
    enum EntryKind {
        /// A regular file (or a symbolic link to one).
        case file(Signature)
        /// A folder that is not a symbolic link.
        case folder
        /// Anything else, or nothing.
        case other
    }

    /// What is at `path`: symbolic links to files are followed, those to folders are not, as
    /// ContentFiles does. Files written in the last ``recentWindow`` get a content digest.
    static func entryKind(_ path: String, now: TimeInterval) -> EntryKind {
        entryKind(path, in: AT_FDCWD, type: UInt8(DT_UNKNOWN), path: path, now: now)
    }

    /// As ``entryKind(_:now:)`` for `name` in the open folder `directory`, at `path`. `type` is
    /// what `readdir` said it is: a folder or a file need no second look to know it is no link.
    static func entryKind(_ name: String, in directory: Int32, type: UInt8, path: @autoclosure () -> String, now: TimeInterval) -> EntryKind {
        if type == UInt8(DT_DIR) { return .folder }
        guard type == UInt8(DT_REG) || type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) else { return .other }
        var info = stat()
        guard fstatat(directory, name, &info, 0) == 0 else { return .other }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR {
            guard type == UInt8(DT_UNKNOWN) else { return .other }
            var own = stat()
            return fstatat(directory, name, &own, AT_SYMLINK_NOFOLLOW) == 0 && own.st_mode & S_IFMT == S_IFDIR ? .folder : .other
        }
        guard kind == S_IFREG else { return .other }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        var signature = Signature(
            size: Int64(info.st_size), seconds: Int(modified.tv_sec), nanoseconds: Int(modified.tv_nsec),
            inode: UInt64(info.st_ino), digest: nil)
        if signature.size <= maximumDigestSize, now - signature.modificationDate.timeIntervalSince1970 < recentWindow {
            signature.digest = digest(of: path())
        }
        return .file(signature)
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
