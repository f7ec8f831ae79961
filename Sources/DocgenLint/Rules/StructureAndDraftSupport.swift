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

        init(_ document: Document, _ context: LintContext) {
            self.document = document
            self.context = context
        }

        /// The lines of the root-relative file `path`.
        func lines(_ path: String) -> SourceText {
            path == document.path ? document.source : context.sourceLines(path)
        }

        /// Where `needle` stands in the file: at `near` when the source has it there (the usual
        /// case), else its occurrence on that line closest to `near` (entities and escapes shift
        /// columns), else `near` itself.
        func locate(_ needle: String, near: SourcePosition, in path: String) -> SourcePosition {
            let line = Array(lines(path).line(near.line))
            let target = Array(needle)
            guard !target.isEmpty, target.count <= line.count else { return near }
            var best: Int?
            for start in 0...(line.count - target.count) where line[start..<(start + target.count)].elementsEqual(target) {
                if best == nil || abs(start + 1 - near.column) < abs(best! + 1 - near.column) { best = start }
            }
            return best.map { SourcePosition(line: near.line, column: $0 + 1) } ?? near
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
        // `node` is inout to be lent in place (see `lendChildren`); nothing writes to it.
        func visit(_ node: inout MarkupNode, _ visibility: [Visibility], _ tabGroup: Int) {
            var visibility = visibility
            var group = tabGroup
            guard node.kind.mayHoldOwnHeadings else { return }
            switch node.kind {
            case .heading(let level, _):
                let text = node.plainText.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
                result.append(Heading(level: level, text: text, position: node.start ?? SourcePosition(line: 1, column: 1), visibility: visibility))
                return
            case .zone(let pivots, _) where !pivots.isEmpty: visibility.append(.zone(Set(pivots)))
            case .moniker(let range): visibility.append(.moniker(range))
            case .tabGroup(let index): group = index
            case .tab(let id, _, _): visibility.append(.tab(group: group, id: id))
            default: break
            }
            node.lendChildren { visit(&$0, visibility, group) }
        }
        var root = root
        visit(&root, [], 0)
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
