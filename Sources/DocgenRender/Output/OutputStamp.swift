import DocgenCore
import Foundation

/// A site folder's state as the file system records it: every entry's path, kind, size, inode and
/// modification time, hashed. A build keeps its output's stamp in the cache; when the folder's
/// stamp is still that one, nobody changed, added or removed a file of the site since.
enum OutputStamp {
    /// The stamp of the folder at `output`; "missing" when there is none.
    static func of(_ output: URL) -> String {
        let root = output.standardizedFileURL.path
        var status = stat()
        guard lstat(root, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return "missing" }
        let entries = DirectoryListing.allEntries(under: root)
        var hash = StableHash()
        hash.add(UInt64(status.st_ino))
        for path in (entries.files + entries.folders.map { $0 + "/" }).sorted() {
            hash.add(path)
            let full = root + "/" + (path.hasSuffix("/") ? String(path.dropLast()) : path)
            guard lstat(full, &status) == 0 else {
                hash.add("vanished")
                continue
            }
            for value in [UInt64(status.st_mode), UInt64(status.st_size), UInt64(status.st_ino), UInt64(status.st_mtim.tv_sec), UInt64(status.st_mtim.tv_nsec)] {
                hash.add(value)
            }
        }
        return hash.hex
    }
}
