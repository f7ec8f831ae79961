import Foundation

/// CPU time spent in each rule during a run, summed over all pages and threads, so
/// `docgen lint -v` can name the rules that make a doc set slow to lint.
public final class RuleTimings: @unchecked Sendable {
    private var nanoseconds: [String: UInt64] = [:]
    private let lock = NSLock()

    /// Creates an empty tally.
    public init() {}

    /// Adds `elapsed` nanoseconds to the rule `name`.
    func add(_ name: String, _ elapsed: UInt64) {
        lock.lock()
        nanoseconds[name, default: 0] += elapsed
        lock.unlock()
    }

    /// The rules with their seconds, slowest first.
    public var slowestFirst: [(rule: String, seconds: Double)] {
        lock.lock()
        defer { lock.unlock() }
        return nanoseconds.map { ($0.key, Double($0.value) / 1e9) }.sorted { $0.seconds > $1.seconds }
    }
}
