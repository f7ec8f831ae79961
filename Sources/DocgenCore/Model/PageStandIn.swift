import DocgenMarkup

/// What a build keeps of a loaded page so that a later build can let a ``Document`` without its
/// tree stand for it, when neither the page nor anything it reads changed: everything the rest
/// of a build reads of a page it neither checks nor renders. That is its front matter, headings
/// (level, id, text, where each is, and whether it came from an include), anchors, the files it
/// includes, the problems that leave its content incomplete (an include it could not read, or one
/// in a dependent repository), its root-relative links, and the facts the site rules keep in its
/// memo (``ruleFacts``, which the lint engine codes).
public struct PageStandIn: CacheCodable, Sendable, Equatable {
    /// One heading of the page.
    public struct Heading: Sendable, Equatable {
        var level: Int
        var id: String
        /// The heading's plain text, untrimmed (``MarkupNode/plainText``).
        var text: String
        var position: SourcePosition?
        /// The include file it came from, nil for the page's own.
        var includedFrom: String?
    }

    var frontMatter: FrontMatter
    var headings: [Heading]
    var anchors: [String]
    var includedFiles: [String]
    /// Problems of the kinds ``DocumentProblem/incompleteContent`` names: a site rule counts those in
    /// dependent repositories, and links to the page's anchors are not checked while any is there.
    var incompleteContentProblems: [DocumentProblem]
    var rootRelativeLinks: [RootRelativeLinks.Link]
    /// The summary of those leading to other doc sets, as loading made it (nil if it did not):
    /// a stand-in is used only under the Learn URL paths and files it was made with.
    var otherDocSetLinks: OtherDocSetLinkSummary?
    /// The site rules' memo facts, coded by the lint engine.
    public var ruleFacts: [UInt8]

    /// What `document` (loaded in full) shows the rest of a build, with the site rules' facts.
    public init(of document: Document, ruleFacts: [UInt8]) {
        frontMatter = document.frontMatter
        headings = Self.headings(of: document)
        anchors = document.anchors.sorted()
        includedFiles = document.includedFiles.sorted()
        incompleteContentProblems = document.problems.filter { DocumentProblem.incompleteContent.contains($0.kind) }
        rootRelativeLinks = RootRelativeLinks.links(of: document)
        otherDocSetLinks = RootRelativeLinks.recordedOtherDocSetLinks(of: document)
        self.ruleFacts = ruleFacts
    }

    /// Whether the page could not include a file named one of `names` (its message quotes the
    /// include as written): once such a file exists, the page reads it.
    public func couldNotInclude(anyOf names: [String]) -> Bool {
        incompleteContentProblems.contains { $0.isUnreadFile(namedAnyOf: names) }
    }

    /// A page at `path` standing for the one these facts were kept of: its tree holds only its
    /// headings (those of includes inside the include's node, as loading nests them), its source
    /// is empty, and its memo holds its root-relative links and the summary of those leading to
    /// other doc sets. It is never checked nor rendered.
    public func document(at path: String) -> Document {
        let document = Document(
            path: path, source: SourceText(""), frontMatter: frontMatter, root: Self.tree(of: headings), problems: incompleteContentProblems,
            anchors: Set(anchors), includedFiles: Set(includedFiles))
        RootRelativeLinks.record(rootRelativeLinks, of: document)
        if let otherDocSetLinks { RootRelativeLinks.record(otherDocSetLinks, of: document) }
        return document
    }

    /// The headings of `document`, its includes' among them, in document order.
    static func headings(of document: Document) -> [Heading] {
        var headings: [Heading] = []
        document.root.walk(in: document.path) { node, path in
            guard case .heading(let level, let id) = node.kind else { return }
            headings.append(Heading(level: level, id: id, text: node.plainText, position: node.start, includedFrom: path == document.path ? nil : path))
        }
        return headings
    }

    /// A tree holding only `headings`, those of includes inside the include's node, as loading
    /// nests them: what is read of a page's tree once it is checked (its title, headings and ids).
    static func tree(of headings: [Heading]) -> MarkupNode {
        let children = headings.map { heading -> MarkupNode in
            let range = heading.position.map { SourceRange(start: $0, end: $0) }
            let node = MarkupNode(.heading(level: heading.level, id: heading.id), range: range, children: [MarkupNode(.text(heading.text), range: range)])
            guard let included = heading.includedFrom else { return node }
            return MarkupNode(.includedContent(path: included), range: range, children: [node])
        }
        return MarkupNode(.document, children: children)
    }

    public func write(to writer: inout CacheWriter) {
        frontMatter.write(to: &writer)
        writer.write(headings) { writer, heading in
            writer.write(heading.level)
            writer.write(heading.id)
            writer.write(heading.text)
            Self.write(heading.position, to: &writer)
            writer.write(heading.includedFrom)
        }
        writer.write(anchors) { $0.write($1) }
        writer.write(includedFiles) { $0.write($1) }
        writer.write(incompleteContentProblems) { writer, problem in
            writer.write(problem.kind.rawValue)
            writer.write(problem.message)
            writer.write(problem.path)
            problem.position.write(to: &writer)
            writer.write(problem.isError)
        }
        writer.write(rootRelativeLinks) { writer, link in link.write(to: &writer) }
        writer.write(otherDocSetLinks != nil)
        otherDocSetLinks?.write(to: &writer)
        writer.write(bytes: ruleFacts)
    }

    public init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        frontMatter = try FrontMatter(from: &reader)
        headings = try reader.list { reader throws(CacheReader.Malformed) in
            Heading(level: try reader.int(), id: try reader.string(), text: try reader.string(), position: try Self.optionalPosition(from: &reader), includedFrom: try reader.optionalString())
        }
        anchors = try reader.list { reader throws(CacheReader.Malformed) in try reader.string() }
        includedFiles = try reader.list { reader throws(CacheReader.Malformed) in try reader.string() }
        incompleteContentProblems = try reader.list { reader throws(CacheReader.Malformed) in
            guard let kind = DocumentProblem.Kind(rawValue: try reader.string()), DocumentProblem.incompleteContent.contains(kind) else {
                throw CacheReader.Malformed()
            }
            let message = try reader.string()
            let path = try reader.string()
            let position = try SourcePosition(from: &reader)
            return DocumentProblem(kind, message, path: path, at: position, isError: try reader.bool())
        }
        rootRelativeLinks = try reader.list { reader throws(CacheReader.Malformed) in try RootRelativeLinks.Link(from: &reader) }
        otherDocSetLinks = try reader.bool() ? try OtherDocSetLinkSummary(from: &reader) : nil
        ruleFacts = try reader.rawBytes()
    }

    private static func write(_ position: SourcePosition?, to writer: inout CacheWriter) {
        writer.write(position != nil)
        position?.write(to: &writer)
    }

    private static func optionalPosition(from reader: inout CacheReader) throws(CacheReader.Malformed) -> SourcePosition? {
        try reader.bool() ? try SourcePosition(from: &reader) : nil
    }
}
