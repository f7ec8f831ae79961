import DocgenCore
import DocgenLint
import Foundation
import Testing

/// The JSON report is written by hand for speed; it must stay byte for byte what Foundation's
/// `JSONSerialization` writes, which is what the format promised from version 1 on.
struct JSONReportTests {
    @Test(arguments: [
        "plain text",
        "quotes \" and backslashes \\ and slashes / stay readable",
        "controls \u{0} \u{1} \u{8} \u{9} \u{A} \u{C} \u{D} \u{1B} \u{1F} \u{7F}",
        "non-ASCII: é, 日本語, emoji 👩🏽‍💻, separators \u{2028}\u{2029}",
        "",
    ])
    func matchesFoundation(message: String) throws {
        let diagnostics = [
            Diagnostic(ruleID: "DG101", alias: "broken-link", severity: .error, file: "a b/é.md", line: 3, column: 7, message: message, suggestion: message),
            Diagnostic(ruleID: "DG3", alias: "x", severity: .note, file: "z.md", line: 1, column: 1, message: message),
        ]
        let written = JSONReport.render(diagnostics, fileCount: 2, toolVersion: "1.0")
        #expect(try written == Self.foundation(diagnostics, fileCount: 2))
        let parsed = try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any]
        let first = (parsed?["diagnostics"] as? [[String: Any]])?.first
        #expect(first?["message"] as? String == message)
    }

    @Test func writesAnEmptyReportLikeFoundation() throws {
        #expect(try JSONReport.render([], fileCount: 0, toolVersion: "1.0") == Self.foundation([], fileCount: 0))
    }

    static func foundation(_ diagnostics: [Diagnostic], fileCount: Int) throws -> String {
        let summary = DiagnosticSummary(diagnostics)
        let object: [String: Any] = [
            "version": 1,
            "tool": ["name": "docgen", "version": "1.0"],
            "summary": ["files": fileCount, "errors": summary.errors, "warnings": summary.warnings, "notes": summary.notes],
            "diagnostics": diagnostics.map { diagnostic -> [String: Any] in
                var entry: [String: Any] = [
                    "file": diagnostic.file, "line": diagnostic.line, "column": diagnostic.column,
                    "severity": diagnostic.severity.rawValue, "rule": diagnostic.ruleID, "alias": diagnostic.alias,
                    "message": diagnostic.message,
                ]
                if let suggestion = diagnostic.suggestion { entry["suggestion"] = suggestion }
                return entry
            },
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
