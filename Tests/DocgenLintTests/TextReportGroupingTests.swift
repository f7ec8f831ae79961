import DocgenCore
import DocgenLint
import DocgenMarkup
import Testing

/// The text report summarises findings of one rule with one repeated cause.
@Suite struct TextReportGroupingTests {
    static func short(_ page: Int, length: Int) -> Diagnostic {
        Diagnostic(ruleID: "DG004", alias: "description-length", severity: .warning, file: "p\(page).md", line: 3, column: 1,
                   message: "Description is \(length) characters long; it should be 75 to 300 characters, so say more about what the page covers.")
    }

    static let diagnostics: [Diagnostic] = (1...10).map { short($0, length: 40 + $0) } + [
        Diagnostic(ruleID: "DG101", alias: "broken-link", severity: .error, file: "p1.md", line: 9, column: 5, message: "Link target 'a.md' does not exist; fix the path or remove the link."),
        Diagnostic(ruleID: "DG101", alias: "broken-link", severity: .error, file: "p2.md", line: 9, column: 5, message: "Link target 'b.md' does not exist; fix the path or remove the link."),
    ]

    @Test func summarisesTenFindingsOfOneCauseAndListsTheRest() {
        let text = TextReport(color: false, groupRepeatsFrom: 10) { _, _ in nil }.render(Diagnostic.sortedByLocation(Self.diagnostics), fileCount: 10)
        #expect(text == """
        p1.md:9:5: error: Link target 'a.md' does not exist; fix the path or remove the link. [DG101 broken-link]

        p2.md:9:5: error: Link target 'b.md' does not exist; fix the path or remove the link. [DG101 broken-link]

        10 findings in 10 files: warning: Description is 41–50 characters long; it should be 75 to 300 characters, so say more about what the page covers. [DG004 description-length]
          first at p1.md:3:1; -v lists each

        12 problems (2 errors, 10 warnings, 0 notes) in 10 of 10 files.

        """)
    }

    @Test func listsEveryFindingWithoutGrouping() {
        let text = TextReport(color: false) { _, _ in nil }.render(Diagnostic.sortedByLocation(Self.diagnostics), fileCount: 10)
        #expect(text.components(separatedBy: "[DG004 description-length]").count == 11)
        let fewer = TextReport(color: false, groupRepeatsFrom: 10) { _, _ in nil }.render(Array(Self.diagnostics.dropFirst()), fileCount: 10)
        #expect(fewer.components(separatedBy: "[DG004 description-length]").count == 10)
    }

    @Test func aLongReportSummarisesEachRulesWarningsAndListsEveryError() {
        // Three distinct truncated sentences and two empty sections: no repeated cause, but more
        // than the four findings the report may list.
        let warnings = (1...3).map {
            Diagnostic(ruleID: "DG401", alias: "truncated-sentence", severity: .warning, file: "p\($0).md", line: 5, column: 9, message: "Paragraph \($0) ends without punctuation.")
        } + (1...2).map {
            // One of them with a fix, which the summary counts.
            let fix = Fix(summary: "Remove the heading", edits: [TextEdit(range: SourceSpan(start: SourcePosition(line: 7, column: 1), characters: 9), replacement: "")])
            return Diagnostic(ruleID: "DG312", alias: "empty-section", severity: .warning, file: "p\($0).md", line: 7, column: 1, message: "Section \($0) is empty.", fixes: $0 == 1 ? [fix] : [])
        }
        let errors = Array(Self.diagnostics.suffix(2))
        let text = TextReport(color: false, groupRepeatsFrom: 10, summariseRulesAbove: 4) { _, _ in nil }.render(Diagnostic.sortedByLocation(warnings + errors), fileCount: 3)
        #expect(text == """
        p1.md:9:5: error: Link target 'a.md' does not exist; fix the path or remove the link. [DG101 broken-link]

        p2.md:9:5: error: Link target 'b.md' does not exist; fix the path or remove the link. [DG101 broken-link]

        2 warnings in 2 files: Every heading has content before the next heading of its level [DG312 empty-section] (1 with a fix available)
          first at p1.md:7:1; --rule empty-section lists them
        3 warnings in 3 files: Paragraphs and table cells end with a finished sentence [DG401 truncated-sentence]
          first at p1.md:5:9; --rule truncated-sentence lists them

        7 problems (2 errors, 5 warnings, 0 notes) in 3 of 3 files.
        1 has a fix that docgen lint --fix applies (--dry-run shows them).

        """)
        // At or under the limit every finding is listed.
        let short = TextReport(color: false, groupRepeatsFrom: 10, summariseRulesAbove: 7) { _, _ in nil }.render(Diagnostic.sortedByLocation(warnings + errors), fileCount: 3)
        #expect(short.components(separatedBy: "[DG401 truncated-sentence]").count == 4)
    }

    @Test func aMessageThatQuotesAHashOrAHugeNumberIsSummedUpWithoutCrashing() {
        // "#" once marked the numbers of a template: a bookmark in the message ended the run.
        let anchors = (1...10).map {
            Diagnostic(ruleID: "DG102", alias: "broken-anchor", severity: .error, file: "p\($0).md", line: 4, column: 9,
                       message: "Cannot find bookmark '#step-\($0)' in 'a.md'.")
        }
        let huge = (1...10).map {
            Diagnostic(ruleID: "DG101", alias: "broken-link", severity: .error, file: "q\($0).md", line: 2, column: 1,
                       message: "Link target 'build-9999999999999999999\($0).md' does not exist.")
        }
        let text = TextReport(color: false, groupRepeatsFrom: 10) { _, _ in nil }.render(Diagnostic.sortedByLocation(anchors + huge), fileCount: 20)
        #expect(text.contains("10 findings in 10 files: error: Cannot find bookmark '#step-1–10' in 'a.md'. [DG102 broken-anchor]"), "\(text)")
        #expect(text.contains("10 findings in 10 files: error: Link target … does not exist. [DG101 broken-link]"), "\(text)")
    }

    /// Messages quoting text outside ASCII are summed up the same way; a digit that carries a
    /// combining mark is a character of the quoted text, not a number.
    @Test func aMessageQuotingTextOutsideASCIIIsSummedUpByItsNumbers() {
        let accented = (1...10).map {
            Diagnostic(ruleID: "DG102", alias: "broken-anchor", severity: .error, file: "p\($0).md", line: 4, column: 9,
                       message: "Cannot find bookmark '#überblick-\($0)' in 'a\u{301}1\u{301}.md'.")
        }
        let text = TextReport(color: false, groupRepeatsFrom: 10) { _, _ in nil }.render(Diagnostic.sortedByLocation(accented), fileCount: 10)
        #expect(text.contains("10 findings in 10 files: error: Cannot find bookmark '#überblick-1–10' in 'a\u{301}1\u{301}.md'. [DG102 broken-anchor]"), "\(text)")
    }
}
