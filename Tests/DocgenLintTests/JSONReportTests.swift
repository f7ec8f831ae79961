import DocgenCore
import DocgenLint
import Foundation
import DocgenMarkup
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
        #expect(Set(first?.keys.map { $0 } ?? []) == ["file", "line", "column", "endLine", "endColumn", "severity", "rule", "alias", "message", "suggestion"])
        #expect(first?["line"] as? Int == 3 && first?["file"] as? String == "a b/é.md")
        // Without an extent from the rule, a finding covers the character at its column.
        #expect(first?["endLine"] as? Int == 3 && first?["endColumn"] as? Int == 8)
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

/// Ranges and fixes as the JSON and SARIF reports write them.
@Suite struct FixReportTests {
    static let diagnostic = Diagnostic(
        ruleID: "DG105", alias: "link-case-mismatch", severity: .error, file: "docs/a.md", line: 3, column: 5,
        end: SourcePosition(line: 3, column: 24), message: "m", notes: ["n"],
        fixes: [Fix("Write the link as 'alerts.md'", replacing: SourceSpan(start: SourcePosition(line: 3, column: 14), end: SourcePosition(line: 3, column: 23)), with: "alerts.md")])

    @Test func jsonWritesTheRangeNotesAndFixes() throws {
        let parsed = try JSONSerialization.jsonObject(with: Data(JSONReport.render([Self.diagnostic], fileCount: 1, toolVersion: "1.0").utf8)) as? [String: Any]
        let first = try #require((parsed?["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["endLine"] as? Int == 3 && first["endColumn"] as? Int == 24)
        #expect(first["notes"] as? [String] == ["n"])
        let fixes = try #require(first["fixes"] as? [[String: Any]])
        #expect(fixes.count == 1)
        #expect(fixes[0]["summary"] as? String == "Write the link as 'alerts.md'")
        let edits = try #require(fixes[0]["edits"] as? [[String: Any]])
        #expect(edits.count == 1)
        #expect(edits[0]["line"] as? Int == 3 && edits[0]["column"] as? Int == 14 && edits[0]["endLine"] as? Int == 3 && edits[0]["endColumn"] as? Int == 23)
        #expect(edits[0]["replacement"] as? String == "alerts.md")
    }

    @Test func sarifWritesTheRegionEndAndFixesAsArtifactChanges() throws {
        let text = SARIFReport.render([Self.diagnostic], rules: [LinkCaseMismatch.metadata], toolVersion: "1.0")
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let result = try #require(((parsed?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect(location["region"] as? [String: Int] == ["startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 24])
        let fix = try #require((result["fixes"] as? [[String: Any]])?.first)
        #expect((fix["description"] as? [String: String])?["text"] == "Write the link as 'alerts.md'")
        let change = try #require((fix["artifactChanges"] as? [[String: Any]])?.first)
        #expect((change["artifactLocation"] as? [String: String])?["uri"] == "docs/a.md")
        let replacement = try #require((change["replacements"] as? [[String: Any]])?.first)
        #expect(replacement["deletedRegion"] as? [String: Int] == ["startLine": 3, "startColumn": 14, "endLine": 3, "endColumn": 23])
        #expect((replacement["insertedContent"] as? [String: String])?["text"] == "alerts.md")
    }
}
