/// Counts of diagnostics by severity, and the exit code they call for.
public struct DiagnosticSummary: Sendable, Equatable {
    public var errors = 0
    public var warnings = 0
    public var notes = 0

    /// Counts `diagnostics`.
    public init(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            switch diagnostic.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: notes += 1
            }
        }
    }

    /// 1 when something reached error severity (or warning severity under `strict`), else 0.
    public func exitCode(strict: Bool) -> Int32 {
        errors > 0 || (strict && warnings > 0) ? 1 : 0
    }
}
