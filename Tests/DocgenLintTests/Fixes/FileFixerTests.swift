import DocgenCore
import DocgenLint
import DocgenMarkup
import DocgenTestSupport
import Foundation
import Testing

/// Applying fixes to a file's bytes: encodings and line endings kept, overlaps left for the next
/// run, and nothing written to a file that changed or cannot be written.
@Suite struct FileFixerTests {
    static func diagnostic(_ file: String, _ edits: [TextEdit], line: Int = 1, column: Int = 1) -> Diagnostic {
        Diagnostic(ruleID: "DG105", alias: "link-case-mismatch", severity: .error, file: file, line: line, column: column, message: "m", fixes: [Fix(summary: "s", edits: edits)])
    }

    static func edit(_ line: Int, _ column: Int, _ endColumn: Int, _ text: String) -> TextEdit {
        TextEdit(range: SourceSpan(start: SourcePosition(line: line, column: column), end: SourcePosition(line: line, column: endColumn)), replacement: text)
    }

    @Test func keepsAByteOrderMarkCRLFLineEndsAndCountsColumnsInCharacters() throws {
        let content = try TemporaryContent([
            "docs/alerts.md": LintHarness.validFrontMatter + "# Alerts\n",
        ])
        let page = "---\r\ntitle: Überblick\r\n---\r\n# Überblick\r\n\r\nÜber die [Warnungen](Alerts.md) – siehe [Warnungen](Alerts.md#x).\r\n"
        try content.write("docs/index.md", bytes: [0xEF, 0xBB, 0xBF] + Array(page.utf8))
        let site = SiteLoader.load(root: content.url)
        let diagnostics = LintEngine(configuration: LintConfiguration(site.configuration.lint), ruleTypes: [LinkCaseMismatch.self]).run(LintContext(site: site))
        #expect(diagnostics.map { "\($0.line):\($0.column)" } == ["6:10", "6:41"])
        #expect(diagnostics.flatMap { $0.fixes.flatMap(\.edits) } == [Self.edit(6, 22, 31, "alerts.md"), Self.edit(6, 53, 64, "alerts.md#x")])
        let outcomes = LintFixing.apply(diagnostics, in: site, root: content.url, write: true)
        #expect(outcomes.map(\.applied) == [2])
        let bytes = try [UInt8](Data(contentsOf: content.url.appendingPathComponent("docs/index.md")))
        #expect(bytes == [0xEF, 0xBB, 0xBF] + Array(page.replacingOccurrences(of: "(Alerts.md", with: "(alerts.md").utf8))
    }

    @Test func appliesTheFirstOfTwoOverlappingFixesAndSaysTheOtherWaits() throws {
        let content = try TemporaryContent(["a.md": "See [a](Alerts.md).\n"])
        let first = Self.diagnostic("a.md", [Self.edit(1, 9, 18, "alerts.md")])
        let second = Self.diagnostic("a.md", [Self.edit(1, 9, 15, "ALERTS")], column: 5)
        let outcome = FileFixer(file: "a.md", url: content.url.appendingPathComponent("a.md")).fix([first, second], linted: nil, write: true)
        #expect(outcome.applied == 1)
        #expect(outcome.skippedOverlapping == [second])
        #expect(try String(contentsOf: content.url.appendingPathComponent("a.md"), encoding: .utf8) == "See [a](alerts.md).\n")
    }

    @Test func theSameEditForTwoFindingsIsMadeOnce() throws {
        let content = try TemporaryContent(["a.md": "See [a](Alerts.md).\n"])
        let edit = Self.edit(1, 9, 18, "alerts.md")
        let outcome = FileFixer(file: "a.md", url: content.url.appendingPathComponent("a.md")).fix([Self.diagnostic("a.md", [edit]), Self.diagnostic("a.md", [edit])], linted: nil, write: true)
        #expect(outcome.applied == 2)
        #expect(outcome.skippedOverlapping.isEmpty)
        #expect(try String(contentsOf: content.url.appendingPathComponent("a.md"), encoding: .utf8) == "See [a](alerts.md).\n")
    }

    @Test func leavesAReadOnlyFileAsItWasAndSaysWhy() throws {
        let content = try TemporaryContent(["a.md": "See [a](Alerts.md).\n"])
        let url = content.url.appendingPathComponent("a.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: url.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path) }
        let outcome = FileFixer(file: "a.md", url: url).fix([Self.diagnostic("a.md", [Self.edit(1, 9, 18, "alerts.md")])], linted: nil, write: true)
        #expect(outcome.failure == "a.md: is read-only; its fixes were not applied. Make it writable, or apply them by hand.")
        #expect(outcome.applied == 0)
        #expect(try String(contentsOf: url, encoding: .utf8) == "See [a](Alerts.md).\n")
    }

    @Test func leavesAFileThatChangedSinceItWasLinted() throws {
        let content = try TemporaryContent(["a.md": "See [a](Alerts.md).\n"])
        let url = content.url.appendingPathComponent("a.md")
        let linted = SourceText("See [a](Alerts.md).\n")
        try content.write("a.md", "See [b](Alerts.md) now.\n")
        let outcome = FileFixer(file: "a.md", url: url).fix([Self.diagnostic("a.md", [Self.edit(1, 9, 18, "alerts.md")])], linted: linted, write: true)
        #expect(outcome.failure == "a.md: changed since it was linted; its fixes were not applied. Run docgen lint --fix again.")
        #expect(try String(contentsOf: url, encoding: .utf8) == "See [b](Alerts.md) now.\n")
    }

    @Test func aDryRunWritesNothingAndDescribesTheChangeAsAUnifiedDiff() throws {
        let lines = (1...12).map { "Line \($0)." }
        let text = lines.joined(separator: "\n") + "\n"
        let content = try TemporaryContent(["a.md": text])
        let url = content.url.appendingPathComponent("a.md")
        let outcome = FileFixer(file: "a.md", url: url).fix([
            Self.diagnostic("a.md", [Self.edit(2, 6, 7, "two")]),
            Self.diagnostic("a.md", [TextEdit(range: SourceSpan(start: SourcePosition(line: 11, column: 1), end: SourcePosition(line: 12, column: 1)), replacement: "")]),
        ], linted: nil, write: false)
        #expect(outcome.applied == 2)
        #expect(try String(contentsOf: url, encoding: .utf8) == text)
        #expect(outcome.diff == """
        --- a/a.md
        +++ b/a.md
        @@ -1,5 +1,5 @@
         Line 1.
        -Line 2.
        +Line two.
         Line 3.
         Line 4.
         Line 5.
        @@ -8,5 +8,4 @@
         Line 8.
         Line 9.
         Line 10.
        -Line 11.
         Line 12.

        """)
    }

    @Test func leavesNoTemporaryFileBehind() throws {
        let content = try TemporaryContent(["a.md": "See [a](Alerts.md).\n"])
        _ = FileFixer(file: "a.md", url: content.url.appendingPathComponent("a.md")).fix([Self.diagnostic("a.md", [Self.edit(1, 9, 18, "alerts.md")])], linted: nil, write: true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: content.url.path) == ["a.md"])
    }
}
