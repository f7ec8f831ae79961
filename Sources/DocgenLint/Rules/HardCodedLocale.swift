import DocgenCore
import DocgenMarkup

/// Reports links to Microsoft sites, and root-relative Learn links, whose path carries a locale
/// such as `/en-us/`.
public struct HardCodedLocale: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG107", alias: "hard-coded-locale",
        summary: "Links to Microsoft sites must not contain a locale",
        severity: .warning, tags: ["links"],
        rationale: "Microsoft sites pick the reader's language when the URL has no locale. A link with /en-us/ sends every reader, and every translated copy of the page, to the English version.",
        bad: "See the [security blog](https://www.microsoft.com/en-us/security/blog/).",
        good: "See the [security blog](https://www.microsoft.com/security/blog/).")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        LinkOccurrence.all(in: document).compactMap { link in
            guard link.kind == .link, let url = Self.microsoftURL(link.destination),
                  let locale = Self.localeSegment(in: url.rest), url.host != nil || locale.index == 1 else { return nil }
            let written = link.destination.trimmingSpaces()
            let fixed = String(written.dropLast(url.rest.count)) + Self.removingSegment(locale.index, from: url.rest)
            return Finding(
                path: link.path, at: link.position,
                "Link '\(written)' contains locale code '\(locale.code)'; remove '/\(locale.code)' so readers get their own language.",
                suggestion: fixed)
        }
    }

    /// An absolute URL on microsoft.com or a subdomain, or a root-relative link, which on Learn is
    /// one too; for the latter only a leading locale (`/en-us/azure`) is reported.
    static func microsoftURL(_ destination: String) -> (host: String?, rest: String)? {
        let trimmed = destination.trimmingSpaces()
        if trimmed.hasPrefix("/"), !trimmed.hasPrefix("//") { return (nil, trimmed) }
        guard let url = LearnLinkAbsolute.parse(trimmed), url.host == "microsoft.com" || url.host.hasSuffix(".microsoft.com") else { return nil }
        return url
    }

    /// The first path segment shaped like a locale (`en-us`, `de-DE`) in a URL's path (query and
    /// fragment excluded), with its index among the `/`-separated parts (1 right after the host).
    static func localeSegment(in rest: String) -> (code: String, index: Int)? {
        let segments = rest.prefix { $0 != "?" && $0 != "#" }.split(separator: "/", omittingEmptySubsequences: false)
        guard let index = segments.firstIndex(where: { segment in
            let parts = segment.split(separator: "-", omittingEmptySubsequences: false)
            return parts.count == 2 && parts.allSatisfy { $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isLetter } }
        }) else { return nil }
        return (String(segments[index]), index)
    }

    /// `rest` without the path segment at `index`, query and fragment kept.
    static func removingSegment(_ index: Int, from rest: String) -> String {
        let pathEnd = rest.firstIndex { $0 == "?" || $0 == "#" } ?? rest.endIndex
        var segments = rest[..<pathEnd].split(separator: "/", omittingEmptySubsequences: false)
        segments.remove(at: index)
        let path = segments.joined(separator: "/")
        return (path.isEmpty ? "/" : path) + rest[pathEnd...]
    }
}
