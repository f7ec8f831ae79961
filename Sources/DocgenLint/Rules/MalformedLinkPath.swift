import DocgenCore
import DocgenMarkup
import Foundation

/// Reports relative link and image paths written with backslashes, doubled slashes or unencoded
/// spaces.
public struct MalformedLinkPath: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG104", alias: "malformed-link-path",
        summary: "Link paths must use single forward slashes and encode spaces",
        severity: .warning, tags: ["links"],
        rationale: "Backslashes only work on Windows, doubled slashes are copy-paste slips that some servers refuse, and a space must be written %20 to be a valid URL. docgen resolves all three leniently, so the link may work locally and break once published.",
        bad: "See [alerts](..\\monitoring//alerts.md) and ![Node view](<media/node view.png>).",
        good: "See [alerts](../monitoring/alerts.md) and ![Node view](media/node%20view.png).",
        fix: "the path with forward slashes, one at a time, and %20 for spaces")

    /// Reads where the page's links lead, which the Learn URL paths inferred from every page decide.
    public static let readsLoadedSite = true

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        context.links(in: document).compactMap { link in
            // Nearly every destination has no backslash, space or doubled slash anywhere.
            guard link.destination.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: " ") }) || Self.hasDoubledSlash(link.destination[...]) else { return nil }
            switch link.target {
            case .empty, .external, .learnReference, .fragment:
                // URLs with a scheme follow their own rules; fragments are not paths.
                return nil
            default:
                break
            }
            let destination = link.destination.trimmingSpaces()
            let end = destination.firstIndex { $0 == "#" || $0 == "?" } ?? destination.endIndex
            let path = destination[..<end]
            var problems: [String] = []
            if path.utf8.contains(UInt8(ascii: "\\")) { problems.append("uses backslashes") }
            if Self.hasDoubledSlash(path) { problems.append("has a doubled slash") }
            if path.utf8.contains(UInt8(ascii: " ")) { problems.append("has an unencoded space") }
            guard !problems.isEmpty else { return nil }
            let fixed = Self.fixed(String(path)) + destination[end...]
            let noun = link.kind == .link ? "Link path" : "Image path"
            let list = problems.count == 1 ? problems[0] : problems.dropLast().joined(separator: ", ") + " and " + problems.last!
            return Finding(path: link.path, at: link.position, "\(noun) '\(destination)' \(list); write it as '\(fixed)'.", suggestion: fixed,
                           fix: context.destinationFix(of: link, as: fixed, summary: "Write the path as '\(fixed)'"))
        }
    }

    /// Whether two slashes of either direction follow each other.
    static func hasDoubledSlash(_ path: Substring) -> Bool {
        var previousWasSlash = false
        for byte in path.utf8 {
            let isSlash = byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\")
            if isSlash, previousWasSlash { return true }
            previousWasSlash = isSlash
        }
        return false
    }

    /// Forward slashes, one at a time, and `%20` for spaces.
    static func fixed(_ path: String) -> String {
        var result = ""
        for character in path.replacingOccurrences(of: "\\", with: "/") {
            if character == "/", result.last == "/" { continue }
            result += character == " " ? "%20" : String(character)
        }
        return result
    }
}
