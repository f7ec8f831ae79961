/// Something the parser found wrong with the Markdown or a Learn extension. The lint engine turns
/// each into a diagnostic under the rule that owns its ``Kind``.
public struct MarkupProblem: Sendable, Hashable {
    /// The classes of parse problem; each belongs to exactly one rule.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Bad `:::image` syntax: missing/unknown attribute, bad type, never closed, empty long description.
        case imageDirective
        /// Bad `:::zone` syntax: bad pivot or target, nesting, never closed.
        case zoneDirective
        /// Bad `:::row`/`:::column`/`:::moniker`/`:::video`/`:::form`/`:::code` syntax, or a stray `-end`.
        case otherDirective
        /// A line starting with `:::` and a name Learn does not know.
        case unknownDirective
        /// `> [!NOTE] text` and other alert lines with text after the bracket, or unknown alert types.
        case alertSyntax
        /// A tab group problem: duplicate ids, no terminating `---`.
        case tabGroup
        /// `[!INCLUDE` with a malformed target.
        case includeSyntax
        /// Nesting or a table past one of ``MarkupLimits``.
        case contentLimit
        /// A table whose delimiter row and header row differ in cells, which GFM shows as text.
        case tableSyntax
    }

    /// The class of problem.
    public var kind: Kind
    /// What is wrong and what to do, as one sentence.
    public var message: String
    /// Where the problem starts.
    public var position: SourcePosition
    /// Where the problem ends (exclusive), when the parser knows; else it is at `position`.
    public var end: SourcePosition?
    /// True when the problem should fail a build (Learn treats attribute errors as errors).
    public var isError: Bool
    /// Edits that resolve the problem with certainty, in the diagnostic's shape.
    public var fixes: [Fix]

    /// Creates a problem.
    public init(_ kind: Kind, _ message: String, at position: SourcePosition, end: SourcePosition? = nil, isError: Bool = true, fixes: [Fix] = []) {
        self.kind = kind
        self.message = message
        self.position = position
        self.end = end
        self.isError = isError
        self.fixes = fixes
    }
}
