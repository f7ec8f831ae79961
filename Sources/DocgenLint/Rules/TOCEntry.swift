import DocgenCore
import DocgenMarkup

/// Reports `toc.yml` files that do not parse, entries that lead to no file, and TOCs that nest
/// themselves, at their lines.
public struct TOCEntry: SiteLintRule {
    public static let metadata = RuleMetadata(
        id: "DG011", alias: "toc-entry",
        summary: "toc.yml entries must lead to pages that exist, without nesting their own TOC",
        severity: .warning, tags: ["navigation"],
        rationale: "The table of contents is how readers browse a doc set. An entry whose page is gone is a dead link in every page's navigation; a TOC that nests itself would never end, so the entry is dropped; a toc.yml that does not parse leaves its pages without navigation.",
        bad: "<!-- toc.yml -->\n- name: Upgrade the agent\n  href: upgrade-agent.md   # the page is named upgrade.md",
        good: "<!-- toc.yml -->\n- name: Upgrade the agent\n  href: upgrade.md")

    public init(options: RuleOptions) {}

    public func checkSite(_ context: LintContext) -> [Finding] {
        context.site.tocProblems.map { problem in
            Finding(path: problem.path, at: problem.position, problem.message, severity: problem.kind == .invalidYAML ? .error : nil)
        }
    }
}
