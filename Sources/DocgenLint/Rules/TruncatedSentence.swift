import DocgenCore
import DocgenMarkup
import Foundation

/// Reports paragraphs and table cells that stop mid-sentence: prose whose last text has no
/// terminal punctuation. Fragments are not sentences: headings, short list items, lead-ins to a
/// list, table or code, short cell values, labels and their values ("Status code: 200 OK"),
/// block quotes (quoted messages), image-only lines, text that ends with a link or code, and
/// command output whose columns are lined up with spaces.
public struct TruncatedSentence: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG401", alias: "truncated-sentence",
        summary: "Paragraphs and table cells end with a finished sentence",
        severity: .warning, tags: ["drafts", "prose"],
        rationale: "A sentence that stops mid-way ('If they prefer Grafana, they may choose') is a draft the author meant to finish. Learn publishes it as it is, and readers cannot guess the rest.",
        bad: "If you already have a Prometheus environment that you want\n",
        good: "If you already have a Prometheus environment that you want to keep, send its data to Azure with remote write.\n",
        options: [
            "min-sentence-words": "4 (shorter paragraphs are labels, not sentences)",
            "dangling-words": "the, a, an, and, or, to, of, for, with, in, on, by, that, is, are, your",
        ])

    /// Words a finished sentence never ends with; list items use only the least ambiguous.
    static let listDanglingWords: Set<String> = ["the", "a", "an", "and", "or", "to", "of", "for", "with", "that", "your"]
    /// Words a table cell never ends with: "the action to jump to" strands a preposition often enough.
    static let cellDanglingWords = listDanglingWords.subtracting(["to"])

    private let minWords: Int
    private let dangling: Set<String>

    public init(options: RuleOptions) {
        minWords = options.int("min-sentence-words", default: 4)
        dangling = Set(options.strings("dangling-words", default: ["the", "a", "an", "and", "or", "to", "of", "for", "with", "in", "on", "by", "that", "is", "are", "your"]).map { $0.lowercased() })
    }

    private enum Place { case paragraph, leadIn, listItem, cell(proseColumn: Bool) }

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        let sources = DraftSupport.Sources(document, context)
        var findings: [Finding] = []
        // Checks a block, or returns its children to visit with the file they came from and
        // whether they are a list item's.
        func visit(_ node: MarkupNode, _ path: String, inListItem: Bool, beforeDisplayBlock: Bool) -> (children: [MarkupNode], context: (path: String, inListItem: Bool))? {
            switch node.kind {
            case .paragraph:
                let place: Place = beforeDisplayBlock ? .leadIn : (inListItem ? .listItem : .paragraph)
                if let finding = check(node, place, path, sources) { findings.append(finding) }
            case .table:
                let rows = node.children.filter { $0.kind == .tableRow(header: false) }
                let styles = rows.map { $0.children.map(Self.style) }
                // Per column, how many cells are finished paragraphs and how many are other multi-word text.
                var tally: [(prose: Int, multiword: Int)] = []
                for row in styles {
                    for (column, style) in row.enumerated() {
                        if column == tally.count { tally.append((0, 0)) }
                        if let style { tally[column].multiword += 1; if style { tally[column].prose += 1 } }
                    }
                }
                for (index, row) in rows.enumerated() {
                    for (column, cell) in row.children.enumerated() {
                        // The column's style without this cell itself.
                        var others = tally[column]
                        if let own = styles[index][column] { others.multiword -= 1; if own { others.prose -= 1 } }
                        let prose = others.multiword > 0 && others.prose * 2 > others.multiword
                        if let finding = check(cell, .cell(proseColumn: prose), path, sources) { findings.append(finding) }
                    }
                }
            case .heading, .codeBlock, .htmlBlock, .blockQuote:
                // A plain block quote quotes: compiler and tool messages, prompts, other texts.
                return nil
            default:
                var childPath = path
                if case .includedContent(let included) = node.kind { childPath = included }
                let isItem = if case .listItem = node.kind { true } else { false }
                return (node.children, (childPath, isItem))
            }
            return nil
        }
        if let top = visit(document.root, document.path, inListItem: false, beforeDisplayBlock: false) {
            MarkupNode.walkDepthFirst(top.children, context: top.context) { siblings, index, context in
                let beforeDisplayBlock = index + 1 < siblings.count && Self.isDisplayBlock(siblings[index + 1])
                return visit(siblings[index], context.path, inListItem: context.inListItem, beforeDisplayBlock: beforeDisplayBlock)
            }
        }
        return findings
    }

    /// Lists, tables, code and images are introduced by a lead-in that need not be a sentence.
    private static func isDisplayBlock(_ node: MarkupNode) -> Bool {
        switch node.kind {
        case .list, .codeBlock, .codeSnippet, .table, .complexImage, .tabGroup, .includedContent, .row: return true
        case .paragraph: return !node.children.contains { DraftSupport.isVisibleInline($0) && !DraftSupport.isImage($0) }
        default: return false
        }
    }

    /// How a cell is written: nil for a short value, else whether it is a finished paragraph of
    /// several sentences. A column is prose when most of its other multi-word cells are such
    /// paragraphs; a column of one-line descriptions may mix styles.
    private static func style(_ cell: MarkupNode) -> Bool? {
        guard let ending = DraftSupport.ending(of: cell) else { return nil }
        let plain = cell.plainText
        guard DraftSupport.wordCount(plain) >= 3 else { return nil }
        return ending.terminated && DraftSupport.sentenceCount(plain) > 1
    }

    /// True for "**Applies to**: Azure CLI", "**Minimum supported server:** Windows Server 2012"
    /// and "`az vm`: Add a command": labelled entries.
    private static func isLabelled(_ visible: [MarkupNode]) -> Bool {
        guard visible.count > 1 else { return false }
        switch visible[0].kind {
        case .strong, .emphasis, .code: break
        default: return false
        }
        if case .text(let after) = visible[1].kind, after.hasPrefix(":") { return true }
        return visible[0].plainText.trimmingWhitespace().hasSuffix(":")
    }

    /// True when the text ends with a short value after a colon ("Status code: 200 OK", "the
    /// output is: Hello Docker World", "Range score: 1-5"): a label and its value, not a sentence
    /// cut off.
    static func endsWithValue(_ plain: String) -> Bool {
        guard let valueStart = lastColonSpace(in: plain) else { return false }
        let value = plain[valueStart...]
        // Most text after a colon is a clause of many words, ruled out by counting them (in bytes).
        guard DraftSupport.wordCount(String(value)) <= 4 else { return false }
        // "192.168.0.0/29" and "v1.2" hold periods; only one that ends a word ends a sentence.
        let endsSentence = value.split(whereSeparator: \.isWhitespace).dropLast().contains { $0.last.map { ".!?".contains($0) } ?? false }
        return !endsSentence
    }

    /// Where the text after the last ": " starts. ASCII text is searched byte by byte; other
    /// text through Foundation, whose search keeps a combining mark with the character before it.
    private static func lastColonSpace(in plain: String) -> String.Index? {
        guard plain.utf8.allSatisfy({ $0 < 0x80 }) else { return plain.range(of: ": ", options: .backwards)?.upperBound }
        let utf8 = plain.utf8
        var index = utf8.endIndex
        var after = utf8.endIndex
        while index > utf8.startIndex {
            utf8.formIndex(before: &index)
            if utf8[index] == UInt8(ascii: ":"), after < utf8.endIndex, utf8[after] == UInt8(ascii: " ") { return utf8.index(after: after) }
            after = index
        }
        return nil
    }

    private func check(_ block: MarkupNode, _ place: Place, _ path: String, _ sources: DraftSupport.Sources) -> Finding? {
        guard let (terminated, last) = DraftSupport.ending(of: block), !terminated, case .text(let value) = last.kind else { return nil }
        // The last row of a table GFM did not take as one (DG307 says why) ends with a pipe.
        if value.trimmingSpaces().hasSuffix("|") { return nil }
        // A paragraph that is all bold or italic is a pseudo-heading, not a sentence.
        let visible = block.children.filter(DraftSupport.isVisibleInline)
        if visible.count == 1, [.strong, .emphasis].contains(visible[0].kind) { return nil }
        if Self.isLabelled(visible) || PastedPageTitle.suffix(of: value, in: PastedPageTitle.defaultSuffixes) != nil { return nil }
        guard let lastWord = DraftSupport.lastWord(value) else { return nil }
        // "opt-in", "sign-in" and "add-on" end with a compound, not a preposition; in a table
        // cell, "the lamp is now on" and "the action to jump to" end with an adverb or a
        // stranded preposition often enough that only the least ambiguous words count there.
        let compound = lastWord.range.lowerBound > value.startIndex && value[value.index(before: lastWord.range.lowerBound)] == "-"
        let danglingHere: Set<String> = if case .cell = place { Self.cellDanglingWords } else { dangling }
        let isDangling = !compound && danglingHere.contains(lastWord.word.lowercased())
        let plain = block.plainText.trimmingWhitespace()
        if !isDangling, Self.endsWithValue(plain) { return nil }
        // ASCII text is searched byte by byte; other text through Foundation, whose search keeps
        // a combining mark with the character before it.
        let ascii = plain.utf8.allSatisfy { $0 < 0x80 }
        // "Filesystem     Type 1K-blocks    Used": command output pasted as a paragraph, its
        // columns lined up with runs of spaces that prose never has.
        if ascii ? plain.containsBytes("   ") : plain.contains("   ") { return nil }
        let words = DraftSupport.wordCount(plain)
        let capital = plain.first { $0.isLetter }?.isUppercase ?? false
        let sentence = words >= minWords && (capital || words >= 2 * minWords)
        let report: Bool
        switch place {
        case .paragraph: report = sentence
        case .leadIn: report = sentence && isDangling
        case .listItem: report = words >= 12 && Self.listDanglingWords.contains(lastWord.word.lowercased())
        case .cell(let prose):
            // Several sentences make a cell a description; but "Sure! We have both" is a line of a
            // quoted conversation, and speech need not end with a period.
            let isSpeech = ascii ? plain.containsBytes("! ") || plain.containsBytes("? ") : plain.contains("! ") || plain.contains("? ")
            report = (prose && words >= 3) || (isDangling && words >= minWords) || (DraftSupport.sentenceCount(plain) > 1 && !isSpeech)
        }
        guard report else { return nil }
        let tail = plain.split(whereSeparator: \.isWhitespace).suffix(4).joined(separator: " ")
        let start = last.start ?? block.start ?? SourcePosition(line: 1, column: 1)
        // Counted in characters only for a finding: counting them for every paragraph was a tenth of the rule.
        let offset = value.distance(from: value.startIndex, to: lastWord.range.lowerBound)
        let at = sources.locate(lastWord.word, near: SourcePosition(line: start.line, column: start.column + offset), in: path)
        let what = if case .cell = place { "Table cell" } else { "Paragraph" }
        if isDangling {
            return Finding(path: path, at: at, "\(what) stops mid-sentence at '…\(tail)': a sentence does not end with '\(lastWord.word)'; finish it or remove it.")
        }
        return Finding(path: path, at: at, "\(what) ends without punctuation at '…\(tail)'; if the sentence is cut off, finish it, otherwise end it with a period.")
    }
}
