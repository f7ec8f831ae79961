import DocgenCore
import DocgenMarkup
import Foundation

/// Reports encoding damage: UTF-8 text that was once read as Windows-1252 or Latin-1 and saved
/// again, such as `â€™` for `’`, `Ã©` for `é`, `ï»¿` for a byte order mark, and U+FFFD. Code
/// blocks and code spans are skipped; front matter is searched, because titles are published.
public struct Mojibake: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG406", alias: "mojibake",
        summary: "No encoding damage such as â€™ or Ã©",
        severity: .warning, tags: ["drafts", "encoding"],
        rationale: "Text pasted through a tool that guessed the wrong encoding turns every apostrophe and accented letter into two or three odd characters. The file is valid UTF-8, so nothing else notices, and the published page shows 'doesnâ€™t'.",
        bad: "Prometheus as a stand-alone tool doesnâ€™t collect logs.\n",
        good: "Prometheus as a stand-alone tool doesn’t collect logs.\n")

    /// Windows-1252 characters for the bytes 0x80-0x9F; every other byte reads as Latin-1.
    private static let windows1252: [Character: UInt8] = {
        let characters = Array("€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ")
        return Dictionary(uniqueKeysWithValues: characters.enumerated().map { ($0.element, UInt8(0x80 + $0.offset)) })
    }()

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        let sources = DraftSupport.Sources(document, context)
        // Most pages and their includes hold no character damage can start with: then the tree
        // need not be walked for code blocks.
        guard ([document.path] + document.includedFiles).contains(where: { Self.mayHoldDamage(file: sources.lines($0).text) }) else { return [] }
        // The code lines of each file: the page and every include file it pulls in.
        var codeLines: [String: Set<Int>] = [document.path: []]
        document.root.walk(in: document.path) { node, path in
            switch node.kind {
            case .codeBlock: if let range = node.range { codeLines[path, default: []].formUnion(range.start.line...range.end.line) }
            case .includedContent(let included): codeLines[included] = codeLines[included] ?? []
            default: break
            }
        }
        // Invalid UTF-8 decodes to U+FFFD; file-encoding (DG501) reports that file.
        let badEncoding = Set(document.problems.filter { $0.kind == .invalidEncoding }.map(\.path))
        var findings: [Finding] = []
        for (path, skipped) in codeLines.sorted(by: { $0.key < $1.key }) {
            let source = sources.lines(path)
            guard Self.mayHoldDamage(file: source.text) else { continue }
            for (index, line) in source.lines.enumerated() where !skipped.contains(index + 1) {
                for (column, damaged, fixed) in Self.damage(in: line, allowReplacement: badEncoding.contains(path)) {
                    let fix = fixed.map { $0.isEmpty ? "remove it" : "replace it with " + ($0 == "\u{A0}" ? "a no-break space" : "'\($0)'") }
                    findings.append(Finding(
                        path: path, at: SourcePosition(line: index + 1, column: column),
                        "Encoding damage '\(damaged)': text was saved after being read with the wrong encoding; \(fix ?? "retype the character that was meant").",
                        suggestion: fixed))
                }
            }
        }
        return findings
    }

    /// The damaged sequences of a line outside code spans: column, text, and repaired text.
    static func damage(in line: Substring, allowReplacement: Bool) -> [(Int, String, String?)] {
        guard mayHoldDamage(line) else { return [] }
        let characters = Array(line)
        let code = CodeSpans.mask(characters)
        var result: [(Int, String, String?)] = []
        var index = 0
        while index < characters.count {
            defer { index += 1 }
            guard !code[index] else { continue }
            let character = characters[index]
            if character == "\u{FFFD}", !allowReplacement {
                if !shownOnPurpose(characters, at: index, line: line) { result.append((index + 1, "\u{FFFD}", nil)) }
            } else if let (length, fixed) = decode(characters, at: index) {
                result.append((index + 1, String(characters[index..<(index + length)]), fixed))
                index += length - 1
            } else if character == "â", index + 1 < characters.count, characters[index + 1] == "€" {
                // The byte 0x9D of '”' has no Windows-1252 character and is often lost.
                result.append((index + 1, "â€", "”"))
                index += 1
            } else if character == "Â", index + 1 < characters.count, characters[index + 1] == " ",
                      index == 0 || !characters[index - 1].isLetter {
                result.append((index + 1, "Â", ""))
            }
        }
        return result
    }

    /// Whether the bytes of `line` hold a character damage can start with, so that only such lines
    /// are split into characters (most non-ASCII text, curly quotes and dashes, holds none): a
    /// UTF-8 lead read as Windows-1252 is one of Â, Ã and à to ï (UTF-8 0xC3 0x..), `Â` and `â`
    /// may also be written with a combining circumflex (0xCC 0x82), and U+FFFD is 0xEF 0xBF 0xBD.
    static func mayHoldDamage(_ line: Substring) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in line.utf8 {
            if byte == 0xC3 || (previous == 0xCC && byte == 0x82) || (beforePrevious == 0xEF && previous == 0xBF && byte == 0xBD) { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// ``mayHoldDamage(_:)`` for a whole file, searched with `memchr` and `memmem` instead of byte
    /// by byte: most files hold no such character at all.
    static func mayHoldDamage(file text: String) -> Bool {
        let lead = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 0xC3, bytes.count) != nil } ?? false
        }
        return lead ?? true || text.containsBytes("\u{302}") || text.containsBytes("\u{FFFD}")
    }

    /// A UTF-8 sequence spelled out in Windows-1252 characters at `index`: its length and text.
    /// A U+FFFD shown as an example: in quotes ('"�"', "“�”") or on a line that names it (the
    /// replacement character, U+FFFD).
    static func shownOnPurpose(_ characters: [Character], at index: Int, line: Substring) -> Bool {
        let quotes: Set<Character> = ["\"", "'", "“", "”", "‘", "’", "«", "»", "`"]
        if index > 0, index + 1 < characters.count, quotes.contains(characters[index - 1]), quotes.contains(characters[index + 1]) { return true }
        let lower = line.lowercased()
        return lower.contains("u+fffd") || lower.contains("replacement character")
    }

    private static func decode(_ characters: [Character], at index: Int) -> (Int, String)? {
        guard let lead = byte(characters[index]) else { return nil }
        // Two-byte leads other than Â and Ã are real letters too often (a German 'ß“').
        let length = lead == 0xC2 || lead == 0xC3 ? 2 : (lead >= 0xE0 && lead <= 0xEF ? 3 : 0)
        guard length > 0, index + length <= characters.count else { return nil }
        var bytes = [lead]
        for next in characters[(index + 1)..<(index + length)] {
            guard let value = byte(next), value >= 0x80, value <= 0xBF else { return nil }
            bytes.append(value)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard !text.contains("\u{FFFD}") else { return nil }
        return (length, text == "\u{FEFF}" ? "" : text)
    }

    private static func byte(_ character: Character) -> UInt8? {
        if let mapped = windows1252[character] { return mapped }
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first, scalar.value >= 0x80, scalar.value <= 0xFF else { return nil }
        return UInt8(scalar.value)
    }
}
