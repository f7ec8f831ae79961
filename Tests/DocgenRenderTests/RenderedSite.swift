@testable import DocgenRender
import DocgenCore
import DocgenTestSupport
import Foundation

/// Renders a content root held in memory through the bundled templates and returns every emitted
/// file by output path, for tests that assert on the HTML a reader gets.
enum RenderedSite {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../site-templates").standardizedFileURL

    static func build(_ files: [String: String]) throws -> [String: String] {
        let content = try TemporaryContent(files)
        let site = SiteLoader.load(root: content.url)
        let options = BuildOptions(contentRoot: content.url, output: content.url.appendingPathComponent("_out"), templates: templates)
        let pages = EmittedFiles()
        _ = SiteRenderer(site: site, templates: try TemplateSet(folder: templates), options: options).render { path, data in pages.add(path, data) }
        return pages.texts
    }

    /// The `<tag ...>...</tag>` element of `html` that starts with `<tag`, such as the page's `<nav`.
    static func element(_ tag: String, in html: String) -> String {
        guard let start = html.range(of: "<" + tag), let end = html.range(of: "</\(tag)>", range: start.upperBound..<html.endIndex) else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }
}
