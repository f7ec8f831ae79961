import DocgenMarkup

/// One finding: a file, a line and column, a stable rule id, a severity and a message that says
/// what is wrong and what to do.
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
    /// What is wrong and what to do about it.
    public var message: String
    /// A replacement the writer most likely meant ("did you mean"), when there is one.
    public var suggestion: String?

    /// Creates a diagnostic.
    public init(
        ruleID: String, alias: String, severity: Severity, file: String, line: Int, column: Int,
        message: String, suggestion: String? = nil
    ) {
        self.ruleID = ruleID
        self.alias = alias
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.suggestion = suggestion
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
