import Foundation

/// Values computed once and shared by the threads of a parallel pass: parsed include files,
/// include files' lines, rendered navigation entries. A value is computed outside the lock, so
/// two threads may compute the same one at once; both results are equal and one is kept.
public final class LockedCache<Key: Hashable, Value>: @unchecked Sendable {
    private var values: [Key: Value] = [:]
    private let lock = NSLock()

    /// Creates an empty cache.
    public init() {}

    /// Creates a cache holding `values` already made.
    public init(_ values: [Key: Value]) {
        self.values = values
    }

    /// Every value made so far, by key.
    public var all: [Key: Value] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }

    /// The value for `key` when it has been made.
    public func cached(_ key: Key) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return values[key]
    }

    /// The value for `key`, made by `make` the first time it is asked for.
    public func value(for key: Key, make: () -> Value) -> Value {
        lock.lock()
        let cached = values[key]
        lock.unlock()
        if let cached { return cached }
        let made = make()
        lock.lock()
        values[key] = made
        lock.unlock()
        return made
    }

    /// A new cache with the values of this one but those of `keys`. A copy, so that a pass still
    /// filling this cache cannot put a value it made into the copy.
    public func removing(_ keys: Set<Key>) -> LockedCache {
        lock.lock()
        defer { lock.unlock() }
        return LockedCache(values.filter { !keys.contains($0.key) })
    }
}
