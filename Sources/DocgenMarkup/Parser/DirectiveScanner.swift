/// A Learn construct found by ``DirectiveScanner`` and replaced in the text handed to cmark-gfm.
struct ScannedDirective: Sendable {
    enum Payload: Sendable {
        /// A block triple-colon line (`:::zone pivot="x"`, `:::row-end:::`, complex `:::image`).
        case block(DirectiveAttributes)
        /// A non-complex `:::image` alone on its line; rendered as a paragraph holding the image.
        case imageLine(DirectiveAttributes)
        /// `:::image ...:::` inside a line of text.
        case inlineImage(DirectiveAttributes)
        /// `:::no-loc text="...":::`.
        case noLoc(String)
        /// `[!INCLUDE [title](path)]`, alone on its line (`inline == false`) or within text.
        case include(path: String, title: String, inline: Bool)
        /// The delimiter row of a table past ``MarkupLimits``, kept as text so that cmark-gfm
        /// does not read the table.
        case refusedTableDelimiter
    }

    var payload: Payload
    var position: SourcePosition
    /// The source text the placeholder replaced, restored wherever the placeholder lands in code.
    var original: String
    var placeholder: String
}

/// The first pass over a document body: finds Learn's triple-colon directives and includes, which
/// cmark-gfm knows nothing of, and replaces each with an HTML placeholder of the same line count
/// (a block `<!--dg:N-->` comment or an inline `<dg-N   >` tag padded to the same width), so
/// that cmark-gfm splits paragraphs around them and every other position stays exact.
struct DirectiveScanner {
    /// Directive names that stand alone on their line.
    static let blockNames: Set<String> = [
        "zone", "zone-end", "moniker", "moniker-end", "row", "row-end", "column", "column-end",
        "code", "form", "image-end", "video-end",
    ]

    private(set) var directives: [ScannedDirective] = []
    private(set) var problems: [MarkupProblem] = []
    /// Characters of indentation removed from the start of a line (by 1-based line number): the
    /// content of row, column, zone, moniker and complex-image blocks is Markdown at whatever
    /// indentation it is written, as on Learn, so content indented four columns or more is
    /// dedented to its first line's.
    private(set) var columnShifts: [Int: Int] = [:]
    /// The container directives open at the current line, innermost last, with the indentation
    /// of their first content line once it is seen.
    private var openContainers: [(name: String, indentation: Int?, openingShift: Int)] = []
    /// The indentation removed from the line being scanned, for a container it opens.
    private var currentShift = 0
    /// The indentation the line being scanned had in the file.
    private var currentIndentation = 0
    /// Directives whose content is Markdown that Learn reads at any indentation.
    static let containerNames: Set<String> = ["row", "column", "zone", "moniker", "image"]

