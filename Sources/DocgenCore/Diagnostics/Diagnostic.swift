import DocgenMarkup

/// One finding: a file, a source range, a stable rule id, a severity, a message that says what is
/// wrong and what to do, and the fixes that resolve it with certainty. Every command reports
/// through this one type; rules make it from a `Finding`, and load problems (`DocumentProblem`,
/// the parser's `MarkupProblem`) carry the same range and fix shape so nothing is lost on the way.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// The stable rule id, such as `DG101`.
    public var ruleID: String
    /// The rule's kebab-case alias, such as `broken-link`.
    public var alias: String
    /// The severity after configuration.
    public var severity: Severity
    /// The file, as a path relative to the working directory or absolute.
    public var file: String
    /// 1-based line; 0 when the finding concerns the whole file.
    public var line: Int
    /// 1-based column in characters; 0 when the finding concerns the whole line or file.
    public var column: Int
    /// The line of the position just after the finding's last character.
    public var endLine: Int
    /// The column just after the finding's last character (the start's column + 1 when the
    /// rule did not say how far it reaches; equal to `column` when that is 0).
    public var endColumn: Int
    /// What is wrong and what to do about it.
    public var message: String
    /// A replacement the writer most likely meant ("did you mean"), when there is one.
    public var suggestion: String?
    /// Further facts about the finding, each a sentence.
    public var notes: [String]
    /// Changes that resolve the finding with certainty, as edits of `file`; `docgen lint --fix`
    /// applies them.
    public var fixes: [Fix]

    /// Creates a diagnostic; without `end`, it covers the character at `line`:`column`.
    public init(
        ruleID: String, alias: String, severity: Severity, file: String, line: Int, column: Int,
        end: SourcePosition? = nil, message: String, suggestion: String? = nil, notes: [String] = [], fixes: [Fix] = []
    ) {
        self.ruleID = ruleID
        self.alias = alias
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        let end = end ?? SourcePosition(line: line, column: column > 0 ? column + 1 : column)
        self.endLine = end.line
        self.endColumn = end.column
        self.message = message
        self.suggestion = suggestion
        self.notes = notes
        self.fixes = fixes
    }

    /// Where the finding is, from its first character up to its end.
    public var range: SourceSpan {
        SourceSpan(start: SourcePosition(line: line, column: column), end: SourcePosition(line: endLine, column: endColumn))
    }

    /// The classic `file:line:col: severity: message [ID alias]` form compilers and editors read.
    public var formatted: String {
        "\(file):\(line):\(column): \(severity.rawValue): \(message) [\(ruleID) \(alias)]"
    }

    /// Orders diagnostics by file, then position, then rule.
    public static func sortedByLocation(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted {
            ($0.file, $0.line, $0.column, $0.ruleID, $0.message) < ($1.file, $1.line, $1.column, $1.ruleID, $1.message)
        }
    }
}
