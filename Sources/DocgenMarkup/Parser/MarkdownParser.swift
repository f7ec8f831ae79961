import Foundation

/// A parsed Learn Markdown body: the node tree and what the parser found wrong.
public struct ParsedMarkup: Sendable {
    /// The `.document` node.
    public var root: MarkupNode
    /// Directive, alert and tab problems, in source order.
    public var problems: [MarkupProblem]
    /// Whether the tree holds includes or `:::code` samples that the loader must resolve.
    public var needsExpansion: Bool
}

/// Parses Learn-style Markdown: cmark-gfm with the table, strikethrough, autolink, tagfilter and
/// tasklist extensions, plus Learn's alerts, triple-colon directives, includes and tabs.
public enum MarkdownParser {
    /// The version of the libcmark-gfm pages are parsed with.
    public static var cmarkVersion: String { CmarkTreeConverter.libraryVersion }

    /// Parses `text`. Pass the whole file with its front matter lines blanked out, so that every
    /// position is a line of the file. `file`, the lines of the whole file, saves splitting the
    /// text again when no directive had to be substituted (its lines outside the front matter
    /// are then the text's).
    public static func parse(_ text: String, file: SourceText? = nil) -> ParsedMarkup {
        var scanner = DirectiveScanner()
        let substituted = scanner.scan(text)
        // Placeholders keep character columns, not byte columns: the substituted text needs its own lines.
        var source = scanner.directives.isEmpty ? file ?? SourceText(substituted) : SourceText(substituted)
        source.columnShifts = scanner.columnShifts
        let (tree, treeProblems) = CmarkTreeConverter.parse(substituted, source: source)
        var builder = LearnTreeBuilder(directives: scanner.directives)
        let root = builder.build(tree)
        let problems = (scanner.problems + treeProblems + builder.problems).sorted { $0.position < $1.position }
        let needsExpansion = scanner.directives.contains { directive in
            switch directive.payload {
            case .include: return true
            case .block(let attributes): return attributes.name == "code"
            default: return false
            }
        }
        return ParsedMarkup(root: root, problems: problems, needsExpansion: needsExpansion)
    }
}
