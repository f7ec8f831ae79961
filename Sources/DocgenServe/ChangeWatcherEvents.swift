import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One event of a watched folder: something named `name` in it changed, or (empty `name`) the
/// folder itself went away.
struct FolderEvent {
    /// The watch the event came from.
    var watch: Int32
    /// The inotify event bits.
    var mask: UInt32
    /// The name of the entry in the folder; empty for events about the folder itself.
    var name: String
}

/// What a request to watch one folder did.
enum FolderWatchResult {
    /// The folder is watched under this descriptor (the same one again for a folder already watched).
    case watching(Int32)
    /// The folder is gone (or is no longer a folder): nothing to watch.
    case vanished
    /// File events cannot be used (the watch limit is reached: `ENOSPC`; no permission): `errno`.
    case unavailable(Int32)
}

#if canImport(Glibc)
/// Linux inotify: the kernel queues an event when an entry of a watched folder is written,
/// closed after writing, created, removed or renamed, so a save is known within microseconds
/// without listing anything. Watches are per folder, not recursive.
final class FolderEvents {
    /// The events a folder is watched for.
    static let mask = UInt32(
        IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)
    /// Symbolic links to folders are not watched, as they are not listed.
    private static let watchFlags = mask | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)
    /// The size of `struct inotify_event` before its name.
    private static let headerSize = 16

    private let descriptor: Int32
    /// Large enough for hundreds of events per read.
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    /// Nil when inotify cannot be used (too many instances, or not supported).
    init?() {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
    }

    deinit { close(descriptor) }

    /// Starts watching the folder at `path`.
    func watch(_ path: String) -> FolderWatchResult {
        let watch = inotify_add_watch(descriptor, path, Self.watchFlags)
        if watch >= 0 { return .watching(watch) }
        let code = errno
        return code == ENOENT || code == ENOTDIR ? .vanished : .unavailable(code)
    }

    /// Stops a watch (the folder was removed or moved away).
    func unwatch(_ watch: Int32) {
        _ = inotify_rm_watch(descriptor, watch)
    }

    /// Reads every queued event without blocking and hands each to `receive`. False when the
    /// descriptor failed and events cannot be read any more.
    func read(_ receive: (FolderEvent) -> Void) -> Bool {
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                return code == EAGAIN || code == EWOULDBLOCK
            }
            guard count > 0 else { return true }
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                while offset + Self.headerSize <= count {
                    let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameStart = offset + Self.headerSize
                    let padded = bytes[nameStart..<min(count, nameStart + length)]
                    // The name is NUL-terminated and NUL-padded to an aligned length.
                    let name = String(decoding: padded.prefix { $0 != 0 }, as: UTF8.self)
                    receive(FolderEvent(watch: watch, mask: mask, name: name))
                    offset = nameStart + length
                }
            }
        }
    }

    /// Waits until an event is queued, at most `milliseconds`. True when one is.
    func wait(milliseconds: Int32) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return Glibc.poll(&request, 1, milliseconds) > 0
    }
}

extension FolderEvent {
    /// The kernel's queue overflowed: events were lost.
    var isOverflow: Bool { mask & UInt32(IN_Q_OVERFLOW) != 0 }
    /// The watched folder itself was removed or moved, or its watch ended.
    var concernsFolder: Bool { mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) != 0 || name.isEmpty }
}
#else
/// File events are only implemented with inotify on glibc Linux; elsewhere the watcher lists.
final class FolderEvents {
    init?() { nil }
    func watch(_ path: String) -> FolderWatchResult { .unavailable(ENOSYS) }
    func unwatch(_ watch: Int32) {}
    func read(_ receive: (FolderEvent) -> Void) -> Bool { false }
    func wait(milliseconds: Int32) -> Bool { false }
}

extension FolderEvent {
    var isOverflow: Bool { false }
    var concernsFolder: Bool { true }
}
#endif
