import DocgenCore
import Foundation

/// A site folder's state as the file system records it: every entry's path, kind, size, device,
/// inode, and modification and change times, hashed. A build keeps its output's stamp in the
/// cache; while the folder's stamp is still that one, nobody changed, added or removed a file of
/// the site since (a change time cannot be set back by hand).
public enum OutputStamp {
    /// The stamp of the folder at `folder`; "missing" when there is none.
    public static func of(_ folder: URL) -> String {
        let root = folder.standardizedFileURL.path
        var status = stat()
        guard lstat(root, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return "missing" }
        let entries = DirectoryListing.allEntries(under: root)
        var hash = StableHash()
        // The folder itself by device and inode only: putting it in place as the output renames it,
        // which changes its change time.
        hash.add("\(status.st_dev) \(status.st_ino)")
        for path in (entries.files + entries.folders.map { $0 + "/" }).sorted() {
            hash.add(path)
            let full = root + "/" + (path.hasSuffix("/") ? String(path.dropLast()) : path)
            guard lstat(full, &status) == 0 else {
                hash.add("vanished")
                continue
            }
            hash.add(
                "\(status.st_mode) \(status.st_size) \(status.st_dev) \(status.st_ino) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec)")
        }
        return hash.hex
    }
}
