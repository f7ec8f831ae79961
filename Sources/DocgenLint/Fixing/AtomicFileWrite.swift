import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's bytes all at once: the new bytes go to a temporary file in the same folder,
/// which is renamed over the file, so a reader or a crash sees the old file or the new one,
/// never half of either. The file keeps its permissions.
enum AtomicFileWrite {
    /// Writes `bytes` to `url` when it still holds `expected`; nil on success, else why not.
    static func replace(_ url: URL, expecting expected: [UInt8], with bytes: [UInt8]) -> String? {
        let path = url.path
        var status = stat()
        guard stat(path, &status) == 0 else { return "cannot be read; its fixes were not applied." }
        // A file nobody may write is read-only even for root, who could: someone meant it so.
        guard access(path, W_OK) == 0, status.st_mode & 0o222 != 0 else {
            return "is read-only; its fixes were not applied. Make it writable, or apply them by hand."
        }
        let folder = url.deletingLastPathComponent().path
        var template = Array("\(folder)/.\(url.lastPathComponent).docgen-fix-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            return "its folder is not writable (\(String(cString: strerror(errno)))); its fixes were not applied."
        }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var written = 0
        let complete = bytes.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                let count = write(descriptor, raw.baseAddress! + written, raw.count - written)
                if count <= 0 { return false }
                written += count
            }
            return true
        }
        fchmod(descriptor, status.st_mode & 0o7777)
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard complete, synced else {
            unlink(temporary)
            return "could not be written (\(String(cString: strerror(errno)))); it is unchanged."
        }
        // Compared just before the rename: an editor that saved the file while docgen worked wins.
        guard let current = try? Data(contentsOf: url), [UInt8](current) == expected else {
            unlink(temporary)
            return "changed while docgen was fixing it; it is unchanged. Run docgen lint --fix again."
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return "could not be replaced (\(reason)); it is unchanged."
        }
        return nil
    }
}
