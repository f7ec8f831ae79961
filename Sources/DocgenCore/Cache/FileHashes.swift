import Foundation

/// File hashes with the status each file had when it was hashed (size, device, inode, modification
/// and change times): a file whose status has not changed since is not read again, as git's index
/// does. A change time cannot be set back by hand, so an edited file always has a new status.
///
/// A file modified within two seconds before its hash was taken is read again next time: on a
/// file system with coarse times, a second edit in the same tick would leave its status as it was.
public final class FileHashes: @unchecked Sendable {
    /// The cache slot the table is kept under (one per content root).
    public static let slot = "files"
    /// The key of that slot's entry: there is one table, whatever the inputs.
    public static let key = "status and hash of every file read"

    struct Entry {
        var status: String
        var hash: String
    }

    private let previous: [String: Entry]
    /// How long before the previous table began a file must have been last changed to be trusted.
    private let racyWindow: Int64
    /// When the previous table began hashing, in nanoseconds since 1970.
    private let previousStart: Int64
    private var current: [String: Entry] = [:]
    private let start: Int64
    private var readCount = 0
    private let lock = NSLock()

    /// A table that trusts nothing: every file is read.
    public convenience init() {
        self.init(previous: [:], previousStart: 0)
    }

    /// A table that trusts the statuses in `payload` (a ``payload`` written before), else nothing;
    /// a file changed less than `racyWindow` nanoseconds before that table began is read again.
    public convenience init(payload: [UInt8]?, racyWindow: Int64 = 2_000_000_000) {
        guard let payload, let (start, entries) = Self.decode(payload) else {
            self.init()
            return
        }
        self.init(previous: entries, previousStart: start, racyWindow: racyWindow)
    }

    /// A table that trusts what `earlier` hashed, to tell whether a file changed since.
    public convenience init(following earlier: FileHashes) {
        earlier.lock.lock()
        defer { earlier.lock.unlock() }
        self.init(previous: earlier.current, previousStart: earlier.start, racyWindow: earlier.racyWindow)
        readCount = earlier.readCount
    }

    private init(previous: [String: Entry], previousStart: Int64, racyWindow: Int64 = 2_000_000_000) {
        self.previous = previous
        self.previousStart = previousStart
        self.racyWindow = racyWindow
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        start = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// How many files were read, rather than known by their status (by this table and the one it follows).
    public var filesRead: Int {
        lock.lock()
        defer { lock.unlock() }
        return readCount
    }

    /// The hash of the bytes of the file at the absolute `path` (through symbolic links).
    func hash(of path: String) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else { return "unreadable" }
        let modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        let changed = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
        let key = "\(status.st_size) \(status.st_dev) \(status.st_ino) \(modified) \(changed)"
        let settled = max(modified, changed) < previousStart - racyWindow
        if settled, let known = previous[path], known.status == key {
            record(path, Entry(status: key, hash: known.hash), read: false)
            return known.hash
        }
        let hash = Self.readAndHash(path)
        record(path, Entry(status: key, hash: hash), read: true)
        return hash
    }

    /// The hash of a file's bytes, read in pieces so a large video costs one buffer, not its size.
    private static func readAndHash(_ path: String) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return "unreadable" }
        defer { close(descriptor) }
        // A multiple of 8 bytes, so only the last piece has a tail: the hash is that of the whole file.
        let size = 1 << 18
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        var hash = StableHash()
        var filled = 0
        while true {
            let count = read(descriptor, buffer.baseAddress! + filled, size - filled)
            if count < 0 {
                if errno == EINTR { continue }
                return "unreadable"
            }
            filled += count
            if count == 0 || filled == size {
                hash.add(UnsafeRawBufferPointer(rebasing: buffer[0..<filled]))
                if count == 0 { break }
                filled = 0
            }
        }
        return hash.hex
    }

    private func record(_ path: String, _ entry: Entry, read: Bool) {
        lock.lock()
        current[path] = entry
        if read { readCount += 1 }
        lock.unlock()
    }

    /// The table as the cache keeps it: the start time, then path, status and hash of each file,
    /// every field ended by a NUL byte (which no path holds).
    public var payload: [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        var bytes = Array("\(start)\0".utf8)
        for (path, entry) in current.sorted(by: { $0.key < $1.key }) {
            bytes += Array("\(path)\0\(entry.status)\0\(entry.hash)\0".utf8)
        }
        return bytes
    }

    private static func decode(_ payload: [UInt8]) -> (Int64, [String: Entry])? {
        let fields = payload.split(separator: 0, omittingEmptySubsequences: false)
        guard let first = fields.first, let start = Int64(String(decoding: first, as: UTF8.self)),
              fields.count % 3 == 2, fields.last?.isEmpty == true else { return nil }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(fields.count / 3)
        var index = 1
        while index + 2 < fields.count {
            let path = String(decoding: fields[index], as: UTF8.self)
            entries[path] = Entry(status: String(decoding: fields[index + 1], as: UTF8.self), hash: String(decoding: fields[index + 2], as: UTF8.self))
            index += 3
        }
        return (start, entries)
    }
}
