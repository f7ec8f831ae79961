import Foundation

/// The files a renderer emits from several threads at once, collected by output path.
public final class EmittedFiles: @unchecked Sendable {
    private var files: [String: Data] = [:]
    private let lock = NSLock()

    /// Creates an empty collection.
    public init() {}

    /// Keeps `data` as the file at `path`.
    public func add(_ path: String, _ data: Data) {
        lock.lock()
        files[path] = data
        lock.unlock()
    }

    /// Every file emitted, by path.
    public var all: [String: Data] {
        lock.lock()
        defer { lock.unlock() }
        return files
    }

    /// Every file emitted, decoded as UTF-8 text.
    public var texts: [String: String] {
        all.mapValues { String(decoding: $0, as: UTF8.self) }
    }
}
