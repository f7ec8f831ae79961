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

    /// The byte offset of `position`; a column one past the line's last character is its line
    /// break. Nil when the position is not in the file.
    func offset(of position: SourcePosition) -> Int? {
        guard position.line >= 1, position.line <= lines.count, position.column >= 1 else { return nil }
        let line = lines[position.line - 1]
        var offset = line.start, characters = 1
        while characters < position.column {
            guard offset < line.end else { return nil }
            offset += 1
            while offset < line.end, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            characters += 1
        }
        return offset
    }

    /// The byte range of `span`, nil when it is not in the file or ends before it starts.
    func range(of span: SourceSpan) -> Range<Int>? {
        guard let start = offset(of: span.start), let end = offset(of: span.end), start <= end else { return nil }
        return start..<end
    }
}
