import DocgenCore
import Foundation

/// The JSON format, version 1:
///
/// ```json
/// {"version": 1, "tool": {"name": "docgen", "version": "0.1.0"},
///  "summary": {"files": 3, "errors": 1, "warnings": 2, "notes": 0},
///  "diagnostics": [{"file": "a.md", "line": 3, "column": 5, "endLine": 3, "endColumn": 12,
///                   "severity": "error", "rule": "DG105", "alias": "link-case-mismatch", "message": "...",
///                   "suggestion": "b.md", "notes": ["..."],
///                   "fixes": [{"summary": "Write the link as 'b.md'",
///                              "edits": [{"line": 3, "column": 9, "endLine": 3, "endColumn": 13,
///                                         "replacement": "b.md"}]}]}]}
/// ```
/// Fields are only ever added within a version; `suggestion`, `notes` and `fixes` are present
/// only when there are some. Ends (`endLine`, `endColumn`) are exclusive: the position just after
/// the last character; columns count characters (Unicode scalars), lines and columns start at 1.
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
                entry["endLine"] = diagnostic.endLine
                entry["endColumn"] = diagnostic.endColumn
                if let suggestion = diagnostic.suggestion { entry["suggestion"] = suggestion }
                if !diagnostic.notes.isEmpty { entry["notes"] = diagnostic.notes }
                if !diagnostic.fixes.isEmpty {
                    entry["fixes"] = diagnostic.fixes.map { fix -> [String: Any] in
                        ["summary": fix.summary, "edits": fix.edits.map { edit -> [String: Any] in
                            ["line": edit.range.start.line, "column": edit.range.start.column,
                             "endLine": edit.range.end.line, "endColumn": edit.range.end.column, "replacement": edit.replacement]
                        }]
                    }
                }
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
