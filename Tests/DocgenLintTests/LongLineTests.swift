import DocgenCore
import DocgenLint
import DocgenTestSupport
import Testing

/// Many findings on one line: each is placed at its own column, and the line is taken apart once
/// rather than once per finding (which made a 32 KB line of markers take seconds).
@Suite struct LongLineTests {
    /// A page whose line 10 is `text`.
    static func page(_ text: String) -> String {
        LintHarness.validFrontMatter + "# Long lines\n\n" + text + "\n"
    }

    @Test func placesEveryMarkerOfALongLine() throws {
        let findings = try LintHarness.findings(["a.md": Self.page(String(repeating: "TODO fix. ", count: 3_000))], rules: [DraftMarker.self])
        #expect(findings == (0..<3_000).map { "a.md:10:\(1 + 10 * $0) DG402" })
    }

    @Test func placesEveryMarkerOfALongLineWithAccents() throws {
        // Columns count characters: "é" is one, though two bytes.
        let findings = try LintHarness.findings(["a.md": Self.page(String(repeating: "é TODO fix. ", count: 3_000))], rules: [DraftMarker.self])
        #expect(findings == (0..<3_000).map { "a.md:10:\(3 + 12 * $0) DG402" })
    }

    @Test func placesEveryRepeatedWordOfALongLine() throws {
        let findings = try LintHarness.findings(["a.md": Self.page(String(repeating: "the the word ", count: 3_000))], rules: [RepeatedWord.self])
        #expect(findings == (0..<3_000).map { "a.md:10:\(5 + 13 * $0) DG405" })
    }

    @Test func placesAFindingShiftedByAnEntityAtItsSourceColumn() throws {
        // The text reads "& TODO", the source "&amp; TODO": the marker is found where it is written.
        let findings = try LintHarness.findings(["a.md": Self.page(String(repeating: "x ", count: 2_000) + "&amp; TODO fix.")], rules: [DraftMarker.self])
        #expect(findings == ["a.md:10:4007 DG402"])
    }

    @Test func textReportShowsEachFindingOfALongLineAroundItsColumn() {
        let line = String(repeating: "é\tx ", count: 1_000)
        let diagnostics = [1, 2_001, 3_997].map {
            Diagnostic(ruleID: "DG402", alias: "draft-marker", severity: .warning, file: "a.md", line: 1, column: $0, message: "m")
        }
        let report = TextReport(color: false) { _, _ in Substring(line) }.render(diagnostics, fileCount: 1)
        let excerpts = report.split(separator: "\n").map(String.init).filter { $0.hasPrefix("  1 | ") }
        let window = { (start: Int) in String(String(repeating: "é x ", count: 1_000).dropFirst(start).prefix(100)) }
        #expect(excerpts == ["  1 | " + window(0) + "…", "  1 | …" + window(1_950) + "…", "  1 | …" + window(3_900)])
    }
}
