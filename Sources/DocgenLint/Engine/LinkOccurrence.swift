import DocgenCore
import DocgenMarkup

/// A link or image reference in a page, with the file it was written in (an include file for
/// references inside included content) and its position.
public struct LinkOccurrence: Sendable, Hashable {
    /// How the reference was written.
    public enum Kind: Sendable, Hashable {
        case link, image, imageDirective, lightbox, video
    }

    public var kind: Kind
    /// The destination as written.
    public var destination: String
    /// The link text or alt text.
    public var text: String
    /// Root-relative path of the file the reference is in.
    public var path: String
    /// Where the reference starts.
    public var position: SourcePosition
    /// What the destination resolves to in the site.
    public var target: LinkTarget

    /// Every link and image reference of `document`, included content first-class, resolved
    /// against `site`. Rules get them through ``LintContext/links(in:)``, computed once per page.
    public static func all(in document: Document, site: Site) -> [LinkOccurrence] {
        if let recorded: [Written] = document.memo.recorded(writtenKey) {
            return recorded.map { $0.resolved(in: site) }
        }
        var result: [LinkOccurrence] = []
        walk(document) { result.append($0.resolved(in: site)) }
        return result
    }

    /// Keeps the page's links and images as written in its memo, for resolving them once every
    /// page is loaded (where a root-relative link leads is known only then), after its tree is
    /// dropped.
    public static func record(_ document: Document) {
        _ = document.memo.value(writtenKey) {
            var written: [Written] = []
            walk(document) { written.append($0) }
            return written.withoutSpareCapacity()
        }
    }

    private static let writtenKey = "written-links"

    /// A reference as written, before it is resolved.
    private struct Written: Sendable {
        let kind: Kind
        let destination: String
        let text: String
        let path: String
        let position: SourcePosition

        func resolved(in site: Site) -> LinkOccurrence {
            let target = LinkTarget.resolve(destination, from: path, files: site.files, docfx: site.docfx)
            return LinkOccurrence(kind: kind, destination: destination, text: text, path: path, position: position, target: target)
        }
    }

    private static func walk(_ document: Document, _ body: (Written) -> Void) {
        document.root.walk(in: document.path) { node, path in
            let position = node.start ?? SourcePosition(line: 1, column: 1)
            switch node.kind {
            case .link(let destination, _, let autolink) where !autolink:
                body(Written(kind: .link, destination: destination, text: node.plainText, path: path, position: position))
            case .image(let source, _):
                body(Written(kind: .image, destination: source, text: node.plainText, path: path, position: position))
            case .inlineImage(let image), .complexImage(let image):
                body(Written(kind: .imageDirective, destination: image.source, text: image.altText ?? "", path: path, position: image.position))
                if let lightbox = image.lightbox {
                    body(Written(kind: .lightbox, destination: lightbox, text: image.altText ?? "", path: path, position: image.position))
                }
            default:
                break
            }
        }
    }
}

extension Document {
    /// Findings for this page's load problems of the given kinds.
    public func findings(for kinds: Set<DocumentProblem.Kind>, markupKinds: Set<MarkupProblem.Kind> = []) -> [Finding] {
        problems.compactMap { problem in
            let matches = kinds.contains(problem.kind) || (problem.kind == .markup && problem.markupKind.map(markupKinds.contains) == true)
            guard matches else { return nil }
            var finding = Finding(path: problem.path, at: problem.position, end: problem.end, problem.message, severity: problem.isError ? .error : .warning)
            finding.fixes = problem.fixes
            return finding
        }
    }
}
