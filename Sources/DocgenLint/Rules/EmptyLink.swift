import DocgenCore
import DocgenMarkup

/// Reports links that go nowhere: `[x]()`, `[x](<>)` and `[x](#)`.
public struct EmptyLink: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG103", alias: "empty-link",
        summary: "Links must have a destination",
        severity: .error, tags: ["links"],
        rationale: "An empty link looks clickable but goes nowhere; it is usually a placeholder left from drafting. Neither DocFX nor Learn report it: Learn treats an empty href as a link to the page itself.",
        bad: "Scrape metrics with [Prometheus]().",
        good: "Scrape metrics with [Prometheus](https://prometheus.io/docs/introduction/overview/).")

    /// Reads where the page's links lead, which the Learn URL paths inferred from every page decide.
    public static let readsLoadedSite = true

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        context.links(in: document).compactMap { link in
            guard link.kind == .link else { return nil }
            let text = link.text.isEmpty ? "Link" : "Link '\(link.text)'"
            if link.target == .empty {
                return Finding(path: link.path, at: link.position, "\(text) has no destination; add the page or URL it should go to, or remove the link.")
            }
            if link.destination.trimmingSpaces() == "#" {
                return Finding(path: link.path, at: link.position, "\(text) points to '#', which goes nowhere; add the bookmark or page it should go to, or remove the link.")
            }
            return nil
        }
    }
}
