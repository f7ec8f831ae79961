import DocgenCore
import Foundation

/// The JSON format, version 1:
///
/// ```json
/// {"version": 1, "tool": {"name": "docgen", "version": "0.1.0"},
///  "summary": {"files": 3, "errors": 1, "warnings": 2, "notes": 0},
///  "diagnostics": [{"file": "a.md", "line": 3, "column": 5, "severity": "error",
///                   "rule": "DG101", "alias": "broken-link", "message": "...", "suggestion": "b.md"}]}
/// ```
/// Fields are only ever added within a version; `suggestion` is present only when there is one.
public enum JSONReport {
    /// The format version.
    public static let version = 1

    /// The report text.
    public static func render(_ diagnostics: [Diagnostic], fileCount: Int, toolVersion: String) -> String {
        let summary = DiagnosticSummary(diagnostics)
        let object: [String: Any] = [
            "version": version,
            "tool": ["name": "docgen", "version": toolVersion],
            "summary": ["files": fileCount, "errors": summary.errors, "warnings": summary.warnings, "notes": summary.notes],
            "diagnostics": PrettyJSON.Elements(count: diagnostics.count) { index -> Any in
                let diagnostic = diagnostics[index]
                var entry: [String: Any] = [
                    "file": diagnostic.file, "line": diagnostic.line, "column": diagnostic.column,
                    "severity": diagnostic.severity.rawValue, "rule": diagnostic.ruleID, "alias": diagnostic.alias,
                    "message": diagnostic.message,
                ]
                if let suggestion = diagnostic.suggestion { entry["suggestion"] = suggestion }
                return entry
            },
        ]
        return serialize(object)
    }

    /// Pretty, key-sorted JSON so reports diff cleanly.
    static func serialize(_ object: Any) -> String {
        PrettyJSON.text(object) + "\n"
    }
}
