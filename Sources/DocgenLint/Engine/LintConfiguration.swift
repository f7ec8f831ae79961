import DocgenCore

/// The `lint:` section of `docgen.yml`:
///
/// ```yaml
/// lint:
///   rules:
///     truncated-sentence: off          # by alias or id: off, note, warning or error
///     DG003: { severity: error, max-date-age-days: 365 }
///   ignore: ["drafts/**", "*.generated.md"]
///   max-date-age-days: 730             # options shared by all rules
/// ```
public struct LintConfiguration: Sendable {
    /// The whole `lint:` map.
    public let raw: YAMLValue
    /// Glob patterns of root-relative paths whose findings are dropped.
    public let ignore: [String]

    /// Reads the configuration from the site's `lint:` map.
    public init(_ raw: YAMLValue) {
        self.raw = raw
        self.ignore = raw["ignore"]?.strings ?? []
    }

    /// The rule's entry under `rules`, by id or alias.
    public func entry(for metadata: RuleMetadata) -> YAMLValue? {
        let rules = raw["rules"] ?? .null
        return rules[metadata.id] ?? rules[metadata.alias]
    }

    /// The severity the rule runs at, or nil when it is turned off.
    public func severity(for metadata: RuleMetadata) -> Severity? {
        guard let entry = entry(for: metadata) else { return metadata.defaultSeverity }
        let word = entry.string ?? entry["severity"]?.string
        guard let word else { return metadata.defaultSeverity }
        switch word.lowercased() {
        case "off", "false", "none", "disabled": return nil
        case "on", "true": return metadata.defaultSeverity
        case "info", "suggestion": return .note
        default: return Severity(rawValue: word.lowercased()) ?? metadata.defaultSeverity
        }
    }

    /// The options for a rule.
    public func options(for metadata: RuleMetadata) -> RuleOptions {
        RuleOptions(own: entry(for: metadata) ?? .null, shared: raw)
    }

    /// True when a root-relative path matches one of the ignore globs.
    public func isIgnored(_ path: String) -> Bool {
        ignore.contains { Glob.matches($0, path) }
    }
}

/// Minimal glob matching: `*` within a path segment, `**` across segments, `?` one character.
public enum Glob {
    /// True when `path` matches `pattern`.
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        match(Array(pattern), 0, Array(path), 0)
    }

    private static func match(_ p: [Character], _ pi: Int, _ s: [Character], _ si: Int) -> Bool {
        if pi == p.count { return si == s.count }
        if p[pi] == "*" {
            let doubleStar = pi + 1 < p.count && p[pi + 1] == "*"
            var next = doubleStar ? pi + 2 : pi + 1
            if doubleStar, next < p.count, p[next] == "/" { next += 1 }
            var index = si
            while true {
                if match(p, next, s, index) { return true }
                if index == s.count || (!doubleStar && s[index] == "/") { return false }
                index += 1
            }
        }
        guard si < s.count else { return false }
        if p[pi] == "?" ? s[si] != "/" : p[pi] == s[si] { return match(p, pi + 1, s, si + 1) }
        return false
    }
}
