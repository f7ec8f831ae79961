import DocgenCore
import Foundation

/// The small pages written at redirected source paths (`.openpublishing.redirection*.json`), so
/// that old URLs keep working: a meta refresh, a canonical link and a visible link to where the
/// redirects finally lead, and `noindex`.
struct RedirectPages {
    let site: Site
    let options: BuildOptions

    /// One page to write.
    struct Page {
        /// Where it is written.
        var outputPath: String
        /// The template's values.
        var context: [String: Any]
    }

    /// A page for every redirect that leads somewhere, except where a page of the site is
    /// written (a source that still exists, a generated page).
    func pages(taken: Set<String>) -> [Page] {
        let redirects = site.files.redirects
        let base = options.baseURL.isEmpty || options.baseURL.hasSuffix("/") ? options.baseURL : options.baseURL + "/"
        return redirects.redirections.compactMap { redirection in
            let output = Document.outputPath(for: redirection.source)
            guard !taken.contains(output), !site.files.contains(redirection.source),
                  let destination = redirects.destination(forSource: redirection.source) else { return nil }
            let rewriter = LinkRewriter(files: site.files, pageOutputPath: output, docfx: site.docfx)
            guard let url = rewriter.url(of: destination, fragment: nil) else { return nil }
            let title: String
            let canonical: String
            switch destination {
            case .page(let path, let fragment):
                title = site.document(at: path)?.displayTitle ?? site.yamlPages.first { $0.path == path }?.displayTitle ?? path
                canonical = base.isEmpty ? url : base + LinkRewriter.encodePath(Document.outputPath(for: path)) + (fragment.map { "#" + LinkRewriter.encodeFragment($0) } ?? "")
            case .url(let target):
                title = target
                canonical = target
            case .missing:
                return nil
            }
            let context: [String: Any] = [
                "root": RelativePath.rootPrefix(of: output),
                "site": ["title": site.configuration.title, "language": site.configuration.language],
                "redirect": ["url": HTMLEscaping.encodeURL(url), "canonical": HTMLEscaping.encodeURL(canonical), "title": title, "source": redirection.source],
            ]
            return Page(outputPath: output, context: context)
        }
    }
}
