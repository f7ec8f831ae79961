/// The text of a file split into lines, for mapping byte columns to character columns and for
/// showing a source line under a diagnostic.
public struct SourceText: Sendable {
    /// The lines of the file without their line terminators (`\n`, `\r\n` or `\r`).
    public let lines: [Substring]

    /// Splits `text` into lines.
    public init(_ text: String) {
        var result: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\n" || character == "\r\n" || character == "\r" {
                result.append(text[start..<index])
                index = text.index(after: index)
                start = index
            } else {
                index = text.index(after: index)
            }
        }
        result.append(text[start..<text.endIndex])
        lines = result
    }

    /// The line with the given 1-based number, or an empty string when out of range.
    public func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lines.count else { return "" }
        return lines[number - 1]
    }

    /// Converts a 1-based UTF-8 byte column on `line` into a 1-based character column.
    public func characterColumn(line number: Int, byteColumn: Int) -> Int {
        guard byteColumn > 1 else { return max(byteColumn, 1) }
        let utf8 = line(number).utf8
        var bytes = 0
        var characters = 0
        for scalarCharacter in line(number) {
            let width = String(scalarCharacter).utf8.count
            if bytes + width > byteColumn - 1 { break }
            bytes += width
            characters += 1
        }
        if bytes < byteColumn - 1, bytes >= utf8.count {
            characters += (byteColumn - 1) - bytes
        }
        return characters + 1
    }
}