    /// Scans `text` (line 1 is the file's first line) and returns the substituted text. Lines are
    /// examined as UTF-8 bytes; only lines that hold `:::` or `[!` outside fenced code, and the
    /// delimiter rows of tables past ``MarkupLimits``, are rebuilt, and the text is returned
    /// untouched when none is.
    mutating func scan(_ text: String) -> String {
        // Where the constructs start, found once over the whole text: most lines hold neither.
        let starts = (text.utf8Offsets(of: ":::") + text.utf8Offsets(of: "[!")).sorted()
        // A table's delimiter row holds a '|'.
        guard !starts.isEmpty || text.containsBytes("|") else { return text }
        var nextStart = 0
        let utf8 = text.utf8
        var output = ""
        var copiedUpTo = utf8.startIndex
        var fence: (byte: UInt8, length: Int)?
        var lineNumber = 0
        var lineStart = utf8.startIndex
        var previousHasText = false
        // The previous line's content after its container markers: a table's header row.
        var previousContent = utf8.startIndex..<utf8.startIndex
        // The last line of the last table measured, whose rows are not measured again.
        var tableEnd = 0
        while lineStart != utf8.endIndex || lineNumber == 0 {
            lineNumber += 1
            let newline = text.utf8Index(of: 0x0A, from: lineStart) ?? utf8.endIndex
            var lineEnd = newline
            if lineEnd != lineStart, utf8[utf8.index(before: lineEnd)] == 0x0D { lineEnd = utf8.index(before: lineEnd) }
            defer { lineStart = newline == utf8.endIndex ? newline : utf8.index(after: newline) }
            // Inside a container directive, the line loses up to the indentation of the
            // container's first content line: indented Markdown there is not a code block.
            var shift = 0
            var indentation = 0
            var probe = lineStart
            while probe != lineEnd, utf8[probe] == 0x20 || utf8[probe] == 0x09 { indentation += 1; probe = utf8.index(after: probe) }
            currentIndentation = indentation
            if !openContainers.isEmpty {
                if probe != lineEnd {
                    let innermost = openContainers[openContainers.count - 1]
                    // Only indentation that would make code (four columns or more) is removed:
                    // less is a list item's continuation, which must stay in its item.
                    func removable(_ base: Int?) -> Int { (base ?? 0) >= 4 ? base! : 0 }
                    if Self.directiveName(text[probe..<lineEnd]) == innermost.name + "-end" {
                        // The end line loses what its opening line lost, so that it stands where
                        // the opening did even after content written at the margin.
                        shift = min(indentation, max(removable(innermost.indentation), innermost.openingShift))
                    } else {
                        let base = innermost.indentation ?? indentation
                        openContainers[openContainers.count - 1].indentation = base
                        shift = min(indentation, removable(base))
                    }
                    if shift > 0 {
                        output += text[copiedUpTo..<lineStart]
                        lineStart = utf8.index(lineStart, offsetBy: shift)
                        copiedUpTo = lineStart
                        columnShifts[lineNumber] = shift
                    }
                }
            }
            currentShift = shift
            // Container prefix: spaces, tabs and '>' markers.
            var contentStart = lineStart
            while contentStart != lineEnd, utf8[contentStart] == 0x20 || utf8[contentStart] == 0x09 || utf8[contentStart] == 0x3E { contentStart = utf8.index(after: contentStart) }
            let first = contentStart != lineEnd ? utf8[contentStart] : 0
            let hasText = contentStart != lineEnd
            defer {
                previousHasText = hasText
                previousContent = contentStart..<lineEnd
            }
            if let open = fence {
                var run = 0
                var probe = contentStart
                while probe != lineEnd, utf8[probe] == open.byte { run += 1; probe = utf8.index(after: probe) }
                if run >= open.length, utf8[probe..<lineEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { fence = nil }
                if newline == utf8.endIndex { break }
                continue
            }
            if first == 0x60 || first == 0x7E {
                var run = 0
                var probe = contentStart
                while probe != lineEnd, utf8[probe] == first { run += 1; probe = utf8.index(after: probe) }
                if run >= 3, first == 0x7E || !utf8[probe..<lineEnd].contains(0x60) {
                    fence = (first, run)
                    if newline == utf8.endIndex { break }
                    continue
                }
            }
            if previousHasText, lineNumber > tableEnd, first == 0x7C || first == 0x3A || first == 0x2D,
               let columns = Self.delimiterRowColumns(utf8[contentStart..<lineEnd]) {
                let rows = Self.rowCount(in: text, from: newline) + 2
                tableEnd = lineNumber + rows - 2
                if columns > MarkupLimits.maximumTableColumns || columns * rows > MarkupLimits.maximumTableCells {
                    // Refused before cmark-gfm sees it: it would pad every row to the header's width.
                    let position = SourcePosition(line: lineNumber, column: text[lineStart..<contentStart].count + shift + 1)
                    problems.append(MarkupProblem(
                        .contentLimit,
                        "This table is \(columns) columns by \(rows) rows (\(columns * rows) cells); docgen reads tables of up to \(MarkupLimits.maximumTableColumns) columns and \(MarkupLimits.maximumTableCells) cells, so its lines are shown as text. Split the table.",
                        at: position))
                    let placeholder = addBlock(.refusedTableDelimiter, original: String(text[contentStart..<lineEnd]), at: position)
                    output += text[copiedUpTo..<lineStart]
                    output += text[lineStart..<contentStart]
                    output += placeholder
                    copiedUpTo = lineEnd
                    if newline == utf8.endIndex { break }
                    continue
                }
                if let header = Self.headerRowCells(utf8[previousContent]), header != columns {
                    let position = SourcePosition(line: lineNumber, column: text[lineStart..<contentStart].count + shift + 1)
                    let delimiterRow = String(text[contentStart..<lineEnd])
                    let fix = Self.delimiterRow(delimiterRow, cells: header).map { replacement in
                        Fix("Give the delimiter row \(header) cells", replacing: SourceSpan(start: position, characters: delimiterRow.count), with: replacement)
                    }
                    problems.append(MarkupProblem(
                        .tableSyntax,
                        "This table's delimiter row has \(columns) cells and its header row \(header), so the table is shown as text; give the delimiter row \(header) cells.",
                        at: position, isError: false, fixes: fix.map { [$0] } ?? []))
                }
            }
            let line = text[lineStart..<lineEnd]
            let lineStartOffset = utf8.distance(from: utf8.startIndex, to: lineStart)
            while nextStart < starts.count, starts[nextStart] < lineStartOffset { nextStart += 1 }
            // Neither pattern holds a line break, so an occurrence starting on the line lies in it.
            if nextStart < starts.count, starts[nextStart] < utf8.distance(from: utf8.startIndex, to: lineEnd) {
                let prefixLength = text[lineStart..<contentStart].count
                let position = SourcePosition(line: lineNumber, column: prefixLength + shift + 1)
                let replacement = scanBlock(text[contentStart..<lineEnd], at: position).map { String(text[lineStart..<contentStart]) + $0 }
                    ?? scanInline(line, lineNumber: lineNumber, columnShift: shift)
                if replacement != line {
                    output += text[copiedUpTo..<lineStart]
                    output += replacement
                    copiedUpTo = lineEnd
                }
            }
            if newline == utf8.endIndex { break }
        }
        guard copiedUpTo != utf8.startIndex else { return text }
        output += text[copiedUpTo...]
        return output
    }

    /// The number of columns of a GFM table delimiter row (`| --- | :-: |`), or nil when `row`
    /// is not one. A row without a '|' is a thematic break or a setext underline, not a table.
    static func delimiterRowColumns(_ row: Substring.UTF8View) -> Int? {
        var columns = 0
        var pipes = 0
        var dashes = 0
        var segmentHasText = false
        for byte in row {
            switch byte {
            case 0x7C:
                pipes += 1
                if segmentHasText {
                    guard dashes > 0 else { return nil }
                    columns += 1
                }
                dashes = 0
                segmentHasText = false
            case 0x2D: dashes += 1; segmentHasText = true
            case 0x3A: segmentHasText = true
            case 0x20, 0x09: break
            default: return nil
            }
        }
        if segmentHasText {
            guard dashes > 0 else { return nil }
            columns += 1
        }
        return pipes > 0 && columns > 0 ? columns : nil
    }

    /// How many lines follow the line ending at `newline` before a blank line or a code fence:
    /// at least the rows of a table whose delimiter row ends there.
    static func rowCount(in text: String, from newline: String.Index) -> Int {
        let utf8 = text.utf8
        var rows = 0
        var lineStart = newline == utf8.endIndex ? newline : utf8.index(after: newline)
        while lineStart != utf8.endIndex {
            let lineEnd = text.utf8Index(of: 0x0A, from: lineStart) ?? utf8.endIndex
            var content = lineStart
            while content != lineEnd, utf8[content] == 0x20 || utf8[content] == 0x09 || utf8[content] == 0x3E || utf8[content] == 0x0D {
                content = utf8.index(after: content)
            }
            if content == lineEnd { break }
            if utf8[content] == 0x60 || utf8[content] == 0x7E, utf8[content...].starts(with: [utf8[content], utf8[content], utf8[content]]) { break }
            rows += 1
            lineStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
        }
        return rows
    }

    /// Handles a line whose content (after container markers) is a block construct.
    private mutating func scanBlock(_ rest: Substring, at position: SourcePosition) -> String? {
        if rest.hasPrefix(":::") {
            guard let parsed = DirectiveAttributes.parse(rest) else { return nil }
            let spaced = rest.dropFirst(3).first == " "
            switch parsed.name {
            case "image", "video":
                if spaced {
                    problems.append(MarkupProblem(
                        .imageDirective,
                        "'::: \(parsed.name)' is not a directive: Learn needs ':::\(parsed.name)' with no space after the colons.",
                        at: position))
                    return nil
                }
                if parsed["type"] == "complex" {
                    trackContainer("image")
                    return addBlock(.block(parsed), original: String(rest), at: position)
                }
                return addBlock(.imageLine(parsed), original: String(rest), at: position)
            case "no-loc":
                return nil
            case let name where Self.blockNames.contains(name):
                trackContainer(name)
                if !parsed.trailingText.isEmpty {
                    problems.append(MarkupProblem(
                        .otherDirective,
                        "Text after the closing ':::' of :::\(name) is ignored; move \"\(parsed.trailingText)\" to its own line.",
                        at: position, isError: false))
                }
                return addBlock(.block(parsed), original: String(rest), at: position)
            default:
                problems.append(MarkupProblem(
                    .unknownDirective,
                    "Unknown directive ':::\(parsed.name)'; Learn renders it as plain text. Known directives: image, video, code, zone, moniker, row, column, form, no-loc.",
                    at: position))
                return nil
            }
        }
        if rest.first == "[", let code = LegacyCodeInclude.parse(rest) {
            return addBlock(.block(code), original: String(rest), at: position)
        }
        if rest.first == "[", let include = IncludeSyntax.match(rest, from: rest.startIndex),
           rest[include.end...].allSatisfy({ $0 == " " || $0 == "\t" }) {
            return addBlock(.include(path: include.path, title: include.title, inline: false), original: String(rest), at: position)
        }
        return nil
    }

    /// Opens a container at `name` (`zone`, `column`, ...), or closes the innermost one at its
    /// `-end` line; an `-end` that closes nothing open changes nothing.
    private mutating func trackContainer(_ name: String) {
        if name.hasSuffix("-end") {
            let opened = String(name.dropLast(4))
            if let index = openContainers.lastIndex(where: { $0.name == opened }) { openContainers.removeSubrange(index...) }
        } else if Self.containerNames.contains(name), !openContainers.isEmpty || currentIndentation < 4 {
            // Indented four spaces outside any container, the line may be in a code block: its
            // content is left as it is.
            openContainers.append((name, nil, currentShift))
        }
    }

    /// The lower-cased name of the triple-colon directive `line` starts with (`column-end`), if any.
    static func directiveName(_ line: Substring) -> String? {
        guard line.hasPrefix(":::") else { return nil }
        let name = line.dropFirst(3).drop { $0 == " " }.prefix { $0.isLetter || $0 == "-" }
        return name.isEmpty ? nil : name.lowercased()
    }

    private mutating func addBlock(_ payload: ScannedDirective.Payload, original: String, at position: SourcePosition) -> String {
        let placeholder = "<!--dg:\(directives.count)-->"
        directives.append(ScannedDirective(payload: payload, position: position, original: original, placeholder: placeholder))
        return placeholder
    }

    /// Replaces inline directives within a line of text with padded inline placeholders.
    private mutating func scanInline(_ line: Substring, lineNumber: Int, columnShift: Int) -> String {
        let characters = Array(line)
        let code = CodeSpans.mask(characters)
        var brackets: LineBrackets?
        var output = ""
        var index = 0
        while index < characters.count {
            if !code[index], let (payload, end) = matchInline(characters, at: index, brackets: &brackets) {
                let original = String(characters[index..<end])
                let tag = "<dg-\(directives.count)"
                guard original.count >= tag.count + 1 else {
                    output.append(characters[index]); index += 1; continue
                }
                let placeholder = tag + String(repeating: " ", count: original.count - tag.count - 1) + ">"
                directives.append(ScannedDirective(
                    payload: payload, position: SourcePosition(line: lineNumber, column: index + columnShift + 1),
                    original: original, placeholder: placeholder))
                output += placeholder
                index = end
            } else {
                output.append(characters[index])
                index += 1
            }
        }
        return output
    }

    private mutating func matchInline(_ chars: [Character], at index: Int, brackets: inout LineBrackets?) -> (ScannedDirective.Payload, Int)? {
        if chars[index] == ":", Self.hasPrefix(chars, at: index, ":::image") || Self.hasPrefix(chars, at: index, ":::video") {
            var end = index + 8
            while end + 2 < chars.count, !(chars[end] == ":" && chars[end + 1] == ":" && chars[end + 2] == ":") { end += 1 }
            end = end + 2 < chars.count ? end + 3 : chars.count
            guard let parsed = DirectiveAttributes.parse(Substring(String(chars[index..<end])), allowSpaceAfterColons: false) else { return nil }
            return (.inlineImage(parsed), end)
        }
        if chars[index] == ":", Self.hasPrefix(chars, at: index, ":::no-loc text=\"") {
            var end = index + 16
            while end < chars.count, chars[end] != "\"" || chars[end - 1] == "\\" { end += 1 }
            guard end + 3 < chars.count + 0 || end + 3 == chars.count, end < chars.count,
                  Self.hasPrefix(chars, at: end + 1, ":::") else { return nil }
            let text = String(chars[(index + 16)..<end]).replacingOccurrences(of: "\\\"", with: "\"")
            return (.noLoc(text), end + 4)
        }
        if chars[index] == "[", index + 1 < chars.count, chars[index + 1] == "!" {
            // Found once per line: copying the rest of the line at every `[!` was quadratic.
            if brackets == nil { brackets = LineBrackets(chars) }
            if let include = IncludeSyntax.match(chars, at: index, brackets: brackets!) {
                return (.include(path: include.path, title: include.title, inline: true), include.end)
            }
        }
        return nil
    }

    private static func hasPrefix(_ chars: [Character], at index: Int, _ prefix: String) -> Bool {
        var i = index
        for character in prefix {
            guard i < chars.count, chars[i].lowercased() == String(character) else { return false }
            i += 1
        }
        return true
    }
}

/// Recognises `[!INCLUDE [title](path)]` as DocFX does: case-insensitive `[!include`, an optional
/// legacy `+`/`-`, optional space, then a link and the closing bracket.
enum IncludeSyntax {
    static func match(_ text: Substring, from start: Substring.Index) -> (title: String, path: String, end: Substring.Index)? {
        let keyword = "[!include"
        guard text[start...].prefix(keyword.count).lowercased() == keyword else { return nil }
        var index = text.index(start, offsetBy: keyword.count)
        if index < text.endIndex, text[index] == "+" || text[index] == "-" { index = text.index(after: index) }
        while index < text.endIndex, text[index] == " " { index = text.index(after: index) }
        guard index < text.endIndex, text[index] == "[" else { return nil }
        index = text.index(after: index)
        let titleStart = index
        var depth = 0
        while index < text.endIndex, !(text[index] == "]" && depth == 0) {
            if text[index] == "[" { depth += 1 }
            if text[index] == "]" { depth -= 1 }
            index = text.index(after: index)
        }
        guard index < text.endIndex else { return nil }
        let title = String(text[titleStart..<index])
        index = text.index(after: index)
        guard index < text.endIndex, text[index] == "(" else { return nil }
        index = text.index(after: index)
        let pathStart = index
        while index < text.endIndex, text[index] != ")" { index = text.index(after: index) }
        guard index < text.endIndex else { return nil }
        var path = String(text[pathStart..<index]).trimmingSpaces
        if path.hasPrefix("<"), path.hasSuffix(">") { path = String(path.dropFirst().dropLast()) }
        if let space = path.firstIndex(of: " ") { path = String(path[..<space]) }
        index = text.index(after: index)
        guard index < text.endIndex, text[index] == "]" else { return nil }
        return (title, path, text.index(after: index))
    }
}

extension IncludeSyntax {
    /// ``match(_:from:)`` on the characters of a line, at `start`, in time independent of the
    /// line's length: the title's closing bracket and the path's closing parenthesis come from
    /// `brackets` instead of a scan of the rest of the line.
    static func match(_ chars: [Character], at start: Int, brackets: LineBrackets) -> (title: String, path: String, end: Int)? {
        let keyword = "[!include"
        guard start + keyword.count <= chars.count,
              zip(chars[start..<(start + keyword.count)], keyword).allSatisfy({ $0.lowercased() == String($1) }) else { return nil }
        var index = start + keyword.count
        if index < chars.count, chars[index] == "+" || chars[index] == "-" { index += 1 }
        while index < chars.count, chars[index] == " " { index += 1 }
        guard index < chars.count, chars[index] == "[", let titleEnd = brackets.closing(of: index) else { return nil }
        let open = titleEnd + 1
        guard open < chars.count, chars[open] == "(", let close = brackets.parenthesis(after: open) else { return nil }
        guard close + 1 < chars.count, chars[close + 1] == "]" else { return nil }
        var path = String(chars[(open + 1)..<close]).trimmingSpaces()
        if path.hasPrefix("<"), path.hasSuffix(">") { path = String(path.dropFirst().dropLast()) }
        if let space = path.firstIndex(of: " ") { path = String(path[..<space]) }
        return (String(chars[(index + 1)..<titleEnd]), path, close + 2)
    }
}

/// The brackets of one line, found in one pass: where each `[` is closed (the first `]` that
/// brings the bracket depth counted from it back to zero) and where the next `)` is.
struct LineBrackets {
    private var closingBracket: [Int32]
    private var nextParenthesis: [Int32]

