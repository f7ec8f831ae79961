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
        #expect(try written == Self.foundation(written))
        let parsed = try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any]
        let first = (parsed?["diagnostics"] as? [[String: Any]])?.first
        #expect(first?["message"] as? String == message)
        #expect(Set(first?.keys.map { $0 } ?? []) == ["file", "line", "column", "severity", "rule", "alias", "message", "suggestion"])
        #expect(first?["line"] as? Int == 3 && first?["file"] as? String == "a b/é.md")
    }

    @Test func writesAnEmptyReportLikeFoundation() throws {
        let written = JSONReport.render([], fileCount: 0, toolVersion: "1.0")
        #expect(try written == Self.foundation(written))
    }

    /// The same document as Foundation writes it: the report parsed back and written again.
    static func foundation(_ written: String) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(written.utf8))
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
