import DocgenCore
import DocgenMarkup
import Foundation

/// Reports pages that share a title with an earlier page of the site published with it (the same
/// doc set and docfx.json version group).
public struct DuplicateTitle: SiteLintRule {
    public static let metadata = RuleMetadata(
        id: "DG006", alias: "duplicate-title",
        summary: "Each page must have its own title",
        severity: .warning, tags: ["metadata"],
        rationale: "The title is what the browser tab, search results and the table of contents show. Two pages with the same title cannot be told apart there, and search engines may drop one of them.",
        bad: "<!-- nodes.md -->\n---\ntitle: Monitor Kubernetes\n---\n\n<!-- pods.md -->\n---\ntitle: Monitor Kubernetes\n---",
        good: "<!-- nodes.md -->\n---\ntitle: Monitor Kubernetes nodes\n---\n\n<!-- pods.md -->\n---\ntitle: Monitor Kubernetes pods\n---")

    public init(options: RuleOptions) {}

    public func checkSite(_ context: LintContext) -> [Finding] {
        var firstByTitle: [String: String] = [:]
        var findings: [Finding] = []
        // Documents are sorted by path, so "first" is stable from run to run.
        let documents = context.site.documents
        // By index, not `for document in`: a copy of each page costs more than the rule on a save.
        for index in documents.indices {
            // Kept with the page: serve runs this rule on every save, and only the saved page changed.
            let titled = documents[index].memo.value(Self.memoKey) { Self.titleKey(of: documents[index], in: context) }
            guard let (title, position, key) = titled.map({ ($0.title, $0.position, $0.key) }) else { continue }
            if let first = firstByTitle[key] {
                findings.append(Finding(
                    path: documents[index].path, at: position,
                    "Title '\(title)' is also the title of '\(first)'; give each page its own title."))
            } else {
                firstByTitle[key] = documents[index].path
            }
        }
        return findings
    }

    /// The front matter title, or else the first H1 (as Learn falls back); never the file name,
    /// which would make every `index.md` a duplicate.
    /// The memo key of a page's ``TitleKey``.
    static let memoKey = "duplicate-title"

    /// A page's title, where it is written, and what it must not share with another page.
    static func titleKey(of document: Document, in context: LintContext) -> TitleKey? {
        guard let (title, position) = Self.title(of: document) else { return nil }
        // Pages of different doc sets or version groups (docfx.json `groups`: the same page
        // for Latest and LTS) are published apart and may share a title.
        return TitleKey(title: title, position: position, key: context.site.docfx.publicationKey(of: document.path) + "\u{0}" + title.lowercased())
    }

    /// A page's title, where it is written, and what it must not share with another page.
    struct TitleKey: Sendable {
        let title: String
        let position: SourcePosition
        let key: String
    }

    static func title(of document: Document) -> (String, SourcePosition)? {
        if let entry = document.frontMatter.entry("title"),
           let title = entry.value.string?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty {
            return (title, SourcePosition(line: entry.line, column: entry.column))
        }
        // Only the page's own H1: a position inside an include file would not match the path.
        var h1: (String, SourcePosition)?
        document.root.walk(in: document.path) { node, path in
            guard h1 == nil, path == document.path, case .heading(level: 1, id: _) = node.kind else { return }
            let text = node.plainText.trimmingWhitespace()
            if !text.isEmpty { h1 = (text, node.start ?? SourcePosition(line: 1, column: 1)) }
        }
        return h1
    }
}
