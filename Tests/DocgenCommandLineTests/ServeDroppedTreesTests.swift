import DocgenCore
import DocgenEngine
import DocgenLint
import DocgenRender
@testable import DocgenServe
import DocgenTestSupport
import Foundation
import Testing

@Suite("serve checks each page as it is read and drops its tree")
struct ServeDroppedTreesTests {
    @Test("Every output and finding is what a site loaded with whole trees gives")
    func sameAsWholeTrees() throws {
        let content = try ServeFixtures.content()
        let templates = try ServeFixtures.templates()
        let report = PreviewBuilder(contentRoot: content.url, templates: templates).build()
        let site = SiteLoader.load(root: content.url)
        let lint = SiteLintResults(engine: SiteChecks.engine(for: site), context: LintContext(site: site, today: Date()))
        #expect(report.findings == lint.count)
        #expect(report.findings > 0)
        let options = BuildOptions(
            contentRoot: content.url, output: content.url.appendingPathComponent("_site"), templates: templates, includeDrafts: true)
        let whole = SiteOutputs(
            site: site, templates: try TemplateSet(folder: templates), options: options,
            findings: { PreviewBuilder.findings(of: $0, in: lint, site: site) }, liveReload: true)
        let served = ServeFixtures.outputs(of: report.snapshot)
        #expect(served["overview.html"]?.contains("Included note text v1.") == true, "a page whose tree was dropped renders in full")
        for path in whole.outputPaths {
            #expect(served[path] == whole.render(path).map { String(decoding: $0, as: UTF8.self) }, "\(path) differs from whole trees")
        }
    }
}
