import DocgenCore

/// GitHub Actions workflow commands: one `::error file=…,line=…,col=…,title=…::message` line per
/// finding, which GitHub shows as an annotation on the changed line.
public enum GitHubReport {
    /// The report text.
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { diagnostic in
            let command = diagnostic.severity == .error ? "error" : diagnostic.severity == .warning ? "warning" : "notice"
            var properties = "file=\(escapeProperty(diagnostic.file))"
            if diagnostic.line > 0 { properties += ",line=\(diagnostic.line)" }
            if diagnostic.column > 0 { properties += ",col=\(diagnostic.column)" }
            properties += ",title=\(escapeProperty("\(diagnostic.ruleID) \(diagnostic.alias)"))"
            return "::\(command) \(properties)::\(escapeData(diagnostic.message))\n"
        }.joined()
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
