import DocgenCore
import DocgenLint
import DocgenRender
import DocgenTestSupport
import Foundation
import Testing

/// Renders every page of `Fixtures/site` (one page per Learn construct, malformed forms
/// included) and compares the HTML, and the diagnostics for the whole fixture site, with the
/// goldens in `Tests/Goldens/render/`. `DOCGEN_UPDATE_GOLDENS=1` rewrites them.
@Suite struct RenderGoldenTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/site")
    static let site = SiteLoader.load(root: fixture)

    static var pages: [String] { site.documents.map(\.path) }

    @Test(arguments: pages)
    func rendersPageLikeTheGolden(path: String) throws {
        let document = try #require(Self.site.document(at: path))
        let article = HTMLRenderer.render(document, files: Self.site.files)
        var text = "<!-- heading -->\n\(article.headingHTML)\n<!-- body -->\n\(article.bodyHTML)"
        text += "<!-- outline -->\n" + article.outline.map { "\($0.level) \($0.id) \($0.text)\n" }.joined()
        text += "<!-- assets -->\n" + article.assets.sorted().map { $0 + "\n" }.joined()
        let name = "render/" + path.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: ".md", with: ".html")
        let mismatch = Golden.mismatch(text, golden: name)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func reportsDiagnosticsLikeTheGolden() {
        let engine = LintEngine(configuration: LintConfiguration(Self.site.configuration.lint))
        let diagnostics = engine.run(LintContext(site: Self.site, today: LintHarness.today))
        let text = diagnostics.map { $0.formatted + "\n" }.joined()
        let mismatch = Golden.mismatch(text, golden: "render/diagnostics.txt")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }
}
