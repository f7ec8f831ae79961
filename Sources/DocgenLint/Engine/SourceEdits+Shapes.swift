import Foundation
import DocgenCore
import DocgenMarkup

/// The source shapes the fixable rules edit, each checked in the file's lines before an edit is
/// made: a rule passes what it found, and gets a span only when the source says exactly that.
extension SourceEdits {
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
    }

    private static func equalIgnoringCase(_ left: ArraySlice<Unicode.Scalar>, _ right: String) -> Bool {
        String(String.UnicodeScalarView(left)).lowercased() == right.lowercased()
    }

    /// For a word at `position` that repeats the word before it (`previous`) across spaces or tabs
    /// on the same line: the span from the end of the first word to the end of the second, whose
    /// deletion keeps the first as written. Only a certain slip: the same spelling ("the the"), or
    /// a capital that starts a sentence ("The the"); "Spring Apps apps" names a product's apps.
    public func repeatSpan(of word: String, at position: SourcePosition, after previous: String) -> SourceSpan? {
        let second = Array(word.unicodeScalars), first = previous.unicodeScalars.count
        // The words, the blanks between them (at most 64) and the character on either side.
        let (column, line) = window(position.line, from: position.column - first - 66, count: first + second.count + 68)
        let start = position.column - column, end = start + second.count
        guard start >= 0, end <= line.count, Array(line[start..<end]) == second else { return nil }
        if end < line.count, Self.isWordScalar(line[end]) { return nil }
        var gap = start
        while gap > 0, line[gap - 1] == " " || line[gap - 1] == "\t" { gap -= 1 }
        let firstStart = gap - first
        guard gap < start, firstStart >= 0, Self.equalIgnoringCase(line[firstStart..<gap], previous) else { return nil }
        if firstStart > 0, Self.isWordScalar(line[firstStart - 1]) || line[firstStart - 1] == "-" { return nil }
        if Array(line[firstStart..<gap]) != second {
            // What stands before the first word decides; blanks past the window's start leave it unknown.
            let before = line[..<firstStart].last { $0 != " " && $0 != "\t" }
            if before == nil, column > 1 { return nil }
            guard before.map({ ".!?:>-*+#|".unicodeScalars.contains($0) }) ?? true else { return nil }
        }
        guard firstStart > 0 || column == 1 else { return nil }
        return SourceSpan(start: SourcePosition(line: position.line, column: column + gap), end: SourcePosition(line: position.line, column: column + end))
    }

    /// Whether `text` (spaces and tabs trimmed) is a bullet or ordered list marker alone.
    private static func isBareListMarker(_ text: Substring) -> Bool {
        let trimmed = text.trimmingCharacters(in: [" ", "\t"])
        if trimmed == "-" || trimmed == "*" || trimmed == "+" { return true }
        guard let last = trimmed.last, last == "." || last == ")" else { return false }
        let digits = trimmed.dropLast()
        return (1...9).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The whole line of an empty list item whose marker stands alone at `position`, when
    /// deleting it leaves the lists and paragraphs around it as they were: the next line is blank,
    /// another list item, or there is none (a paragraph line would otherwise join the item above).
    public func emptyListItemLine(at position: SourcePosition) -> SourceSpan? {
        let line = source.line(position.line)
        guard Self.isBareListMarker(line), line.prefix(while: { $0 == " " || $0 == "\t" }).count == position.column - 1 else { return nil }
        if position.line < source.lines.count {
            let next = source.line(position.line + 1).trimmingCharacters(in: [" ", "\t"])
            let marker = next.prefix { !($0 == " " || $0 == "\t") }
            guard next.isEmpty || Self.isBareListMarker(marker[...]) else { return nil }
        }
        return wholeLine(position.line)
    }

    /// The span of `value` as written after `key:` on `line` of the front matter (in quotes or
    /// not, a comment after it allowed); nil when the line is not in the front matter or says
    /// otherwise (a value inherited from docfx.json, a value over several lines).
    public func frontMatterValue(of key: String, on number: Int, is value: String) -> SourceSpan? {
        guard source.line(1).trimmingCharacters(in: [" ", "\t"]) == "---", number > 1,
              !(2..<number).contains(where: { ["---", "..."].contains(source.line($0).trimmingCharacters(in: [" ", "\t"])) }) else { return nil }
        let line = scalars(number), keyScalars = Array(key.unicodeScalars), valueScalars = Array(value.unicodeScalars)
        guard line.count > keyScalars.count, Array(line[0..<keyScalars.count]) == keyScalars else { return nil }
        var index = keyScalars.count
        while index < line.count, line[index] == " " { index += 1 }
        guard index < line.count, line[index] == ":" else { return nil }
        index += 1
        while index < line.count, line[index] == " " || line[index] == "\t" { index += 1 }
        var quote: Unicode.Scalar?
        if index < line.count, line[index] == "\"" || line[index] == "'" { quote = line[index]; index += 1 }
        let end = index + valueScalars.count
        guard !valueScalars.isEmpty, end <= line.count, Array(line[index..<end]) == valueScalars else { return nil }
        var rest = end
        if let quote {
            guard rest < line.count, line[rest] == quote else { return nil }
            rest += 1
        }
        let tail = String(String.UnicodeScalarView(line[rest...])).trimmingCharacters(in: [" ", "\t"])
        guard tail.isEmpty || tail.hasPrefix("#") && rest < line.count && (line[rest] == " " || line[rest] == "\t") else { return nil }
        return SourceSpan(start: SourcePosition(line: number, column: index + 1), end: SourcePosition(line: number, column: end + 1))
    }

    /// The span of `suffix` (any letter case) with the spaces before it, at the first place after
    /// `position` on its line where it is followed by spaces and then `closing` (`]` ending link
    /// text), or with `closing` nil, by spaces to the end of the line.
    public func suffixSpan(_ suffix: String, from position: SourcePosition, before closing: Unicode.Scalar?) -> SourceSpan? {
        let count = suffix.unicodeScalars.count
        // Link text is short: its search stays in a window from the link's start, so many links on
        // one line stay linear; a line of text has one finding, and is searched to its end.
        let (column, line) = closing == nil ? (1, scalars(position.line)) : window(position.line, from: position.column, count: Self.searchWindow + count + 1)
        var start = closing == nil ? max(position.column - 1, 0) : 0
        let limit = line.count
        while start + count <= limit {
            defer { start += 1 }
            guard start > 0, line[start - 1] == " ", Self.equalIgnoringCase(line[start..<start + count], suffix) else { continue }
            var after = start + count
            while after < line.count, line[after] == " " { after += 1 }
            if let closing { guard after < line.count, line[after] == closing else { continue } } else { guard after == line.count else { continue } }
            var spaces = start
            while spaces > 0, line[spaces - 1] == " " { spaces -= 1 }
            guard spaces > 0, line[spaces - 1] != "[" else { return nil }
            return SourceSpan(start: SourcePosition(line: position.line, column: column + spaces), end: SourcePosition(line: position.line, column: column + start + count))
        }
        return nil
    }
}
