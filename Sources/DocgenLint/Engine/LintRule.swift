import DocgenCore
import DocgenMarkup

/// A finding before configuration: where, what, and an optional "did you mean".
public struct Finding: Sendable, Hashable {
    /// Root-relative path of the file (an include file, for findings inside one).
    public var path: String
    /// 1-based line and column; column 0 for a whole line.
    public var position: SourcePosition
    /// What is wrong and what to do.
    public var message: String
    /// The likely intended text, when there is one.
    public var suggestion: String?
    /// A severity that overrides the rule's default for this finding (a load problem that is an
    /// error even though the rule usually warns).
    public var severity: Severity?

    /// Creates a finding.
    public init(path: String, at position: SourcePosition, _ message: String, suggestion: String? = nil, severity: Severity? = nil) {
        self.path = path
        self.position = position
        self.message = message
        self.suggestion = suggestion
        self.severity = severity
    }
}

/// A rule that checks one page at a time. Rules are values, created once per run with their
/// options, and must not keep state between pages: pages are checked in parallel.
public protocol LintRule: Sendable {
    /// The rule's id, alias, summary, severity, tags and examples.
    static var metadata: RuleMetadata { get }
    /// Creates the rule with its options from `docgen.yml`.
    init(options: RuleOptions)
    /// Checks one page.
    func check(_ document: Document, in context: LintContext) -> [Finding]
}

/// A rule that needs every page at once (duplicate titles across the site).
public protocol SiteLintRule: LintRule {
    /// Checks the whole site.
    func checkSite(_ context: LintContext) -> [Finding]
}

extension SiteLintRule {
    /// Site rules report nothing per page.
    public func check(_ document: Document, in context: LintContext) -> [Finding] { [] }
}
