/// One node of a parsed Learn Markdown document: a value copied out of the cmark-gfm tree and
/// enriched with the Learn extensions (alerts, triple-colon directives, includes, tabs).
public struct MarkupNode: Sendable, Hashable {
    /// What the node is, with the data that belongs to its kind.
    public var kind: MarkupKind
    /// Where the node stands in the source file, when known.
    public var range: SourceRange?
    /// Child nodes in document order.
    public var children: [MarkupNode]

    /// Creates a node.
    public init(_ kind: MarkupKind, range: SourceRange? = nil, children: [MarkupNode] = []) {
        self.kind = kind
        self.range = range
        self.children = children
    }

    /// The start of the node's range, when known.
    public var start: SourcePosition? { range?.start }

    /// Calls `body` for this node and every descendant, depth first, in document order.
    public func walk(_ body: (MarkupNode) -> Void) {
        var root = self
        MarkupNode.walk(&root, body)
    }

    private static func walk(_ node: inout MarkupNode, _ body: (MarkupNode) -> Void) {
        body(node)
        node.lendChildren { walk(&$0, body) }
    }

    /// Calls `body` for every descendant with the chain of its ancestors (outermost first).
    public func walk(ancestors: [MarkupNode] = [], _ body: (MarkupNode, [MarkupNode]) -> Void) {
        var root = self
        var stack = ancestors
        MarkupNode.walk(&root, stack: &stack, body)
    }

    private static func walk(
        _ node: inout MarkupNode, stack: inout [MarkupNode], _ body: (MarkupNode, [MarkupNode]) -> Void
    ) {
        body(node, stack)
        guard !node.children.isEmpty else { return }
        stack.append(node)
        node.lendChildren { walk(&$0, stack: &stack, body) }
        stack.removeLast()
    }

    /// Lends each child to `body` in place, for walks. Reading an element out of an array copies
    /// it, which retains and releases every reference the node holds, and a walk did that for
    /// every node; an `inout` access through the buffer's address copies nothing. The access is
    /// `inout` only to be passed by address: callers must never write through it, since the
    /// buffer can be shared with other trees and other threads.
    @inlinable
    package func lendChildren(_ body: (inout MarkupNode) -> Void) {
        children.lendEach(body)
    }

    /// The concatenated plain text of the node, as Learn strips a heading for its id: text, code
    /// spans, link text and image alt text; nothing for raw HTML and Learn inline extensions.
    public var plainText: String {
        var result = ""
        forEachPlainTextRun { result += $0 }
        return result
    }

    /// Appends the UTF-8 of ``plainText`` to `bytes`, for byte-level checks that reuse one buffer
    /// instead of making a string per node.
    public func appendPlainText(utf8 bytes: inout [UInt8]) {
        forEachPlainTextRun { bytes.append(contentsOf: $0.utf8) }
    }

    private func forEachPlainTextRun(_ body: (String) -> Void) {
        switch kind {
        case .text(let value), .code(let value):
            body(value)
        case .softBreak, .lineBreak:
            body("\n")
        case .html, .inlineImage, .noLoc, .include, .inlineDirectiveText:
            return
        default:
            lendChildren { $0.forEachPlainTextRun(body) }
        }
    }
}

/// The kinds of node in a ``MarkupNode`` tree. Cases with large payloads are `indirect`, so a
/// node stays small: rules and the renderer copy nodes as they walk the tree.
public enum MarkupKind: Sendable, Hashable {
    // MARK: - CommonMark and GFM blocks
    case document
    case paragraph
    indirect case heading(level: Int, id: String)
    case blockQuote
    indirect case list(ordered: Bool, start: Int, tight: Bool)
    case listItem(task: TaskState?)
    indirect case codeBlock(info: String, literal: String, fenced: Bool)
    case htmlBlock(String)
    case thematicBreak
    case table(alignments: [TableAlignment])
    case tableRow(header: Bool)
    case tableCell

    // MARK: - CommonMark and GFM inlines
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case html(String)
    case emphasis
    case strong
    case strikethrough
    indirect case link(destination: String, title: String, autolink: Bool)
    indirect case image(source: String, title: String)

    // MARK: - Learn extensions
    /// `> [!NOTE]` and its siblings.
    case alert(AlertKind)
    /// `> [!div class="..."]`: the raw attribute text.
    case division(attributes: String)
    /// `> [!VIDEO url]`.
    case video(url: String)
    /// `:::image:::` inside a paragraph, or a block `type="complex"` image whose children are the
    /// long description.
    indirect case inlineImage(ImageDirective)
    /// A complex image: the children are its long description.
    indirect case complexImage(ImageDirective)
    /// `:::no-loc text="...":::`.
    case noLoc(String)
    /// `[!INCLUDE [title](path)]`, block or inline; replaced by the included content when loaded.
    indirect case include(path: String, title: String, inline: Bool)
    /// Content spliced in from an include file; its headings have their own id scope.
    case includedContent(path: String)
    /// `:::zone pivot="a,b" target="docs":::`; children are the zone's content.
    indirect case zone(pivots: [String], target: String?)
    /// `:::moniker range="...":::`; children are its content.
    case moniker(range: String)
    /// `:::row:::`; children are columns.
    case row
    /// `:::column span="2":::`; children are the column's content.
    case column(span: String?)
    /// `:::code source="..." language="..." range="..." id="..." highlight="...":::`.
    indirect case codeSnippet(CodeSnippetDirective)
    /// A tab group; its children are `.tab` nodes.
    case tabGroup(index: Int)
    /// One tab; its children are the tab's content.
    indirect case tab(id: String, condition: String?, title: String)
    /// A directive that failed validation, rendered as its literal source text, as Learn does.
    case inlineDirectiveText(String)
}

extension MarkupKind {
    /// Whether headings of the document itself can lie below a node of this kind. Headings are
    /// blocks, never inside a paragraph, table, code or raw HTML; those of included content
    /// belong to the include file, which numbers and checks them on its own.
    public var mayHoldOwnHeadings: Bool {
        switch self {
        case .includedContent, .paragraph, .table, .codeBlock, .htmlBlock: return false
        default: return true
        }
    }
}

/// GFM table column alignment.
public enum TableAlignment: Sendable, Hashable {
    case none, left, center, right
}

/// GFM task list item state.
public enum TaskState: Sendable, Hashable {
    case unchecked, checked
}

/// The five alert kinds of Learn Markdown.
public enum AlertKind: String, Sendable, Hashable, CaseIterable {
    case note = "NOTE"
    case tip = "TIP"
    case important = "IMPORTANT"
    case caution = "CAUTION"
    case warning = "WARNING"
}

extension Array where Element == MarkupNode {
    /// Lends each node to `body` in place, as ``MarkupNode/lendChildren(_:)`` does for a
    /// node's children; `body` must never write through the access.
    @inlinable
    package func lendEach(_ body: (inout MarkupNode) -> Void) {
        let count = self.count
        guard count > 0 else { return }
        withUnsafeBufferPointer { buffer in
            let base = UnsafeMutablePointer(mutating: buffer.baseAddress!)
            for index in 0..<count { body(&base[index]) }
        }
    }
}
