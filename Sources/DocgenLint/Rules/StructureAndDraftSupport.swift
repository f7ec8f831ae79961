import DocgenCore
import DocgenMarkup
import Foundation

/// Helpers shared by the structure (DG31x) and draft-gap (DG40x) rules: page headings and the
/// zones and tabs they show in, source lines of pages and include files, and inline text pieces
/// with their source positions.
enum DraftSupport {
    // MARK: - Source lines

    /// The source lines of the page and of the include files it pulls in.
    struct Sources {
        private let document: Document
        private let context: LintContext
        /// The lines `locate` has looked at, as characters, for the findings after the first on
        /// a line: a line of 10,000 findings is taken apart once, not once per finding.
        private let searched = SearchedLines()

        init(_ document: Document, _ context: LintContext) {
            self.document = document
            self.context = context
        }

        /// Edits of the root-relative file `path`, for fixes.
        func edits(_ path: String) -> SourceEdits { SourceEdits(lines(path)) }

        /// The lines of the root-relative file `path`.
        func lines(_ path: String) -> SourceText {
            path == document.path ? document.source : context.sourceLines(path)
        }

        /// How far either side of `near` ``locate(_:near:in:)`` looks for the text character by
        /// character. Entities and escapes shift columns by a few characters each; past this, the
        /// text's places on the line are listed once and the nearest is looked up.
        static let searchWindow = 2_000

        /// Where `needle` stands in the file: at `near` when the source has it there (the usual
        /// case), else its occurrence on that line closest to `near` (the earlier of two as
        /// close; entities and escapes shift columns), else `near` itself.
        func locate(_ needle: String, near: SourcePosition, in path: String) -> SourcePosition {
            guard !needle.isEmpty else { return near }
            // Characters compare by canonical equivalence, so a non-ASCII needle ("\u{212A}", the
            // Kelvin sign) can match an ASCII line ("K"): then the line is compared as characters too.
            let asCharacters = needle.utf8.contains { $0 >= 0x80 }
            let line = searched.line(near.line, of: path, asCharacters: asCharacters) { lines(path).line(near.line) }
            let start = near.column - 1
            func matches(at offset: Int) -> Bool {
                guard offset >= 0 else { return false }
                return line.matches(needle, at: offset)
            }
            for distance in 0...Self.searchWindow {
                if matches(at: start - distance) { return SourcePosition(line: near.line, column: start - distance + 1) }
                if distance > 0, matches(at: start + distance) { return SourcePosition(line: near.line, column: start + distance + 1) }
                if start - distance < 0, start + distance >= line.count { return near }
            }
            // Far from where the text was expected: the nearest of its places on the line, listed
            // once per line and text, so many such findings on one line stay linear.
            let places = searched.places(of: needle, in: line)
            var low = 0, high = places.count
            while low < high {
                let middle = (low + high) / 2
                if places[middle] < start { low = middle + 1 } else { high = middle }
            }
            let before = low > 0 ? places[low - 1] : nil, after = low < places.count ? places[low] : nil
            guard let best = [before, after].compactMap({ $0 }).min(by: { abs($0 - start) < abs($1 - start) || (abs($0 - start) == abs($1 - start) && $0 < $1) }) else { return near }
            return SourcePosition(line: near.line, column: best + 1)
        }
    }

    /// Source lines split into characters once, for ``Sources/locate(_:near:in:)``.
    final class SearchedLines {
        /// A line's characters; nil for an ASCII line, whose bytes are its characters.
        struct Line {
            let text: Substring
            let characters: [Character]?

            var count: Int { characters?.count ?? text.utf8.count }

            /// Whether the characters of `needle` stand at character `offset`.
            func matches(_ needle: String, at offset: Int) -> Bool {
                if let characters {
                    var index = offset
                    for character in needle {
                        guard index < characters.count, characters[index] == character else { return false }
                        index += 1
                    }
                    return index > offset
                }
                // An ASCII line (no line break in it, so no CR LF pair) has one character per
                // byte, and only an ASCII needle can match it.
                let bytes = text.utf8
                guard !needle.isEmpty, offset + needle.utf8.count <= bytes.count else { return false }
                var index = bytes.index(bytes.startIndex, offsetBy: offset)
                for byte in needle.utf8 {
                    guard bytes[index] == byte else { return false }
                    index = bytes.index(after: index)
                }
                return true
            }
        }

        private var last: (path: String, number: Int, line: Line)?
        /// Where each text searched for stands on the last line, for ``places(of:in:)``.
        private var places: [String: [Int]] = [:]

        /// The character offsets at which `needle` stands on `line` (the last line asked for).
        func places(of needle: String, in line: Line) -> [Int] {
            if let known = places[needle] { return known }
            let found = (0..<max(0, line.count)).filter { line.matches(needle, at: $0) }
            places[needle] = found
            return found
        }

