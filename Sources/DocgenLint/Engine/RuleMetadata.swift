import DocgenCore

/// What a rule is: the fields its documentation page and every output format are made from.
public struct RuleMetadata: Sendable, Hashable {
    /// Stable id, such as `DG101`. Never reused once retired.
    public let id: String
    /// Stable kebab-case alias, such as `broken-link`.
    public let alias: String
    /// One line: what the rule reports.
    public let summary: String
    /// Severity when `docgen.yml` does not say otherwise.
    public let defaultSeverity: Severity
    /// Groups such as `links`, `images`, `metadata`, `structure`, `drafts`, `directives`.
    public let tags: [String]
    /// Why it matters, in a short paragraph.
    public let rationale: String
    /// Markdown that the rule reports.
    public let badExample: String
    /// The same Markdown, fixed.
    public let goodExample: String
    /// Options the rule reads from `docgen.yml`, with their defaults, for the documentation.
    public let options: [String: String]
    /// What `docgen lint --fix` changes for the rule's findings, for those it can fix with
    /// certainty; nil when the rule has no fix.
    public let fix: String?

    /// Whether some of the rule's findings carry a fix.
    public var isFixable: Bool { fix != nil }

    /// Creates metadata.
    public init(
        id: String, alias: String, summary: String, severity: Severity, tags: [String], rationale: String,
        bad: String, good: String, options: [String: String] = [:], fix: String? = nil
    ) {
        self.id = id
        self.alias = alias
        self.summary = summary
        self.defaultSeverity = severity
        self.tags = tags
        self.rationale = rationale
        self.badExample = bad
        self.goodExample = good
        self.options = options
        self.fix = fix
    }
}
