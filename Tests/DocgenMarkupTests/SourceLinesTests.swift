import DocgenMarkup
import Testing

/// The compact line table cuts the lines a split on every kind of line end would give, and says
/// which lines are ASCII, which the column arithmetic relies on.
@Suite struct SourceLinesTests {
    @Test(arguments: [
        ("", [""]),
        ("one", ["one"]),
        ("one\n", ["one", ""]),
        ("one\r\ntwo\rthree\nfour", ["one", "two", "three", "four"]),
        ("\n\r\n\r", ["", "", "", ""]),
        ("a\r\r\nb", ["a", "", "b"]),
        ("é\n日本\r\n👩x", ["é", "日本", "👩x"]),
    ])
    func cutsEveryKindOfLineEnd(_ text: String, _ expected: [String]) {
        let lines = SourceLines(text)
        #expect(lines.map(String.init) == expected)
        #expect(lines.count == expected.count)
        #expect(lines.text == text)
    }

    @Test func marksASCIILines() {
        let lines = SourceLines("plain\ncafé\r\nend")
        #expect(lines.indices.map(lines.isASCII) == [true, false, true])
        #expect(lines.byteBounds(1) == 6..<11)
    }

    @Test func equalWhenEveryLineIs() {
        #expect(SourceLines("a\nb") == SourceLines("a\r\nb"))
        #expect(SourceLines("a\nb") != SourceLines("a\nc"))
        #expect(SourceLines("a\nb") != SourceLines("a\nb\n"))
    }

    @Test func sourceTextColumnsUseTheTable() {
        let text = SourceText("x\r\nsé b")
        #expect(text.line(2) == "sé b")
        #expect(text.characterColumn(line: 2, byteColumn: 5) == 4)
        #expect(text.utf8Offset(line: 2, column: 4) == 4)
        #expect(text.line(3) == "")
    }
}
