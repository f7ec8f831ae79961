import DocgenCore
import DocgenMarkup

/// Notes, once per doc set, that root-relative links lead to other Learn doc sets and stay as
/// written, when `docgen.yml` names no Learn host to make them absolute.
public struct OtherDocSetLinks: SiteLintRule {
    public static let metadata = RuleMetadata(
        id: "DG109", alias: "other-doc-set-links",
        summary: "Links into other Learn doc sets need a host outside Learn",
        severity: .note, tags: ["links"],
        rationale: "Learn writes links between its doc sets as root-relative paths (/windows/..., /azure/...). They work where Learn serves the site and lead nowhere on any other host. docgen resolves those that name this doc set's own pages; the others are kept as written unless docgen.yml names Learn's host (site.learn-host: https://learn.microsoft.com), which makes them absolute. One note per doc set, at the first such link, since it is one decision.",
        bad: "<!-- docgen.yml without site.learn-host -->\nSee [Windows containers](/virtualization/windowscontainers/about/).",
        good: "<!-- docgen.yml -->\nsite:\n  learn-host: https://learn.microsoft.com")

    public init(options: RuleOptions) {}

    public func checkSite(_ context: LintContext) -> [Finding] {
        let links = context.site.otherDocSetLinks
        guard context.site.files.learnPaths.host == nil, let first = links.first else { return [] }
        let count = links.count == 1 ? "1 link" : "\(links.count) links"
        let inPages = links.files.count == 1 ? "1 file" : "\(links.files.count) files"
        return [Finding(
            path: first.path, at: first.position,
            "\(count) in \(inPages) lead to other Learn doc sets (\(links.prefixes.joined(separator: ", "))...) and are kept as written, so they work only where Learn serves this site; set site.learn-host in docgen.yml (https://learn.microsoft.com) to make them absolute.")]
    }
}
