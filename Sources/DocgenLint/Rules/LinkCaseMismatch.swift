import DocgenCore
import DocgenMarkup

/// Reports relative links whose target exists only with other letter case.
public struct LinkCaseMismatch: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG105", alias: "link-case-mismatch",
        summary: "Link paths must match the letter case of the file",
        severity: .error, tags: ["links"],
        rationale: "On Windows and macOS a link to Alerts.md finds alerts.md, so the mistake goes unnoticed while writing; the published site is case-sensitive and the link is broken there.",
        bad: "See [alerts](Alerts.md).",
        good: "See [alerts](alerts.md).",
        fix: "the link in the file's letter case")

    /// Reads where the page's links lead, which the Learn URL paths inferred from every page decide.
    public static let readsLoadedSite = true

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        context.links(in: document).compactMap { link in
            // Images have their own case check in DG201.
            guard link.kind == .link, case .missing(_, _, let real?) = link.target else { return nil }
            let corrected = Self.corrected(link.destination, from: link.path, to: real)
            return Finding(
                path: link.path, at: link.position,
                "Link target '\(link.destination)' does not match the letter case of the file '\(real)'; write it as '\(corrected)'.",
                suggestion: corrected, fix: context.destinationFix(of: link, as: corrected, summary: "Write the link as '\(corrected)'"))
        }
    }

    /// The link to `real` from the file at `path`, keeping the query and fragment as written.
    static func corrected(_ destination: String, from path: String, to real: String) -> String {
        let written = destination.trimmingSpaces()
        let tail = written.firstIndex { $0 == "#" || $0 == "?" }.map { String(written[$0...]) } ?? ""
        let link = written.hasPrefix("~/") ? "~/" + real : RelativePath.link(from: path, to: real)
        return link + tail
    }
}
