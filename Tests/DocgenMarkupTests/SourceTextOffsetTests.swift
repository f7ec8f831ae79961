import DocgenMarkup
import Testing

/// Character columns back to UTF-8 offsets, as fixes need them, on lines long enough to have
/// column marks and with characters of every UTF-8 length straddling the marks.
@Suite struct SourceTextOffsetTests {
    @Test(arguments: [0, 1, 63, 64, 65, 1_000])
    func matchesCountingFromTheStartOfTheLine(_ asciiPrefix: Int) {
        let line = String(repeating: "a", count: asciiPrefix) + String(repeating: "é日👩x", count: 300)
        let text = SourceText("first\n" + line + "\r\nlast")
        var offset = 0, column = 1
        for scalar in line.unicodeScalars {
            #expect(text.utf8Offset(line: 2, column: column) == offset, "column \(column)")
            offset += String(scalar).utf8.count
            column += 1
        }
        #expect(text.utf8Offset(line: 2, column: column) == line.utf8.count)
        #expect(text.utf8Offset(line: 2, column: column + 1) == nil)
        #expect(text.utf8Offset(line: 1, column: 6) == 5)
        #expect(text.utf8Offset(line: 4, column: 1) == nil)
    }
}
