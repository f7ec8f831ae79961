import DocgenCore
import DocgenMarkup

/// Reports `#bookmark` fragments, in-page or on links to other pages, that name no heading id or
/// HTML `id`/`name` of the target page.
public struct BrokenAnchor: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG102", alias: "broken-anchor",
        summary: "Bookmark links must name an anchor that exists on the target page",
        severity: .error, tags: ["links"],
        rationale: "A bookmark that names no anchor drops the reader at the top of the page instead of the section meant. Anchors are heading ids and HTML id/name attributes, and Learn compares them case-sensitively: #Setup does not find the heading id setup.",
        bad: "## Set up alerts\n\nSee [Set up alerts](#setup-alerts).",
        good: "## Set up alerts\n\nSee [Set up alerts](#set-up-alerts).",
        options: ["same-page": "true (check bookmarks within the page; a .markdownlint.json that turns MD051 off sets it to false, and links to other pages' bookmarks are still checked)"])

    /// Whether bookmarks within the same page are checked (`same-page`, default true; a team's
    /// markdownlint MD051 turned off sets it to false).
    let checksSamePage: Bool

    /// Reads where the page's links lead, which the Learn URL paths inferred from every page decide.
    public static let readsLoadedSite = true

    public init(options: RuleOptions) {
        checksSamePage = options.bool("same-page", default: true)
    }

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        context.links(in: document).compactMap { link in
            guard link.kind == .link else { return nil }
            let target: Document
            let fragment: String
            switch link.target {
            case .fragment(let name):
                guard checksSamePage else { return nil }
                // In-page bookmarks in included content point into the page that includes it.
                (target, fragment) = (document, name)
            case .file(let path, let name?):
                // Only pages have anchors; links to images, downloads or include files are skipped.
                guard let page = path == document.path ? document : context.site.document(at: path) else { return nil }
                (target, fragment) = (page, name)
            default:
                return nil
            }
            // `#top` and tab links are Learn conventions, not anchors; an empty `#` is DG103's.
            let lower = fragment.lowercased()
            guard !fragment.isEmpty, lower != "top", !lower.hasPrefix("tab/"), !target.anchors.contains(fragment) else { return nil }
            // A page whose include could not be read may have the heading in the missing part.
            if target.hasIncompleteContent { return nil }
            let guess = context.suggestion(for: fragment, atMost: max(2, fragment.count / 3), among: "anchors of " + target.path) { NearestNames(target.anchors) }
            let hint = guess.map { "; did you mean '#\($0)'?" } ?? "."
            return Finding(
                path: link.path, at: link.position, "Cannot find bookmark '#\(fragment)' in '\(target.path)'\(hint)",
                suggestion: guess.map { Self.replacingFragment(of: link.destination, with: $0) })
        }
    }

    /// The destination as written with its fragment replaced, the link the author meant.
    static func replacingFragment(of destination: String, with fragment: String) -> String {
        guard let hash = destination.firstIndex(of: "#") else { return destination + "#" + fragment }
        return String(destination[...hash]) + fragment
    }
}