        /// The line `number` of `path`, made by `read` the first time in a row it is asked for;
        /// an ASCII line is split into characters only when asked to.
        func line(_ number: Int, of path: String, asCharacters: Bool, _ read: () -> Substring) -> Line {
            if let last, last.number == number, last.path == path, !asCharacters || last.line.characters != nil { return last.line }
            let text = read()
            let line = Line(text: text, characters: asCharacters || text.utf8.contains { $0 >= 0x80 } ? Array(text) : nil)
            last = (path, number, line)
            places = [:]
            return line
        }
    }

    // MARK: - Headings

    /// Where a node is shown: in a pivot zone, a moniker range or one tab of a group.
    enum Visibility: Hashable {
        case zone(Set<String>)
        case moniker(String)
        case tab(group: Int, id: String)
    }

    /// A heading of the page itself (not of included content).
    struct Heading {
        var level: Int
        var text: String
        var position: SourcePosition
        var visibility: [Visibility]
    }

    /// The page's own headings in document order; headings of included content belong to the
    /// include file and are left out.
    static func pageHeadings(_ root: MarkupNode) -> [Heading] {
        var result: [Heading] = []
        // Records a heading, or returns the children to visit with where they are shown.
        // The node is lent in place, never written: read out of the buffer, each node was copied.
        func visit(_ node: inout MarkupNode, _ visibility: [Visibility], _ tabGroup: Int) -> (children: [MarkupNode], context: ([Visibility], Int))? {
            var visibility = visibility
            var group = tabGroup
            guard node.kind.mayHoldOwnHeadings else { return nil }
            // A place already in the list adds nothing to what `exclusive` decides: nested zones of
            // one pivot keep one entry, not one per level.
            func add(_ place: Visibility) { if !visibility.contains(place) { visibility.append(place) } }
            switch node.kind {
            case .heading(let level, _):
                let text = node.plainText.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
                result.append(Heading(level: level, text: text, position: node.start ?? SourcePosition(line: 1, column: 1), visibility: visibility))
                return nil
            case .zone(let pivots, _) where !pivots.isEmpty: add(.zone(Set(pivots)))
            case .moniker(let range): add(.moniker(range))
            case .tabGroup(let index): group = index
            case .tab(let id, _, _): add(.tab(group: group, id: id))
            default: break
            }
            return (node.children, (visibility, group))
        }
        var top = root
        if let first = visit(&top, [], 0) {
            MarkupNode.walkDepthFirst(first.children, context: first.context) { siblings, index, context in
                visit(&UnsafeMutablePointer(mutating: siblings.baseAddress! + index).pointee, context.0, context.1)
            }
        }
        return result
    }

    /// True when no reader ever sees both: different pivots, moniker ranges or tabs of a group.
    static func exclusive(_ a: [Visibility], _ b: [Visibility]) -> Bool {
        a.contains { left in
            b.contains { right in
                switch (left, right) {
                case (.zone(let x), .zone(let y)): return x.isDisjoint(with: y)
                case (.moniker(let x), .moniker(let y)): return x != y
                case (.tab(let g, let x), .tab(let h, let y)): return g == h && x != y
                default: return false
                }
            }
        }
    }

    // MARK: - Visible content

    /// True when raw HTML shows nothing: only comments and empty `<a id>` anchors.
    static func isInvisibleHTML(_ html: String) -> Bool {
        var rest = Substring(html)
        while let open = rest.range(of: "<!--") {
            guard let close = rest[open.upperBound...].range(of: "-->") else { break }
            rest = rest[..<open.lowerBound] + rest[close.upperBound...]
        }
        var text = String(rest)
        for pattern in ["</a>", "</A>"] { text = text.replacingOccurrences(of: pattern, with: "") }
        while let open = text.range(of: "<a "), let close = text[open.upperBound...].firstIndex(of: ">") {
            text.removeSubrange(open.lowerBound...close)
        }
        return isBlank(text)
    }

    /// True when `text` is only white space (Unicode's White_Space, as `Character.isWhitespace`),
    /// decided on ASCII bytes without property lookups unless a non-ASCII byte comes first.
    static func isBlank(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte >= 0x80 { return text.allSatisfy(\.isWhitespace) }
            if !byte.isASCIIWhitespace { return false }
        }
        return true
    }

    /// True when an inline node shows something to the reader.
    static func isVisibleInline(_ node: MarkupNode) -> Bool {
        switch node.kind {
        case .text(let value): return !isBlank(value)
        case .softBreak, .lineBreak: return false
        case .html(let html): return !isInvisibleHTML(html)
        case .emphasis, .strong, .strikethrough: return node.children.contains(where: isVisibleInline)
        default: return true
        }
    }

    /// True when a block shows something to the reader (a paragraph of comments does not).
    static func isVisibleBlock(_ node: MarkupNode) -> Bool {
        switch node.kind {
        case .thematicBreak: return false
        case .htmlBlock(let html): return !isInvisibleHTML(html)
        case .paragraph: return node.children.contains(where: isVisibleInline)
        case .includedContent: return node.children.contains(where: isVisibleBlock)
        default: return true
        }
    }
}
