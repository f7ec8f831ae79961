import DocgenCore

/// A rule's options: its own entry under `lint.rules` in `docgen.yml` (found by id or alias),
/// falling back to keys directly under `lint`.
public struct RuleOptions: Sendable {
    private let own: YAMLValue
    private let shared: YAMLValue

    /// Creates options from the rule's own map and the shared `lint` map.
    public init(own: YAMLValue = .null, shared: YAMLValue = .null) {
        self.own = own
        self.shared = shared
    }

    private func value(_ key: String) -> YAMLValue? { own[key] ?? shared[key] }

    /// An integer option.
    public func int(_ key: String, default fallback: Int) -> Int {
        value(key)?.string.flatMap { Int($0) } ?? fallback
    }

    /// A list-of-strings option (a single scalar counts as a one-element list).
    public func strings(_ key: String, default fallback: [String]) -> [String] {
        guard let value = value(key), value != .null else { return fallback }
        return value.strings
    }

    /// A boolean option.
    public func bool(_ key: String, default fallback: Bool) -> Bool {
        value(key)?.string.map { ["true", "yes", "on"].contains($0.lowercased()) } ?? fallback
    }
}
