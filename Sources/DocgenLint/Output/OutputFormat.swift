/// The formats `docgen lint --format` writes.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Compiler-style lines with the source line and a caret, and a summary.
    case text
    /// Versioned JSON (see ``JSONReport``).
    case json
    /// SARIF 2.1.0 with rule metadata, for code-scanning uploads.
    case sarif
    /// GitHub Actions workflow commands, which become annotations on a pull request.
    case github
}
