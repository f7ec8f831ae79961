import Foundation

/// A parsed Learn Markdown body: the node tree and what the parser found wrong.
public struct ParsedMarkup: Sendable {
    /// The `.document` node.
    public var root: MarkupNode
    /// Directive, alert and tab problems, in source order.
    public var problems: [MarkupProblem]
}

/// Parses Learn-style Markdown: cmark-gfm with the table, strikethrough, autolink, tagfilter and
/// tasklist extensions, plus Learn's alerts, triple-colon directives, includes and tabs.
public enum MarkdownParser {
    /// Parses `text`. Pass the whole file with its front matter lines blanked out, so that every
    /// position is a line of the file.
    public static func parse(_ text: String) -> ParsedMarkup {
        var scanner = DirectiveScanner()
        let substituted = scanner.scan(text)
        let tree = CmarkTreeConverter.parse(substituted, source: SourceText(substituted))
        var builder = LearnTreeBuilder(directives: scanner.directives)
        let root = builder.build(tree)
        let problems = (scanner.problems + builder.problems).sorted { $0.position < $1.position }
        return ParsedMarkup(root: root, problems: problems)
    }
}
