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
        var result: [LinkOccurrence] = []
        document.root.walk(in: document.path) { node, path in
            let position = node.start ?? SourcePosition(line: 1, column: 1)
            func add(_ kind: Kind, _ destination: String, _ text: String, at position: SourcePosition) {
                let target = LinkTarget.resolve(destination, from: path, files: site.files, docfx: site.docfx)
                result.append(LinkOccurrence(kind: kind, destination: destination, text: text, path: path, position: position, target: target))
            }
            switch node.kind {
            case .link(let destination, _, let autolink) where !autolink:
                add(.link, destination, node.plainText, at: position)
            case .image(let source, _):
                add(.image, source, node.plainText, at: position)
            case .inlineImage(let image), .complexImage(let image):
                add(.imageDirective, image.source, image.altText ?? "", at: image.position)
                if let lightbox = image.lightbox {
                    add(.lightbox, lightbox, image.altText ?? "", at: image.position)
                }
            default:
                break
            }
        }
        return result
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
