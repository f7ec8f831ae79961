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
        good: "See the [security blog](https://www.microsoft.com/security/blog/).",
        fix: "the link without its locale segment")

    /// Reads where the page's links lead, which the Learn URL paths inferred from every page decide.
    public static let readsLoadedSite = true

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        context.links(in: document).compactMap { link in
            guard link.kind == .link, let url = Self.microsoftURL(link.destination),
                  let locale = Self.localeSegment(in: url.rest), url.host != nil || locale.index == 1 else { return nil }
            let written = link.destination.trimmingSpaces()
            let fixed = String(written.dropLast(url.rest.count)) + Self.removingSegment(locale.index, from: url.rest)
            return Finding(
                path: link.path, at: link.position,
                "Link '\(written)' contains locale code '\(locale.code)'; remove '/\(locale.code)' so readers get their own language.",
                suggestion: fixed, fix: context.destinationFix(of: link, as: fixed, summary: "Remove '/\(locale.code)' from the link"))
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
        // Bytes, not Characters: this runs on every root-relative link of every page.
        let bytes = rest.utf8
        var index = 0
        var segmentStart = bytes.startIndex
        var position = bytes.startIndex
        while true {
            let atEnd = position == bytes.endIndex || bytes[position] == UInt8(ascii: "?") || bytes[position] == UInt8(ascii: "#")
            if atEnd || bytes[position] == UInt8(ascii: "/") {
                let segment = bytes[segmentStart..<position]
                if isLocale(segment) { return (String(decoding: segment, as: UTF8.self), index) }
                if atEnd { return nil }
                index += 1
                segmentStart = bytes.index(after: position)
            }
            position = bytes.index(after: position)
        }
    }

    /// Two ASCII letters, a hyphen, two ASCII letters.
    private static func isLocale(_ segment: Substring.UTF8View) -> Bool {
        guard segment.count == 5 else { return false }
        for (offset, byte) in segment.enumerated() {
            guard offset == 2 ? byte == UInt8(ascii: "-") : byte.isASCIILetter else { return false }
        }
        return true
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
