import DocgenCore
import DocgenMarkup

/// Reports relative links to files that do not exist in the content root.
public struct BrokenLink: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG101", alias: "broken-link",
        summary: "Relative links must point to a file that exists",
        severity: .error, tags: ["links"],
        rationale: "A broken link is a dead end for the reader. Links to other pages are checked against the files in the content root; links into other Learn doc sets (/azure/...) and external URLs are not. A link to a page that `.openpublishing.redirection*.json` redirects is valid and is built as a link to where the redirects finally lead, unless they lead to no page (a missing page, or a loop: see redirect); a `~/` path into a dependent repository of `.openpublishing.publish.config.json` that is not checked out is noted once per repository (dependent-repository); links into a docfx.json content folder that is not in the checkout (reference generated at build time) are not checked.",
        bad: "See [alerts](alert.md).",
        good: "See [alerts](alerts.md).")

    /// Reads where the page's links lead, which the Learn URL paths inferred from every page decide.
    public static let readsLoadedSite = true

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        context.links(in: document).compactMap { link in
            guard link.kind == .link else { return nil }
            switch link.target {
            case .missing(let path, _, nil):
                // Learn serves a redirected source path: the link works unless the redirect
                // itself leads to a file that does not exist.
                let redirects = context.site.files.redirects
                if let destination = redirects.destination(forSource: path), let redirect = redirects.redirection(forSource: path) {
                    guard destination == .missing else { return nil }
                    return Finding(path: link.path, at: link.position, "Link target '\(link.destination)' is redirected (\(redirect.file)) to '\(redirect.url)', which leads to no page; link to the page that replaced it.")
                }
                // Reported once per repository by dependent-repository.
                if context.site.docfx.missingRepository(containing: path) != nil { return nil }
                if link.destination.hasPrefix("~/"), context.site.docfx.unknownRepository(forTildePath: path) != nil { return nil }
                // Pages of a docfx.json content folder that the checkout lacks are generated at
                // build time (reference pages made from code); they cannot be checked here.
                if context.site.docfx.isInUnavailableSource(path) { return nil }
                let suggestion = Self.nearestFile(to: path, in: context)
                let hint = suggestion.map { "; did you mean '\(RelativePath.link(from: link.path, to: $0))'?" } ?? "; fix the path or remove the link."
                return Finding(path: link.path, at: link.position, "Link target '\(link.destination)' does not exist\(hint)", suggestion: suggestion.map { RelativePath.link(from: link.path, to: $0) })
            case .outsideRoot:
                return Finding(path: link.path, at: link.position, "Link '\(link.destination)' climbs out of the content root; link to a page inside it, or use an absolute URL.")
            default:
                return nil
            }
        }
    }

    /// The existing file whose path is closest to `path` (same extension, small edit distance).
    static func nearestFile(to path: String, in context: LintContext) -> String? {
        let fileName = String(path.split(separator: "/").last ?? "")
        let folder = RelativePath.directory(of: path), isPage = path.hasSuffix(".md")
        // A typo is nearly always in the file name: look among the target folder's files only.
        return context.suggestion(for: fileName, atMost: max(2, fileName.count / 4), among: "files in \(folder) \(isPage)") {
            let candidates = context.site.files.files(in: folder).filter { $0.hasSuffix(".md") == isPage }
            return NearestNames(candidates) { String($0.split(separator: "/").last ?? "") }
        }
    }
}
