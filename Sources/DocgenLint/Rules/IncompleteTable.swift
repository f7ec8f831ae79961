import DocgenCore
import DocgenMarkup

/// Reports half-filled tables: a column empty in every body row, a body row with nothing past
/// its first cell (unless that cell is a bold or italic label for the rows below it), and a row
/// with fewer cells than the header (unless only the last cell is left out and that column is
/// optional: Notes, Remarks, Comments). In a support matrix of check and cross marks a blank
/// means "no": only its empty notes column is reported. cmark-gfm pads short rows, so
/// cells are counted in the source line, with `\|` and pipes inside code spans not splitting.
public struct IncompleteTable: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG404", alias: "incomplete-table",
        summary: "Tables have every column and row filled in",
        severity: .warning, tags: ["drafts", "tables"],
        rationale: "A column nobody filled in, or a row with only its first cell, is a table the author planned and did not finish. The published page shows empty cells where the reader looks for the answer.",
        bad: "| Category | Enable? | Destination |\n|---|---|---|\n| kube-audit | Enable | Azure storage |\n| guard | | |\n",
        good: "| Category | Enable? | Destination |\n|---|---|---|\n| kube-audit | Enable | Azure storage |\n| guard | Enable if Microsoft Entra ID is enabled | Log Analytics workspace |\n")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        let sources = DraftSupport.Sources(document, context)
        var findings: [Finding] = []
        document.root.walk(in: document.path) { node, path in
            guard case .table(let alignments) = node.kind else { return }
            findings += check(node, columns: alignments.count, path, sources.lines(path))
        }
        return findings
    }

    struct Cell {
        var text: String
        var column: Int
    }

    private func check(_ table: MarkupNode, columns: Int, _ path: String, _ lines: SourceText) -> [Finding] {
        guard let header = table.children.first, let headerStart = header.start else { return [] }
        let headerCells = Self.cells(lines.line(headerStart.line), from: headerStart.column)
        let body = table.children.dropFirst().compactMap { row -> (SourcePosition, [Cell])? in
            guard let start = row.start else { return nil }
            return (start, Self.cells(lines.line(start.line), from: start.column))
        }
        guard columns > 1, !body.isEmpty else { return [] }
        // In a support matrix of ✅ and ❌ a blank cell is an answer (not supported, not validated
        // yet); only a notes column nobody wrote in is still a leftover.
        let isMatrix = body.contains { $0.1.dropFirst().contains { Self.isMatrixMark($0.text) } }
        let isNotes = { (column: Int) in
            column < headerCells.count && ["note", "remark", "comment"].contains { headerCells[column].text.lowercased().contains($0) }
        }
        let blank = { (cells: [Cell], column: Int) in column >= cells.count || cells[column].text.isEmpty }
        // With one body row, the row finding says it all; a column needs two rows to be "never filled".
        let emptyColumns = body.count < 2 ? [] : (1..<columns).filter { column in body.allSatisfy { blank($0.1, column) } }
        var findings: [Finding] = []
        for column in emptyColumns where !isMatrix || isNotes(column) {
            let cell = column < headerCells.count ? headerCells[column] : nil
            let name = cell?.text ?? ""
            let at = SourcePosition(line: headerStart.line, column: cell?.column ?? headerStart.column)
            findings.append(Finding(path: path, at: at, "Column \(column + 1)\(name.isEmpty ? "" : " '\(name)'") is empty in every row; fill it in or remove the column."))
        }
        // A last column of notes, remarks or comments is optional: rows without one leave it out.
        let optionalLast = isNotes(columns - 1)
        for (start, cells) in body {
            let open = (1..<columns).filter { !emptyColumns.contains($0) }
            guard !open.isEmpty else { continue }
            let first = cells.first?.text ?? ""
            // In a two-column table a blank value can mean "none" (a command without output).
            if columns > 2, open.allSatisfy({ blank(cells, $0) }) {
                if isMatrix { continue }
                // "| **Hardware requirements** | | |" labels the group of rows below it.
                if Self.isGroupLabel(first) { continue }
                let label = first.isEmpty ? "" : " '\(first)'"
                findings.append(Finding(path: path, at: start, "Row\(label) has nothing past its first cell; fill in the row or remove it."))
            } else if cells.count < columns, open.contains(where: { $0 >= cells.count }) {
                // Only the optional last cell left out: Learn renders it as the blank it is in other rows.
                if cells.count == columns - 1, optionalLast { continue }
                findings.append(Finding(path: path, at: start, "Row has \(cells.count) of the table's \(columns) cells; add the missing cells."))
            }
        }
        return findings
    }

    /// Check and cross marks that make a table a support matrix.
    static let matrixMarks: Set<Unicode.Scalar> = ["\u{2705}", "\u{274C}", "\u{274E}", "\u{2713}", "\u{2714}", "\u{2717}", "\u{2718}", "\u{2611}", "\u{26D4}"]

    /// Whether a cell holds a check or cross mark ("✅", "Validated ✅", "✔️").
    static func isMatrixMark(_ text: String) -> Bool {
        // Every mark is outside ASCII: an ASCII cell, most of them, is ruled out without hashing
        // each of its scalars, which was a third of this rule's time.
        text.utf8.contains { $0 >= 0x80 } && text.unicodeScalars.contains { matrixMarks.contains($0) }
    }

    /// Whether a first cell is wholly bold or italic: a label for the rows under it.
    static func isGroupLabel(_ text: String) -> Bool {
        for mark in ["**", "__", "*", "_"] where text.count > 2 * mark.count && text.hasPrefix(mark) && text.hasSuffix(mark) {
            return !text.dropFirst(mark.count).dropLast(mark.count).contains(mark)
        }
        return false
    }

    /// Splits a table row's source line into trimmed cells with their 1-based columns.
    static func cells(_ line: Substring, from startColumn: Int) -> [Cell] {
        // Scalars, not Characters: columns count scalars, and grapheme breaking is slow.
        // Most rows are ASCII: then a scalar's offset is its byte offset, and no list of
        // positions is needed to cut cell text from the line.
        let isASCII = line.utf8.allSatisfy { $0 < 0x80 }
        let characters = isASCII ? line.utf8.map { Unicode.Scalar($0) } : Array(line.unicodeScalars)
        // Where each scalar starts, and the end: cell text is cut from the line, not rebuilt.
        var positions = isASCII ? [] : Array(line.unicodeScalars.indices)
        positions.append(line.endIndex)
        func position(_ offset: Int) -> String.Index {
            isASCII ? line.utf8.index(line.startIndex, offsetBy: offset) : positions[offset]
        }
        var index = max(startColumn - 1, 0)
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
        if index < characters.count, characters[index] == "|" { index += 1 }
        var cells: [Cell] = []
        var cellStart = index
        func close(_ end: Int) {
            var from = cellStart, to = end
            while from < to, characters[from].isWhitespace { from += 1 }
            while to > from, characters[to - 1].isWhitespace { to -= 1 }
            cells.append(Cell(text: String(line[position(from)..<position(to)]), column: from + 1))
        }
        while index < characters.count {
            switch characters[index] {
            case "\\":
                index += 2
            case "`":
                // A code span runs to the next backtick run of the same length, pipes and all.
                var run = 0
                while index + run < characters.count, characters[index + run] == "`" { run += 1 }
                var probe = index + run
                var closing: Int?
                while probe < characters.count, closing == nil {
                    var other = 0
                    while probe + other < characters.count, characters[probe + other] == "`" { other += 1 }
                    if other == run { closing = probe + other } else { probe += max(other, 1) }
                }
                index = closing ?? index + run
            case "|":
                close(index)
                index += 1
                cellStart = index
            default:
                index += 1
            }
        }
        // A trailing pipe ends the row; otherwise the text after the last pipe is a cell.
        if !characters[min(cellStart, characters.count)...].allSatisfy(\.isWhitespace) { close(characters.count) }
        return cells
    }
}
