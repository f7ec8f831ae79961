import DocgenCore
import DocgenMarkup
import Testing

struct CacheCodingTests {
    private let diagnostics = [
        Diagnostic(
            ruleID: "DG101", alias: "broken-link", severity: .error, file: "docs/a.md", line: 12, column: 7,
            end: SourcePosition(line: 12, column: 30), message: "Link target 'b.md' does not exist; fix the path or remove the link.",
            suggestion: "c.md", notes: ["b.md was renamed", "🚧 não"],
            fixes: [Fix(summary: "Link to c.md", edits: [TextEdit(range: SourceSpan(start: SourcePosition(line: 12, column: 15), end: SourcePosition(line: 12, column: 19)), replacement: "c.md")])]),
        Diagnostic(ruleID: "DG101", alias: "broken-link", severity: .warning, file: "docs/a.md", line: 0, column: 0, message: ""),
        Diagnostic(ruleID: "DG003", alias: "ms-date-stale", severity: .note, file: "docs/日本.md", line: 1_000_000_000_000, column: -3, message: "x\0y"),
    ]

    private func encoded(_ values: [Diagnostic]) -> [UInt8] {
        var writer = CacheWriter()
        writer.write(values)
        return writer.bytes
    }

    private func decoded(_ bytes: [UInt8]) throws(CacheReader.Malformed) -> [Diagnostic] {
        var reader = CacheReader(bytes)
        let values = try reader.list(of: Diagnostic.self)
        guard reader.isAtEnd else { throw CacheReader.Malformed() }
        return values
    }

    @Test func findingsComeBackAsTheyWereWritten() throws {
        #expect(try decoded(encoded(diagnostics)) == diagnostics)
        #expect(try decoded(encoded([])) == [])
    }

    @Test func canonicallyEqualStringsKeepTheirOwnBytes() throws {
        // "café" with é as one scalar and as e and a combining accent: equal as Strings, not as bytes.
        let composed = Diagnostic(ruleID: "DG101", alias: "broken-link", severity: .error, file: "caf\u{E9}.md", line: 1, column: 1, message: "caf\u{E9}")
        let decomposed = Diagnostic(ruleID: "DG101", alias: "broken-link", severity: .error, file: "cafe\u{301}.md", line: 1, column: 1, message: "cafe\u{301}")
        let back = try decoded(encoded([composed, decomposed]))
        #expect(back.map { Array($0.file.utf8) } == [Array("caf\u{E9}.md".utf8), Array("cafe\u{301}.md".utf8)])
        #expect(back.map { Array($0.message.utf8) } == [Array("caf\u{E9}".utf8), Array("cafe\u{301}".utf8)])
    }

    @Test func aRepeatedStringIsWrittenOnce() {
        let once = encoded([diagnostics[1]]).count
        let twice = encoded([diagnostics[1], diagnostics[1]]).count
        // The second finding is its strings' numbers and its numbers: one byte each.
        #expect(twice - once == 12)
    }

    @Test func everyCutOrFlippedEntryIsRefusedWithoutACrash() {
        let bytes = encoded(diagnostics)
        for length in 0..<bytes.count {
            #expect(throws: CacheReader.Malformed.self) { try decoded(Array(bytes.prefix(length))) }
        }
        // A count larger than the bytes left, and a string number never written.
        #expect(throws: CacheReader.Malformed.self) { try decoded([0xFE, 0xFF, 0xFF, 0xFF, 0x0F]) }
        #expect(throws: CacheReader.Malformed.self) { try decoded([2, 9]) }
        #expect(throws: CacheReader.Malformed.self) { try decoded(Array(repeating: 0xFF, count: 20)) }
        for index in bytes.indices {
            var flipped = bytes
            flipped[index] ^= 0xFF
            _ = try? decoded(flipped)
        }
    }
}
