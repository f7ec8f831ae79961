import Foundation

/// Values computed once and shared by the threads of a parallel pass, as ``LockedCache`` keeps
/// them, up to a budget: past it, the values used longest ago are dropped and made again if they
/// are asked for once more. Parsed include files are what a load keeps most of; on a doc set
/// whose includes are half its text, keeping all of them held more than the pages' own trees.
/// Pages are loaded in path order, so the pages that share an include mostly come together.
public final class BoundedCache<Key: Hashable, Value>: @unchecked Sendable {
    private struct Entry {
        let value: Value
        let cost: Int
        var lastUse: UInt64
    }

    private var entries: [Key: Entry] = [:]
    private var total = 0
    private var clock: UInt64 = 0
    private let budget: Int
    private let lock = NSLock()

    /// Creates an empty cache that keeps values of at most `budget` in cost (as
    /// ``value(for:make:)`` counts them), dropping those used longest ago.
    public init(budget: Int) {
        self.budget = budget
    }

    /// The value for `key`, made by `make` with what keeping it costs when it is not kept. A
    /// value is made outside the lock, so two threads may make the same one at once; both are
    /// equal and one is kept.
    public func value(for key: Key, make: () -> (value: Value, cost: Int)) -> Value {
        lock.lock()
        clock += 1
        if let entry = entries[key] {
            entries[key]?.lastUse = clock
            lock.unlock()
            return entry.value
        }
        lock.unlock()
        let (made, cost) = make()
        let madeCost = max(1, cost)
        lock.lock()
        defer { lock.unlock() }
        clock += 1
        guard entries[key] == nil else { return made }
        entries[key] = Entry(value: made, cost: madeCost, lastUse: clock)
        total += madeCost
        if total > budget { dropLeastRecentlyUsed() }
        return made
    }

    /// The number of values kept, for tests.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }

    /// Drops values used longest ago until three quarters of the budget is left, so that the
    /// sort is paid once per quarter of the budget made, not once per value.
    private func dropLeastRecentlyUsed() {
        let oldestFirst = entries.sorted { $0.value.lastUse < $1.value.lastUse }
        for (key, entry) in oldestFirst {
            guard total > budget / 4 * 3 else { break }
            entries[key] = nil
            total -= entry.cost
        }
    }
}
