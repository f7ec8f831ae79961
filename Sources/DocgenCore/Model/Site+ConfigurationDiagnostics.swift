/// Problems in the site's configuration files (docgen.yml, docfx.json, the redirection and
/// publishing files), as the diagnostics build, lint and serve all report the same way.
extension Site {
    /// The configuration problems as DG007 `front-matter-invalid` diagnostics, at their file,
    /// line and column, with each problem's own severity.
    public var configurationDiagnostics: [Diagnostic] {
        configurationProblems.map { problem in
            Diagnostic(
                ruleID: "DG007", alias: "front-matter-invalid", severity: problem.isError ? .error : .warning,
                file: displayPath(problem.path), line: problem.position.line, column: problem.position.column, message: problem.message)
        }
    }
}
