import DocgenMarkup
import Foundation

/// Loads one page: decodes it, reads its front matter, parses its Markdown, splices in its
/// includes (each path confined to the content root, cycles refused) and reads its `:::code`
/// samples.
public struct DocumentLoader: Sendable {
    /// The files of the content root.
    public let files: ContentFiles
    /// The deepest include nesting followed before giving up.
    public static let maximumIncludeDepth = 10

    /// The doc set's publishing configuration: inherited metadata, `~/`, dependent repositories.
    public let docfx: DocfxProject
    /// Include files parsed (front matter dropped), by path, and shared by the pages that include
    /// them while kept; nil for a file that does not exist. Each costs its length in bytes.
    private let includeCache = BoundedCache<String, ParsedMarkup?>(budget: Self.includeCacheBudget)
    /// What the parsed include files kept at once may cost, in bytes of their text: a tree is a
    /// few times the size of its text, so this keeps about 100 MB of trees.
    static let includeCacheBudget = 32 << 20

    /// Creates a loader over `files`, with metadata pages inherit from the doc set.
    public init(files: ContentFiles, docfx: DocfxProject = DocfxProject()) {
        self.files = files
        self.docfx = docfx
    }

    /// Loads the page at the root-relative `path`; `overrideText` replaces the file's content
    /// (for unsaved edits in `serve`).
    public func load(_ path: String, overrideText: String? = nil) -> Document {
        var problems: [DocumentProblem] = []
        var text = overrideText.map { $0.replacingOccurrences(of: "\r\n", with: "\n") } ?? ""
        if overrideText == nil {
            if let fileText = files.read(path) {
                text = fileText.text
                if fileText.isBinary {
                    problems.append(DocumentProblem(.binaryFile, "The file holds NUL bytes and looks binary, not Markdown; remove it from the content or rename it.", path: path, at: SourcePosition(line: 1, column: 1)))
                    return Document(path: path, source: SourceText(""), frontMatter: FrontMatter(), root: MarkupNode(.document), problems: problems, anchors: [], includedFiles: [])
                }
                if let line = fileText.invalidUTF8Line {
                    problems.append(DocumentProblem(.invalidEncoding, "The file is not valid UTF-8 (first bad byte on this line); save it as UTF-8.", path: path, at: SourcePosition(line: line, column: 1)))
                }
            }
        }
        let split = FrontMatterSplit(text)
        var frontMatter = FrontMatter()
        if let line = split.unterminatedAt {
            problems.append(DocumentProblem(.unterminatedFrontMatter, "Front matter opened with '---' is never closed; add a '---' line after the metadata.", path: path, at: SourcePosition(line: line, column: 1)))
        }
        if let yaml = split.yaml {
            frontMatter.startLine = 1
            do {
                let value = try YAMLReader.read(yaml, lineOffset: split.yamlFirstLine - 1)
                switch value {
                case .map(let entries): frontMatter.entries = entries
                case .null: break
                default:
                    problems.append(DocumentProblem(.invalidYAML, "Front matter must be a map of keys and values (title: ...), not a list or a single value.", path: path, at: SourcePosition(line: split.yamlFirstLine, column: 1)))
                }
            } catch {
                problems.append(DocumentProblem(.invalidYAML, "Front matter is \(error.message).", path: path, at: SourcePosition(line: error.line, column: error.column)))
            }
        }
        for entry in docfx.inheritedEntries(for: path) where frontMatter.entry(entry.key) == nil {
            frontMatter.entries.append(entry)
        }
        let source = SourceText(text)
        let parsed = MarkdownParser.parse(split.body, file: source)
        problems += parsed.problems.map { DocumentProblem(markup: $0, path: path) }
        var context = ExpansionContext()
        var root = parsed.root
        if parsed.needsExpansion { expand(&root, in: path, chain: [path], context: &context) }
        problems += context.problems
        // One walk finds the anchors and the root-relative links, which loading the site reads
        // from every page next.
        var anchors = Set<String>()
        var rootRelativeLinks: [RootRelativeLinks.Link] = []
        root.walk(in: path) { node, file in
            switch node.kind {
            case .heading(_, let id): anchors.insert(id)
            case .html(let html), .htmlBlock(let html): anchors.formUnion(HTMLAnchors.ids(in: html))
            case .link, .image: if let link = RootRelativeLinks.link(node, in: file) { rootRelativeLinks.append(link) }
            default: break
            }
        }
        let document = Document(path: path, source: source, frontMatter: frontMatter, root: root, problems: problems, anchors: anchors, includedFiles: context.included)
        RootRelativeLinks.record(rootRelativeLinks, of: document)
        return document
    }

    private struct ExpansionContext {
        var problems: [DocumentProblem] = []
        var included: Set<String> = []
    }

    /// Splices includes and code samples into `node` in place. Only the branches that hold one
    /// are touched, so the rest of the tree is neither copied nor rebuilt (include trees are
    /// shared by every page that includes them).
    private func expand(_ node: inout MarkupNode, in path: String, chain: [String], context: inout ExpansionContext) {
        guard let plan = Self.plan(&node) else { return }
        expand(&node, plan, in: path, chain: chain, context: &context)
    }

    /// Which children lead to an include or a code sample, found in one read-only walk (asking
    /// each child whether its subtree holds one, at every level, read the tree once per level).
    private indirect enum ExpansionPlan {
        case here
        case children([(index: Int, plan: ExpansionPlan)])
    }

