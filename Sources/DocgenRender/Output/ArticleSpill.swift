import Foundation

/// Article HTML written to a file as pages are rendered while the site loads, and read back when
/// each page is written: memory holds where each article is, not its HTML, so a build's memory
/// does not grow with the site's HTML. The file is made beside the output, where the staging
/// folder goes, and removed from its folder as soon as it is open: nothing is left behind, however
/// the process ends.
public final class ArticleSpill: @unchecked Sendable {
    /// Where one text was written.
    public struct Place: Sendable {
        let offset: Int
        let count: Int
    }

    private let descriptor: Int32
    private let lock = NSLock()
    private var end = 0
    private var readFailure: String?

    /// A spill file for the build writing `output`, or nil when none can be made there (the
    /// articles are then kept in memory).
    public init?(beside output: URL) {
        let standardized = output.standardizedFileURL
        let path = standardized.deletingLastPathComponent().appendingPathComponent(".\(standardized.lastPathComponent).docgen-articles-\(getpid())").path
        unlink(path)
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { return nil }
        unlink(path)
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Writes `text` and says where; nil when it could not be written (keep it in memory then).
    public func store(_ text: String) -> Place? {
        var text = text
        return text.withUTF8 { bytes -> Place? in
            lock.lock()
            let offset = end
            end += bytes.count
            lock.unlock()
            var written = 0
            while written < bytes.count {
                let result = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(offset + written))
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { return nil }
                written += result
            }
            return Place(offset: offset, count: bytes.count)
        }
    }

    /// The text written at `place`; "" when it cannot be read back, which ``failure`` then says.
    public func read(_ place: Place) -> String {
        guard place.count > 0 else { return "" }
        let text = String(unsafeUninitializedCapacity: place.count) { buffer -> Int in
            var read = 0
            while read < place.count {
                let result = pread(descriptor, buffer.baseAddress! + read, place.count - read, off_t(place.offset + read))
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { break }
                read += result
            }
            return read
        }
        if text.utf8.count != place.count {
            lock.lock()
            readFailure = readFailure ?? "a rendered article could not be read back from the spill file beside the output (\(String(cString: strerror(errno))))"
            lock.unlock()
        }
        return text
    }

    /// What went wrong reading an article back, if anything did: the pages rendered are then
    /// incomplete, and the build must not put them in place.
    public var failure: String? {
        lock.lock()
        defer { lock.unlock() }
        return readFailure
    }
}
