import DocgenCore
import DocgenMarkup

/// Notes pages that no `toc.yml` lists, on a site that has tables of contents: they are built,
/// but a reader finds them only through links.
public struct NotInTOC: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG009", alias: "not-in-toc",
        summary: "Pages are listed in a table of contents",
        severity: .note, tags: ["navigation"],
        rationale: "On Learn, the table of contents is how readers browse a doc set. A page no toc.yml lists is still published, with its nearest table of contents beside it, but nothing in that navigation leads to it, so readers reach it only through a link or search. Pages meant to be reached that way (a landing page's sub-pages, a retired page kept for its links) can stay as they are.",
        bad: "<!-- toc.yml -->\n- name: Overview\n  href: overview.md\n\n<!-- upgrade.md, listed nowhere -->\n---\ntitle: Upgrade the agent\n---",
        good: "<!-- toc.yml -->\n- name: Overview\n  href: overview.md\n- name: Upgrade the agent\n  href: upgrade.md")

    /// Reads the TOCs, loaded after the pages.
    public static let readsLoadedSite = true

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        let navigation = context.site.navigation
        guard !navigation.tocs.isEmpty, !navigation.lists(document.path) else { return [] }
        let nearest = navigation.tocIndex(for: document.path).map { navigation.tocs[$0].path } ?? "toc.yml"
        return [Finding(
            path: document.path, at: SourcePosition(line: 1, column: 1),
            "No toc.yml lists this page, so readers cannot browse to it; add it to \(nearest), or leave it to be reached through links.")]
    }
}