    init(_ chars: [Character]) {
        closingBracket = [Int32](repeating: -1, count: chars.count)
        nextParenthesis = [Int32](repeating: -1, count: chars.count)
        var open: [Int32] = []
        for (index, character) in chars.enumerated() {
            if character == "[" {
                open.append(Int32(index))
            } else if character == "]", let opener = open.popLast() {
                closingBracket[Int(opener)] = Int32(index)
            }
        }
        var next: Int32 = -1
        for index in chars.indices.reversed() {
            if chars[index] == ")" { next = Int32(index) }
            nextParenthesis[index] = next
        }
    }

    /// The index of the `]` that closes the `[` at `index`.
    func closing(of index: Int) -> Int? {
        closingBracket[index] >= 0 ? Int(closingBracket[index]) : nil
    }

    /// The index of the first `)` after `index`.
    func parenthesis(after index: Int) -> Int? {
        index + 1 < nextParenthesis.count && nextParenthesis[index + 1] >= 0 ? Int(nextParenthesis[index + 1]) : nil
    }
}

/// Backtick code spans within one line, where Markdown and directives are literal text.
public enum CodeSpans {
    /// Marks the characters of `chars` that lie inside a code span (backticks included). A run of
    /// backticks opens a span closed by the next run of the same length; a run with no such
    /// partner is literal. Linear: the runs are listed once, and the partner of each opener is
    /// found through a cursor per run length that only moves forward (searching the rest of the
    /// line from every unclosed run was quadratic on lines of unmatched backticks).
    public static func mask(_ chars: [Character]) -> [Bool] {
        var mask = [Bool](repeating: false, count: chars.count)
        var runs: [(start: Int, length: Int)] = []
        var index = 0
        while index < chars.count {
            guard chars[index] == "`" else { index += 1; continue }
            var run = 0
            while index + run < chars.count, chars[index + run] == "`" { run += 1 }
            runs.append((index, run))
            index += run
        }
        guard runs.count > 1 else { return mask }
        // For each length, the runs of that length in order, and how far the search has come.
        var runsOfLength: [Int: [Int]] = [:]
        for (number, run) in runs.enumerated() { runsOfLength[run.length, default: []].append(number) }
        var cursor: [Int: Int] = [:]
        var number = 0
        while number < runs.count {
            let length = runs[number].length
            let candidates = runsOfLength[length]!
            var position = cursor[length] ?? 0
            while position < candidates.count, candidates[position] <= number { position += 1 }
            cursor[length] = position
            guard position < candidates.count else { number += 1; continue }
            let closer = candidates[position]
            for i in runs[number].start..<(runs[closer].start + length) { mask[i] = true }
            number = closer + 1
        }
        return mask
    }
}
