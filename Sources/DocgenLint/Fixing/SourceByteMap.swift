import DocgenMarkup

/// Maps the lines and character columns of diagnostics back to byte offsets in a file's own
/// bytes: after a byte order mark, with `\n`, `\r\n` and `\r` ending lines as ``SourceText``
/// splits them, and columns counting Unicode scalars.
struct SourceByteMap {
    private let bytes: [UInt8]
    /// For each line, the offset of its first byte and of its line break (or the end).
    private var lines: [(start: Int, end: Int)] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append((lineStart, index))
                index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                lineStart = index
            } else {
                index += 1
            }
        }
        lines.append((lineStart, bytes.count))
    }

    /// 1-based line of the byte `offset`.
    func line(containing offset: Int) -> Int {
        var low = 0, high = lines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lines[middle].start <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The offset of the first byte of 1-based line `number`, or the end for the line after the last.
    func lineStart(_ number: Int) -> Int? {
        guard number >= 1 else { return nil }
        if number == lines.count + 1 { return bytes.count }
        return number <= lines.count ? lines[number - 1].start : nil
    }

    /// The byte offsets of `positions` (nil for those not in the file), found in one pass over
    /// each line they are on rather than one per position: a line can hold thousands of edits.
    func offsets(of positions: [SourcePosition]) -> [SourcePosition: Int] {
        var result: [SourcePosition: Int] = [:]
        var current: (line: Int, column: Int, offset: Int)?
        for position in Set(positions).sorted() {
            guard position.line >= 1, position.line <= lines.count, position.column >= 1 else { continue }
            let line = lines[position.line - 1]
            var (column, offset) = current.map { $0.line == position.line ? ($0.column, $0.offset) : (1, line.start) } ?? (1, line.start)
            var found = true
            while column < position.column {
                guard offset < line.end else { found = false; break }
                offset += 1
                while offset < line.end, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                column += 1
            }
            current = (position.line, column, offset)
            if found { result[position] = offset }
        }
        return result
    }
}
