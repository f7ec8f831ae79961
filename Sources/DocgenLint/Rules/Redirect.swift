import DocgenCore
import DocgenMarkup

/// Reports `.openpublishing.redirection*.json` entries that leave a reader nowhere, at their
/// lines: a target that is not a page, redirects that loop, two redirects for one source, a
/// redirected page that still exists, and a redirection file that cannot be read.
public struct Redirect: SiteLintRule {
    public static let metadata = RuleMetadata(
        id: "DG120", alias: "redirect",
        summary: "Redirects must lead to a page, once per source, for pages that are gone",
        severity: .warning, tags: ["links"],
        rationale: "Every source_path of .openpublishing.redirection*.json is published as a page that sends old links and bookmarks on to redirect_url, followed through chains of redirects. A redirect to a page of this doc set that does not exist, or redirects that loop, leave those readers at a dead end (Learn: circular-redirection, an error); a second redirect for the same source is ignored (redirection-conflict); a redirected page that still exists is built and its redirect is not (redirected-file-not-removed). A redirection file that is not valid JSON loses all its redirects.",
        bad: "<!-- .openpublishing.redirection.json -->\n{\"redirections\": [\n  {\"source_path\": \"old.md\", \"redirect_url\": \"new\"},\n  {\"source_path\": \"new.md\", \"redirect_url\": \"old\"}]}",
        good: "<!-- .openpublishing.redirection.json -->\n{\"redirections\": [\n  {\"source_path\": \"old.md\", \"redirect_url\": \"overview\"}]}")

    public init(options: RuleOptions) {}

    public func checkSite(_ context: LintContext) -> [Finding] {
        let unreadable = context.site.docfx.redirectionProblems.map { problem in
            Finding(path: problem.path, at: problem.position, problem.message, severity: .error)
        }
        return unreadable + context.site.files.redirects.problems.map { problem in
            Finding(path: problem.file, at: problem.position, problem.message, severity: problem.kind == .loop ? .error : nil)
        }
    }
}
