import DocgenCore
import DocgenMarkup

/// Reports images, `:::image` sources and lightbox targets whose file does not exist.
public struct MissingImage: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG201", alias: "missing-image",
        summary: "Images must point to a file that exists",
        severity: .error, tags: ["images"],
        rationale: "A missing image shows as a broken icon, and the page loses what the picture was there to explain. Paths are checked against the files in the content root with exact letter case, as the published site compares them; external image URLs are not checked.",
        bad: ":::image type=\"content\" source=\"media/node-view.png\" alt-text=\"Node health view.\" lightbox=\"media/Node-View-Large.png\":::",
        good: ":::image type=\"content\" source=\"media/node-view.png\" alt-text=\"Node health view.\" lightbox=\"media/node-view-large.png\":::",
        fix: "an image path in the file's letter case (other missing images have no fix)")

    /// Reads where the page's links lead, which the Learn URL paths inferred from every page decide.
    public static let readsLoadedSite = true

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        context.links(in: document).compactMap { image in
            let noun: String
            switch image.kind {
            case .image: noun = "Image"
            case .imageDirective: noun = ":::image source"
            case .lightbox: noun = ":::image lightbox"
            default: return nil
            }
            switch image.target {
            case .empty:
                // `![x]()` or `lightbox=""`; an empty :::image source never gets here, it is DG203's.
                return Finding(path: image.path, at: image.position, "\(noun) has no path; add the image file it should show.")
            case .missing(_, _, let real?):
                let corrected = RelativePath.link(from: image.path, to: real)
                return Finding(
                    path: image.path, at: image.position,
                    "\(noun) '\(image.destination)' does not match the letter case of the file '\(real)'; write it as '\(corrected)'.",
                    suggestion: corrected, fix: context.destinationFix(
                        of: image, as: LinkCaseMismatch.corrected(image.destination, from: image.path, to: real), summary: "Write the image path as '\(corrected)'"))
            case .missing(let path, _, nil):
                if context.site.docfx.missingRepository(containing: path) != nil { return nil }
                let nearest = BrokenLink.nearestFile(to: path, in: context).map { RelativePath.link(from: image.path, to: $0) }
                let hint = nearest.map { "; did you mean '\($0)'?" } ?? "; add the file or fix the path."
                return Finding(path: image.path, at: image.position, "\(noun) '\(image.destination)' does not exist\(hint)", suggestion: nearest)
            case .outsideRoot:
                return Finding(path: image.path, at: image.position, "\(noun) '\(image.destination)' climbs out of the content root; keep images inside it.")
            default:
                // External URLs, root-relative paths into other doc sets and existing files.
                return nil
            }
        }
    }
}
