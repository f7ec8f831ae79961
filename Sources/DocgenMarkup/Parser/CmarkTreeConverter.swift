import CCmarkGFM
import Foundation

/// The only code that talks to libcmark-gfm: parses Markdown with the GFM extensions and source
/// positions on, copies the C tree into ``MarkupNode`` values and frees it before returning.
enum CmarkTreeConverter {
    /// The version of the libcmark-gfm docgen runs with ("0.29.0.gfm.6"): part of what names a
    /// docgen build for its cache, since an upgraded library may parse differently.
    static var libraryVersion: String { String(cString: cmark_version_string()) }

    /// Containers nested deeper than this (the document counted) are flattened into their parent.
    static var maximumDepth: Int { MarkupLimits.maximumNesting + 1 }

    /// The extensions every parser gets; strikethrough is added only for text with a `~`.
    private static let extensionNames = ["table", "autolink", "tagfilter", "tasklist"]

    /// cmark-gfm keeps the bytes that start an inline extension in one process-wide table. Each
    /// `cmark_parser_finish` sets its extensions' bytes before the inline pass and clears them
    /// after, so a parser finishing on another thread would clear them mid-pass (a page's
    /// autolinks or strikethrough vanish at random). Autolinks (`:` and `w`) are set once here
    /// and their list emptied, which makes every later set and clear a no-op: cmark only
    /// consults that list to find the extension of a delimiter run, and autolinks have none.
    /// Strikethrough needs its list for `~` runs, so it keeps it; only text containing a `~`
    /// gets the extension, and those inline passes take `strikethroughLock` in turn.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        guard let autolink = cmark_find_syntax_extension("autolink"), let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return true }
        defer { cmark_parser_free(parser) }
        cmark_parser_attach_syntax_extension(parser, autolink)
        cmark_manage_extensions_special_characters(parser, 1)
        // The list stays allocated: it is tiny and the extension lives as long as the process.
        cmark_syntax_extension_set_special_inline_chars(autolink, nil)
        return true
    }()

    private static let strikethroughLock = NSLock()

    /// Parses `text` and returns its document node, with a problem wherever containers were
    /// nested too deep to follow. `source` is the same text split into lines, used to turn
    /// cmark's byte columns into character columns.
    static func parse(_ text: String, source: SourceText) -> (root: MarkupNode, problems: [MarkupProblem]) {
        _ = registered
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE) else {
            return (MarkupNode(.document), [])
        }
        defer { cmark_parser_free(parser) }
        let hasTilde = text.containsBytes("~")
        for name in extensionNames + (hasTilde ? ["strikethrough"] : []) {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var utf8 = text
        utf8.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        if hasTilde { strikethroughLock.lock() }
        let finished = cmark_parser_finish(parser)
        if hasTilde { strikethroughLock.unlock() }
        guard let root = finished else { return (MarkupNode(.document), []) }
        defer { cmark_node_free(root) }
        return convert(root, source: source)
    }

    /// Copies the tree iteratively, so deeply nested input cannot overflow the stack.
    private static func convert(_ root: OpaquePointer, source: SourceText) -> (root: MarkupNode, problems: [MarkupProblem]) {
        guard let iterator = cmark_iter_new(root) else { return (MarkupNode(.document), []) }
        defer { cmark_iter_free(iterator) }
        var stack: [MarkupNode] = []
        // The C nodes whose copies are on `stack`: cmark reports EXIT for every container,
        // including empty ones (an image with no alt text), which are never pushed.
        var pushed: [OpaquePointer] = []
        var finished = MarkupNode(.document)
        var problems: [MarkupProblem] = []
        // The outermost container being flattened, reported once for everything inside it.
        var flattening: OpaquePointer?
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                let converted = MarkupNode(kind(of: node), range: range(of: node, source: source))
                if cmark_node_first_child(node) == nil || isLeaf(converted.kind) {
                    append(converted, to: &stack, finished: &finished)
                    if cmark_node_first_child(node) != nil {
                        // Leaf kinds carry their content in `kind`; skip their C children.
                        cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                    }
                } else if stack.count < maximumDepth {
                    stack.append(converted)
                    pushed.append(node)
                } else if flattening == nil {
                    // Deeper containers (thousands of '>') are flattened into their parent, so
                    // that every later recursive pass over the tree has a bounded depth.
                    flattening = node
                    problems.append(MarkupProblem(
                        .contentLimit,
                        "Markdown is nested more than \(MarkupLimits.maximumNesting) deep here (block quotes, lists, emphasis and links counted); docgen keeps what is deeper at that depth. Nest less.",
                        at: converted.start ?? SourcePosition(line: 1, column: 1)))
                }
            } else if event == CMARK_EVENT_EXIT {
                if node == flattening { flattening = nil }
                guard let top = pushed.last, top == node, let last = stack.popLast() else { continue }
                pushed.removeLast()
                append(last, to: &stack, finished: &finished)
            }
        }
        return (finished, problems)
    }

    private static func append(_ node: MarkupNode, to stack: inout [MarkupNode], finished: inout MarkupNode) {
        guard !stack.isEmpty else {
            finished = node
            return
        }
        var parent = stack.removeLast()
        // cmark splits text at brackets and other delimiters; merge the pieces back together.
        if case .text(let new) = node.kind, let previous = parent.children.last, case .text(let old) = previous.kind {
            var merged = previous
            merged.kind = .text(old + new)
            if let start = previous.range?.start, let end = node.range?.end {
                merged.range = SourceRange(start: start, end: end)
            }
            parent.children[parent.children.count - 1] = merged
        } else {
            parent.children.append(node)
        }
        stack.append(parent)
    }

    private static func isLeaf(_ kind: MarkupKind) -> Bool {
        switch kind {
        case .codeBlock, .htmlBlock, .text, .code, .html, .thematicBreak, .softBreak, .lineBreak: return true
        default: return false
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func range(of node: OpaquePointer, source: SourceText) -> SourceRange? {
        let startLine = Int(cmark_node_get_start_line(node))
        guard startLine > 0 else { return nil }
        let (firstLine, firstColumn) = carried(line: startLine, byteColumn: Int(cmark_node_get_start_column(node)), in: source)
        let (lastLine, lastColumn) = carried(line: max(Int(cmark_node_get_end_line(node)), startLine), byteColumn: Int(cmark_node_get_end_column(node)), in: source)
        let start = SourcePosition(line: firstLine, column: source.characterColumn(line: firstLine, byteColumn: firstColumn))
        let end = SourcePosition(line: lastLine, column: source.characterColumn(line: lastLine, byteColumn: lastColumn))
        return SourceRange(start: start, end: end)
    }

    /// cmark-gfm does not start a new line after a backslash line break: inlines after one keep
    /// the paragraph's line and count on from it. A column past the end of its line is carried
    /// into the following lines (each line's container prefix of spaces and `>` skipped, as
    /// cmark skips it).
    private static func carried(line: Int, byteColumn: Int, in source: SourceText) -> (Int, Int) {
        var line = line, column = byteColumn
        // Lengths from the line table's offsets: this runs twice for every node.
        while line >= 1, line < source.lines.count, column > source.lines.byteBounds(line - 1).count + 1 {
            column -= source.lines.byteBounds(line - 1).count + 1
            line += 1
            column += source.lines[line - 1].utf8.prefix { $0 == 0x20 || $0 == 0x09 || $0 == 0x3E }.count
        }
        return (line, column)
    }

    /// Core node types by their number: names are compared only for the extensions' types,
    /// which have no fixed number, so the common text node is not found after twenty string
    /// comparisons.
    private static func kind(of node: OpaquePointer) -> MarkupKind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)), id: "")
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_CODE_BLOCK:
            var length: Int32 = 0, offset: Int32 = 0
            var fenceCharacter: CChar = 0
            let fenced = cmark_node_get_fenced(node, &length, &offset, &fenceCharacter) != 0
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)), fenced: fenced)
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .html(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            let url = string(cmark_node_get_url(node))
            var autolink = false
            if let child = cmark_node_first_child(node), cmark_node_next(child) == nil, cmark_node_get_type(child) == CMARK_NODE_TEXT {
                let text = string(cmark_node_get_literal(child))
                autolink = text == url || "http://" + text == url || "mailto:" + text == url
            }
            return .link(destination: url, title: string(cmark_node_get_title(node)), autolink: autolink)
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default:
            return extensionKind(of: node)
        }
    }

    /// List items (the tasklist extension names its items "tasklist"), tables, strikethrough,
    /// and anything else, which keeps its literal as text.
    private static func extensionKind(of node: OpaquePointer) -> MarkupKind {
        switch string(cmark_node_get_type_string(node)) {
        case "item": return .listItem(task: nil)
        case "tasklist":
            return .listItem(task: cmark_gfm_extensions_get_tasklist_item_checked(node) ? .checked : .unchecked)
        case "table":
            let columns = Int(cmark_gfm_extensions_get_table_columns(node))
            var alignments: [TableAlignment] = []
            if let pointer = cmark_gfm_extensions_get_table_alignments(node) {
                for index in 0..<columns {
                    switch UInt8(pointer[index]) {
                    case UInt8(ascii: "l"): alignments.append(.left)
                    case UInt8(ascii: "c"): alignments.append(.center)
                    case UInt8(ascii: "r"): alignments.append(.right)
                    default: alignments.append(.none)
                    }
                }
            }
            return .table(alignments: alignments)
        case "table_header": return .tableRow(header: true)
        case "table_row": return .tableRow(header: false)
        case "table_cell": return .tableCell
        case "strikethrough": return .strikethrough
        default:
            return .text(string(cmark_node_get_literal(node)))
        }
    }
}
