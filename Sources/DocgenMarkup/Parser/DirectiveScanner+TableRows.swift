extension DirectiveScanner {
    /// The number of cells of a table's header row as GFM splits it (on pipes not escaped with a
    /// backslash, a leading and a trailing pipe left out), or nil when `row` holds no pipe: a
    /// line without one is prose, not a header written for a table.
    static func headerRowCells(_ row: Substring.UTF8View) -> Int? {
        var pipes = 0
        var escaped = false
        for byte in row {
            if byte == 0x7C, !escaped { pipes += 1 }
            escaped = byte == 0x5C && !escaped
        }
        guard pipes > 0 else { return nil }
        let content = row.drop { $0 == 0x20 || $0 == 0x09 }
        var trimmed = content[...]
        while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
        let leading = trimmed.first == 0x7C ? 1 : 0
        // A trailing pipe, unless it is the leading one or escaped.
        let beforeLast = trimmed.count >= 2 ? trimmed[trimmed.index(trimmed.endIndex, offsetBy: -2)] : 0
        let trailing = trimmed.count >= 2 && trimmed.last == 0x7C && beforeLast != 0x5C ? 1 : 0
        let cells = pipes + 1 - leading - trailing
        return cells > 0 ? cells : nil
    }

    /// `row`, a delimiter row, with `cells` cells: its own cells (and their alignments) first,
    /// then `---` for each cell it lacks; its outer pipes as written, and both when it has none
    /// and one cell (a lone `---` would be a thematic break). Nil when it has no cell.
    static func delimiterRow(_ row: String, cells count: Int) -> String? {
        let trimmed = row.trimmingSpaces()
        var cells = trimmed.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        let leading = trimmed.hasPrefix("|"), trailing = trimmed.count > 1 && trimmed.hasSuffix("|")
        if leading { cells.removeFirst() }
        if trailing { cells.removeLast() }
        guard !cells.isEmpty, count > 0 else { return nil }
        let kept = Array(cells.prefix(count)) + Array(repeating: "---", count: max(0, count - cells.count))
        let outer = leading || trailing || count == 1
        return (outer ? "| " : "") + kept.joined(separator: " | ") + (outer ? " |" : "")
    }
}
