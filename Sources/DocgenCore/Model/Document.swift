import DocgenMarkup

/// One page of the site: its source, front matter, parsed and expanded Markdown, and what went
/// wrong while loading it. Parsed once and shared by lint, build and serve.
public struct Document: Sendable {
    /// The path relative to the content root, `/`-separated.
    public var path: String
    /// The source text, split into lines.
    public var source: SourceText
    /// The front matter.
    public var frontMatter: FrontMatter
    /// The Markdown tree with includes expanded and code snippets read.
    public var root: MarkupNode
    /// Problems found while loading and parsing, including those of included files.
    public var problems: [DocumentProblem]
    /// Every bookmark a link may target: heading ids, including those of included content, and
    /// `id`/`name` attributes in raw HTML.
    public var anchors: Set<String>
    /// Root-relative paths of the include files this page pulled in, for rebuilds.
    public var includedFiles: Set<String>
    /// What site-wide checks have worked out from this page, kept for the next check.
    public let memo = DocumentMemo()

    /// The page title: front matter `title`, else the first H1, else the file name.
    public var title: String {
        if let title = frontMatter.title, !title.isEmpty { return title }
        if let h1 = firstHeading(level: 1) { return h1 }
        return String(path.split(separator: "/").last ?? "")
    }

    /// The site names a browser shows after a Learn page's title, which older doc sets wrote
    /// into `title` themselves ("Install the Azure CLI | Microsoft Docs").
    public static let siteNameSuffixes = ["| Microsoft Docs", "| Microsoft Learn", "- Microsoft Docs", "- Microsoft Learn", "| Microsoft Azure"]

    /// The title as the built site shows it in navigation, breadcrumbs, page lists and search:
    /// ``title`` without a site-name suffix, which the layout adds once, as the site's own name.
    public var displayTitle: String {
        let title = Self.plainText(ofInlineMarkdown: self.title)
        let lower = title.trimmingSpaces().lowercased()
        for suffix in Self.siteNameSuffixes where lower.hasSuffix(" " + suffix.lowercased()) {
            let shortened = String(title.trimmingSpaces().dropLast(suffix.count)).trimmingSpaces()
            if !shortened.isEmpty { return shortened }
        }
        return title
    }

    /// `text` without its inline Markdown (`**\`CStringT\`** Class` -> `CStringT Class`), as Learn
    /// shows a title written with it in the window title, navigation and search. Text without any
    /// character that could start inline Markdown is returned as it is, unparsed.
    public static func plainText(ofInlineMarkdown text: String) -> String {
        guard text.utf8.contains(where: { markdownStarters.contains($0) }) else { return text }
        // The leading word keeps a title such as "1. Install" or "# Tips" from being read as a
        // list or a heading: only its inline Markdown is wanted.
        let parsed = inlineText(of: MarkdownParser.parse("x " + text).root)
        guard parsed.hasPrefix("x ") else { return text }
        let plain = String(parsed.dropFirst(2)).trimmingSpaces()
        return plain.isEmpty ? text : plain
    }

    /// The text a reader sees of parsed inline Markdown, where raw HTML stays as written: a title
    /// such as "List<T> Class" names a type, it does not hold a tag.
    private static func inlineText(of root: MarkupNode) -> String {
        var result = ""
        var stack: [MarkupNode] = [root]
        while let node = stack.popLast() {
            switch node.kind {
            case .text(let value), .code(let value), .html(let value): result += value
            case .softBreak, .lineBreak: result += " "
            default: stack.append(contentsOf: node.children.reversed())
            }
        }
        return result
    }

    private static let markdownStarters: Set<UInt8> = Set("*_`[]\\<&~!".utf8)

    /// The path of the built page, relative to the output root (`a/b.md` -> `a/b.html`).
    public var outputPath: String { Document.outputPath(for: path) }

    /// The output path of a source path.
    public static func outputPath(for path: String) -> String {
        if let dot = RelativePath.extensionDot(in: path) {
            return String(path[..<dot]) + ".html"
        }
        return path + ".html"
    }

    /// The plain text of the first heading of `level`, if any.
    public func firstHeading(level wanted: Int) -> String? {
        var found: String?
        root.walk { node in
            guard found == nil, case .heading(let level, _) = node.kind, level == wanted else { return }
            found = node.plainText.trimmingSpaces()
        }
        return found
    }

    /// Headings of the page (not of included content) with their level, text and id.
    public var headings: [(level: Int, text: String, id: String, position: SourcePosition?)] {
        var result: [(Int, String, String, SourcePosition?)] = []
        collectHeadings(root, into: &result)
        return result
    }

    private func collectHeadings(_ node: MarkupNode, into result: inout [(Int, String, String, SourcePosition?)]) {
        if case .heading(let level, let id) = node.kind {
            result.append((level, node.plainText.trimmingSpaces(), id, node.start))
            return
        }
        if case .includedContent = node.kind { return }
        for child in node.children { collectHeadings(child, into: &result) }
    }
}
