import DocgenCore
import DocgenMarkup

/// The human format: `file:line:col: severity: message [ID alias]`, the source line with a
/// caret under the column, a blank line between files, and a closing summary. A finding that
/// `docgen lint --fix` can fix says "(fix available)", and the summary counts them. Colour only when
/// asked (a terminal without `NO_COLOR`).
public struct TextReport {
    /// Whether to use ANSI colours.
    public var color: Bool
    /// Reads a source line for the excerpt; nil when it is unavailable.
    public var sourceLine: (String, Int) -> Substring?

    /// With a value, findings of one rule with one repeated cause, this many or more, are
    /// summarised in one entry instead of listed (JSON, SARIF and GitHub output list each).
    public var groupRepeatsFrom: Int?

    /// With a value, a report that would still list more findings than this (after repeats are
    /// grouped) summarises each rule's warnings and notes in one entry; errors stay listed.
    public var summariseRulesAbove: Int?

    /// Creates a formatter.
    public init(color: Bool, groupRepeatsFrom: Int? = nil, summariseRulesAbove: Int? = nil, sourceLine: @escaping (String, Int) -> Substring?) {
        self.color = color
        self.groupRepeatsFrom = groupRepeatsFrom
        self.summariseRulesAbove = summariseRulesAbove
        self.sourceLine = sourceLine
    }

    /// The report for `diagnostics`, checked over `fileCount` files.
    public func render(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        var output = ""
        var previousFile: String?
        // The characters of the line last shown: diagnostics are sorted by place, so the many
        // findings of one long line take it apart once, not once each.
        var shownLine: (file: String, number: Int, characters: ExcerptLine)?
        let grouping = groupRepeatsFrom.map { RepeatedCauseGroups(diagnostics, minimum: $0) }
        var listed = grouping?.ungrouped ?? diagnostics
        var ruleGroups: [DiagnosticGroup] = []
        if let limit = summariseRulesAbove, listed.count > limit {
            let byRule = RuleGroups(listed, minimum: 2)
            listed = byRule.ungrouped
            ruleGroups = byRule.groups
        }
        for diagnostic in listed {
            if let previousFile, previousFile != diagnostic.file { output += "\n" }
            previousFile = diagnostic.file
            let severity = paint(diagnostic.severity.rawValue, diagnostic.severity == .error ? "31" : diagnostic.severity == .warning ? "33" : "36")
            output += paint("\(diagnostic.file):\(diagnostic.line):\(diagnostic.column):", "1") + " \(severity): \(diagnostic.message) "
            output += paint("[\(diagnostic.ruleID) \(diagnostic.alias)]", "2") + (diagnostic.fixes.isEmpty ? "" : " (fix available)") + "\n"
            if diagnostic.line > 0 {
                if let shown = shownLine, shown.file == diagnostic.file, shown.number == diagnostic.line {
                    output += excerpt(shown.characters, line: diagnostic.line, column: diagnostic.column)
                } else if let line = sourceLine(diagnostic.file, diagnostic.line) {
                    let characters = ExcerptLine(line)
                    shownLine = (diagnostic.file, diagnostic.line, characters)
                    output += excerpt(characters, line: diagnostic.line, column: diagnostic.column)
                }
            }
        }
        if let groups = grouping?.groups, !groups.isEmpty {
            if !output.isEmpty { output += "\n" }
            for group in groups {
                let severity = paint(group.severity.rawValue, group.severity == .error ? "31" : group.severity == .warning ? "33" : "36")
                output += entry(group, counted: "findings", before: "\(severity): ", hint: "-v lists each")
            }
        }
        if !ruleGroups.isEmpty {
            if !output.isEmpty { output += "\n" }
            for group in ruleGroups {
                output += entry(group, counted: group.severity == .warning ? "warnings" : "notes", before: "", hint: "--rule \(group.alias) lists them")
            }
        }
        let summary = DiagnosticSummary(diagnostics)
        let files = Set(diagnostics.map(\.file)).count
        if diagnostics.isEmpty {
            output += "No problems in \(fileCount) \(fileCount == 1 ? "file" : "files").\n"
        } else {
            if !output.isEmpty { output += "\n" }
            output += "\(diagnostics.count) \(diagnostics.count == 1 ? "problem" : "problems") (\(summary.errors) \(summary.errors == 1 ? "error" : "errors"), \(summary.warnings) \(summary.warnings == 1 ? "warning" : "warnings"), \(summary.notes) \(summary.notes == 1 ? "note" : "notes")) in \(files) of \(fileCount) \(fileCount == 1 ? "file" : "files").\n"
            let fixable = diagnostics.filter { !$0.fixes.isEmpty }.count
            if fixable > 0 { output += "\(fixable) \(fixable == 1 ? "has a fix" : "have fixes") that docgen lint --fix applies (--dry-run shows them).\n" }
        }
        return output
    }

    /// A group's two lines: how many `counted` in how many files, `before` and the summary, the
    /// rule and the fixes available; then where the first is and `hint`.
    private func entry(_ group: DiagnosticGroup, counted: String, before: String, hint: String) -> String {
        let files = Set(group.members.map(\.file)).count
        let first = group.members[0]
        let fixable = group.members.filter { !$0.fixes.isEmpty }.count
        return paint("\(group.members.count) \(counted) in \(files) \(files == 1 ? "file" : "files"):", "1") + " \(before)\(group.summary) "
            + paint("[\(group.ruleID) \(group.alias)]", "2") + (fixable == 0 ? "" : " (\(fixable) with a fix available)") + "\n"
            + "  first at \(first.file):\(first.line):\(first.column); \(hint)\n"
    }

    /// The source line (a window of it around the column when it is long) and a caret.
    private func excerpt(_ characters: ExcerptLine, line number: Int, column: Int) -> String {
        let width = 100
        var start = 0
        if column > width - 20 { start = max(0, min(column - 1 - width / 2, characters.count - width)) }
        let end = min(characters.count, start + width)
        let shown = (start > 0 ? "…" : "") + characters.text(start..<end) + (end < characters.count ? "…" : "")
        let gutter = String(number)
        var text = "  \(gutter) | \(shown)\n"
        if column > 0, column - 1 >= start, column - 1 <= end {
            let offset = column - 1 - start + (start > 0 ? 1 : 0)
            text += "  " + String(repeating: " ", count: gutter.count) + " | " + String(repeating: " ", count: offset) + paint("^", "32") + "\n"
        }
        return text
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// A source line as the excerpt shows it, tabs as spaces, cut by character offsets. An ASCII
/// line is used as it is (a byte is a character); another is split into characters once.
private struct ExcerptLine {
    private let ascii: Substring.UTF8View?
    private let characters: [Character]

    init(_ line: Substring) {
        if line.utf8.allSatisfy({ $0 < 0x80 }) {
            ascii = line.utf8
            characters = []
        } else {
            ascii = nil
            characters = Array(String(line).replacingOccurrences(of: "\t", with: " "))
        }
    }

    var count: Int { ascii?.count ?? characters.count }

    func text(_ range: Range<Int>) -> String {
        guard let ascii else { return String(characters[range]) }
        let from = ascii.index(ascii.startIndex, offsetBy: range.lowerBound), to = ascii.index(from, offsetBy: range.count)
        return String(decoding: ascii[from..<to].map { $0 == 0x09 ? 0x20 : $0 }, as: UTF8.self)
    }
}