    private static func plan(_ node: inout MarkupNode) -> ExpansionPlan? {
        switch node.kind {
        case .include, .codeSnippet: return .here
        default:
            var found: [(index: Int, plan: ExpansionPlan)] = []
            var index = 0
            node.lendChildren { child in
                if let plan = plan(&child) { found.append((index, plan)) }
                index += 1
            }
            return found.isEmpty ? nil : .children(found)
        }
    }

    private func expand(_ node: inout MarkupNode, _ plan: ExpansionPlan, in path: String, chain: [String], context: inout ExpansionContext) {
        switch (plan, node.kind) {
        case (.here, .include(let target, _, let inline)):
            node = include(target, inline: inline, node: node, in: path, chain: chain, context: &context)
        case (.here, .codeSnippet(var snippet)):
            snippet.resolvedCode = readSnippet(snippet, in: path, context: &context)
            node.kind = .codeSnippet(snippet)
        case (.children(let children), _):
            for child in children {
                expand(&node.children[child.index], child.plan, in: path, chain: chain, context: &context)
            }
        default:
            break
        }
    }

    private func include(_ target: String, inline: Bool, node: MarkupNode, in path: String, chain: [String], context: inout ExpansionContext) -> MarkupNode {
        let position = node.start ?? SourcePosition(line: 1, column: 1)
        let literal = MarkupNode(.text("[!INCLUDE [](\(target))]"), range: node.range)
        let decoded = RelativePath.percentDecoded(target)
        let joined = decoded.hasPrefix("~/") ? docfx.resolveTilde(String(decoded.dropFirst(2)), from: path) : RelativePath.join(RelativePath.directory(of: path), decoded)
        guard !target.hasPrefix("/"), !target.contains("://"), let resolved = joined else {
            context.problems.append(DocumentProblem(.includeOutsideRoot, "Include '\(target)' points outside the content root; includes must be relative paths inside it.", path: path, at: position))
            return literal
        }
        guard target.lowercased().hasSuffix(".md") else {
            context.problems.append(DocumentProblem(.includeInvalid, "Include '\(target)' is not a Markdown (.md) file.", path: path, at: position))
            return literal
        }
        if chain.contains(resolved) {
            let cycle = (chain + [resolved]).joined(separator: " -> ")
            context.problems.append(DocumentProblem(.includeCycle, "Include cycle: \(cycle); remove one of these includes.", path: path, at: position))
            return literal
        }
        guard chain.count <= Self.maximumIncludeDepth else {
            context.problems.append(DocumentProblem(.includeCycle, "Includes are nested more than \(Self.maximumIncludeDepth) deep; flatten them.", path: path, at: position))
            return literal
        }
        let parsedInclude = includeCache.value(for: resolved) {
            guard let file = files.read(resolved) else { return (nil, 0) }
            return (MarkdownParser.parse(FrontMatterSplit(file.text).body), file.text.utf8.count)
        }
        guard let parsed = parsedInclude else {
            if let repository = docfx.missingRepository(containing: resolved) ?? (decoded.hasPrefix("~/") ? docfx.unknownRepository(forTildePath: resolved) : nil) {
                context.problems.append(DocumentProblem(.inDependentRepository, repository.name, path: path, at: position, isError: false))
                return literal
            }
            var message = "Included file '\(target)' does not exist"
            if let real = files.caseInsensitiveMatch(resolved) {
                message += "; the file is spelled '\(RelativePath.link(from: path, to: real))'"
            }
            context.problems.append(DocumentProblem(.includeNotFound, message + ".", path: path, at: position))
            return literal
        }
        context.included.insert(resolved)
        context.problems += parsed.problems.map { DocumentProblem(markup: $0, path: resolved) }
        var expanded = parsed.root
        if parsed.needsExpansion { expand(&expanded, in: resolved, chain: chain + [resolved], context: &context) }
        var children = expanded.children
        if inline {
            // An inline include contributes the inline content of its first paragraph.
            children = children.first.map { $0.kind == .paragraph ? $0.children : [$0] } ?? []
        }
        return MarkupNode(.includedContent(path: resolved), range: node.range, children: children)
    }

    private func readSnippet(_ snippet: CodeSnippetDirective, in path: String, context: inout ExpansionContext) -> String? {
        let source = RelativePath.percentDecoded(snippet.source)
        let joined = source.hasPrefix("~/") ? docfx.resolveTilde(String(source.dropFirst(2)), from: path) : RelativePath.join(RelativePath.directory(of: path), source)
        guard !source.hasPrefix("/"), let resolved = joined else {
            context.problems.append(DocumentProblem(.includeOutsideRoot, ":::code source '\(snippet.source)' points outside the content root.", path: path, at: snippet.position))
            return nil
        }
        guard let text = files.read(resolved)?.text else {
            if let repository = docfx.missingRepository(containing: resolved) ?? (source.hasPrefix("~/") ? docfx.unknownRepository(forTildePath: resolved) : nil) {
                context.problems.append(DocumentProblem(.inDependentRepository, repository.name, path: path, at: snippet.position, isError: false))
                return nil
            }
            context.problems.append(DocumentProblem(.codeSnippetNotFound, "Code sample '\(snippet.source)' does not exist.", path: path, at: snippet.position, isError: false))
            return nil
        }
        if let id = snippet.id, !id.isEmpty, !CodeSnippetSelector.hasRegion(text, id: id) {
            context.problems.append(DocumentProblem(
                .codeSnippetNotFound, "Code sample '\(snippet.source)' has no region '\(id)'; mark it with '// <\(id)>' ... '// </\(id)>' or '#region \(id)', or fix the name.",
                path: path, at: snippet.position, isError: false))
            return nil
        }
        return CodeSnippetSelector.select(text, range: snippet.range, id: snippet.id)
    }
}
