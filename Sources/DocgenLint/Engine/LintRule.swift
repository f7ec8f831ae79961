import DocgenCore
import DocgenMarkup

/// What a rule reports, before the engine makes it a ``Diagnostic`` (adding the rule's id, alias
/// and configured severity, and dropping what `docgen.yml` or a comment suppresses): where, what,
/// an optional "did you mean", and the fixes that are certain.
public struct Finding: Sendable, Hashable {
    /// Root-relative path of the file (an include file, for findings inside one). Fix edits are
    /// in this file.
    public var path: String
    /// 1-based line and column; column 0 for a whole line.
    public var position: SourcePosition
    /// Where the finding ends (exclusive); nil for the one character at `position`.
    public var end: SourcePosition?
    /// What is wrong and what to do.
    public var message: String
    /// The likely intended text, when there is one.
    public var suggestion: String?
    /// A severity that overrides the rule's default for this finding (a load problem that is an
    /// error even though the rule usually warns).
    public var severity: Severity?
    /// Further facts, each a sentence.
    public var notes: [String]
    /// Fixes, only where the change is certain; see ``SourceEdits`` for making their edits.
    public var fixes: [Fix]

    /// Creates a finding; `fix`, when not nil, is its one fix. Without `end`, a finding with a
    /// fix ends where the fix's last edit does (when that is after `position`).
    public init(
        path: String, at position: SourcePosition, end: SourcePosition? = nil, _ message: String, suggestion: String? = nil,
        severity: Severity? = nil, notes: [String] = [], fix: Fix? = nil
    ) {
        self.path = path
        self.position = position
        // Without an end of its own, a fixed finding reaches to the end of what its fix edits.
        self.end = end ?? fix.flatMap { $0.edits.map(\.range.end).max() }.flatMap { $0 > position ? $0 : nil }
        self.message = message
        self.suggestion = suggestion
        self.severity = severity
        self.notes = notes
        self.fixes = fix.map { [$0] } ?? []
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
    /// Whether the rule reads what only the whole loaded site knows: other pages, where links
    /// lead (``LintContext/links(in:)``, which Learn URL paths inferred from every page decide),
    /// uids or TOCs. Such a rule runs once every page is loaded, and may get a page whose tree
    /// is cut to its headings (``LintEngine/compile(_:in:timings:)``): it reads the page's links,
    /// front matter and source, never its tree. Every other rule runs while the tree exists and
    /// must not read those.
    static var readsLoadedSite: Bool { get }
}

extension LintRule {
    /// Most rules read the page and the files it reads, nothing of other pages.
    public static var readsLoadedSite: Bool { false }
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
