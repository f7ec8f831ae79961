import Foundation

/// Facts about one loaded page that site-wide checks work out from its tree, kept with the page:
/// a save reloads a page into a new ``Document`` with a new memo, so after a save `serve`'s site
/// rules read the facts of every other page from memory instead of walking 10,000 trees again.
/// Copies of a document share the memo; a document is never changed after it is loaded.
public final class DocumentMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: any Sendable] = [:]

    /// Creates an empty memo.
    public init() {}

    /// The fact named `key` if it was made already, else nil.
    public func recorded<Value: Sendable>(_ key: String) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return values[key] as? Value
    }

    /// The fact named `key`, made by `make` the first time it is asked for. Each key must always
    /// be made the same way and hold the same type (name it after the rule that uses it).
    public func value<Value: Sendable>(_ key: String, make: () -> Value) -> Value {
        lock.lock()
        let stored = values[key]
        lock.unlock()
        // Unwrapped before the cast: a missing value cast to an optional `Value` would pass as nil.
        if let stored, let kept = stored as? Value { return kept }
        let made = make()
        lock.lock()
        values[key] = made
        lock.unlock()
        return made
    }
}
