import DocgenCore
import DocgenMarkup

/// Reports absolute `https://learn.microsoft.com/...` and `docs.microsoft.com` links that should
/// be site-relative (`/azure/...`).
public struct LearnLinkAbsolute: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG106", alias: "learn-link-absolute",
        summary: "Links to Learn pages must be site-relative",
        severity: .warning, tags: ["links"],
        rationale: "Learn asks for site-relative links (/azure/...) to its own pages: an absolute URL pins the reader to one host and often one locale, breaks in review and isolated environments, and docs.microsoft.com only works through a redirect.",
        bad: "See [AKS monitoring](https://learn.microsoft.com/en-us/azure/aks/monitor-aks).",
        good: "See [AKS monitoring](/azure/aks/monitor-aks).",
        fix: "the site-relative link, without host or locale")

    /// Hosts that serve Learn pages.
    static let learnHosts: Set<String> = ["learn.microsoft.com", "docs.microsoft.com"]

    /// Reads where the page's links lead, which the Learn URL paths inferred from every page decide.
    public static let readsLoadedSite = true

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        context.links(in: document).compactMap { link in
            guard link.kind == .link, let url = Self.parse(link.destination), Self.learnHosts.contains(url.host) else { return nil }
            var path = url.rest
            // A leading locale has no place in a site-relative link: Learn picks the reader's.
            if let locale = HardCodedLocale.localeSegment(in: path), locale.index == 1 {
                path = HardCodedLocale.removingSegment(1, from: path)
            }
            let relative = path.hasPrefix("/") ? path : "/" + path
            return Finding(
                path: link.path, at: link.position,
                "Link '\(link.destination)' is an absolute URL to a Learn page; use the site-relative '\(relative)' instead.",
                suggestion: relative, fix: context.destinationFix(of: link, as: relative, summary: "Write the link as '\(relative)'"))
        }
    }

    /// The lower-cased host and the rest (path, query, fragment) of an `http(s)://` or
    /// protocol-relative URL; nil for anything else.
    static func parse(_ destination: String) -> (host: String, rest: String)? {
        let trimmed = destination.trimmingSpaces()
        let lower = trimmed.lowercased()
        guard let prefix = ["https://", "http://", "//"].first(where: { lower.hasPrefix($0) }) else { return nil }
        let afterScheme = trimmed.dropFirst(prefix.count)
        let end = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        var host = afterScheme[..<end].lowercased()
        // Drop user info and port: only the name tells whose site it is.
        if let at = host.lastIndex(of: "@") { host = String(host[host.index(after: at)...]) }
        if let colon = host.firstIndex(of: ":") { host = String(host[..<colon]) }
        return (host, String(afterScheme[end...]))
    }
}
