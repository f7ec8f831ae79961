/// The text of a file split into lines, for mapping byte columns to character columns and for
/// showing a source line under a diagnostic.
public struct SourceText: Sendable {
    /// The lines of the file without their line terminators (`\n`, `\r\n` or `\r`).
    public let lines: SourceLines
    /// For each long line that is not pure ASCII (by 0-based index), the number of characters
    /// before every ``markStride``-th byte, so that a column is counted from the nearest mark
    /// instead of from the start of the line for every node on it.
    private let columnMarks: [Int: [Int32]]
    private static let markStride = 64
    /// Characters removed from the start of lines (by 1-based line number) before this text was
    /// made from the file's: added back to every column, so positions stay the file's.
    public var columnShifts: [Int: Int] = [:]

    /// The whole text the lines were cut from, without copying it: for a search of the file,
    /// which is one `memmem` instead of one per line.
    public var text: String { lines.text }

    /// Splits `text` into lines (scanning UTF-8 bytes; `\r\n` and `\r` end lines too).
    public init(_ text: String) {
        let lines = SourceLines(text)
        var marks: [Int: [Int32]] = [:]
        var text = text
        text.withUTF8 { bytes in
            for number in lines.indices where !lines.isASCII(number) {
                let bounds = lines.byteBounds(number)
                guard bounds.count > Self.markStride else { continue }
                var lineMarks: [Int32] = []
                lineMarks.reserveCapacity(bounds.count / Self.markStride + 1)
                var characters: Int32 = 0
                for offset in bounds {
                    if (offset - bounds.lowerBound) % Self.markStride == 0 { lineMarks.append(characters) }
                    if bytes[offset] & 0xC0 != 0x80 { characters += 1 }
                }
                marks[number] = lineMarks
            }
        }
        self.lines = lines
        columnMarks = marks
    }

    /// The line with the given 1-based number, or an empty string when out of range.
    public func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lines.count else { return "" }
        return lines[number - 1]
    }

    /// Converts a 1-based UTF-8 byte column on `line` into a 1-based character column.
    public func characterColumn(line number: Int, byteColumn: Int) -> Int {
        guard let shift = columnShifts[number] else { return unshiftedColumn(line: number, byteColumn: byteColumn) }
        return unshiftedColumn(line: number, byteColumn: byteColumn) + shift
    }

    /// The 0-based UTF-8 offset in line `number` of the 1-based character `column` (the file's
    /// own column, without ``columnShifts``); the line's length for the column just past its
    /// end, nil past that. Counted from the nearest mark, so it does not grow with the line.
    public func utf8Offset(line number: Int, column: Int) -> Int? {
        guard number >= 1, number <= lines.count, column >= 1 else { return nil }
        if lines.isASCII(number - 1) { return column - 1 <= lines.byteBounds(number - 1).count ? column - 1 : nil }
        let utf8 = lines[number - 1].utf8
        let target = column - 1
        var characters = 0, bytes = 0
        if let marks = columnMarks[number - 1] {
            // The last mark at or before the character: marks count characters before each stride.
            var low = 0, high = marks.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if Int(marks[middle]) <= target { low = middle } else { high = middle - 1 }
            }
            characters = Int(marks[low])
            bytes = low * Self.markStride
            // A mark may fall inside a character, which it counts: step back to its first byte.
            var index = utf8.index(utf8.startIndex, offsetBy: bytes)
            if bytes > 0, utf8[index] & 0xC0 == 0x80 {
                while utf8[index] & 0xC0 == 0x80 { bytes -= 1; index = utf8.index(before: index) }
                characters -= 1
            }
        }
        var index = utf8.index(utf8.startIndex, offsetBy: bytes)
        while characters < target {
            guard index != utf8.endIndex else { return nil }
            index = utf8.index(after: index)
            bytes += 1
            while index != utf8.endIndex, utf8[index] & 0xC0 == 0x80 { index = utf8.index(after: index); bytes += 1 }
            characters += 1
        }
        return bytes
    }

    private func unshiftedColumn(line number: Int, byteColumn: Int) -> Int {
        guard byteColumn > 1, number >= 1, number <= lines.count, !lines.isASCII(number - 1) else { return max(byteColumn, 1) }
        // Count the scalars that start before the byte column (UTF-8 continuation bytes are
        // 0b10xxxxxx), from the nearest mark; combining marks are rare enough in docs to count
        // as characters.
        let target = byteColumn - 1
        var characters = 0
        var bytes = 0
        if let marks = columnMarks[number - 1] {
            let mark = min(target / Self.markStride, marks.count - 1)
            characters = Int(marks[mark])
            bytes = mark * Self.markStride
        }
        let utf8 = lines[number - 1].utf8
        var index = utf8.index(utf8.startIndex, offsetBy: bytes)
        while bytes < target, index != utf8.endIndex {
            if utf8[index] & 0xC0 != 0x80 { characters += 1 }
            bytes += 1
            index = utf8.index(after: index)
        }
        return characters + (target - bytes) + 1
    }
}
