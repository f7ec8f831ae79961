import DocgenCore
import DocgenLint
import DocgenMarkup
import DocgenTestSupport
import Foundation
import Testing

@Suite("lint checks each page as it is loaded and drops its tree")
struct CompiledPageTests {
    @Test("A compiled page keeps its source, front matter and anchors, and of its tree only its headings, those of its includes inside the include")
    func keepsHeadingsOnly() throws {
        let content = try TemporaryContent([
            "docs/a.md": LintHarness.validFrontMatter + "# Alerts\n\nSee [b](b.md#install) and ![chart](chart.png).\n\n[!INCLUDE [shared](../includes/shared.md)]\n\n## Set up\n\nText.\n",
            "docs/b.md": LintHarness.validFrontMatter + "# B\n\n## Setup\n",
            "includes/shared.md": "## Shared steps\n\nShared text.\n",
        ])
        let engine = LintEngine(configuration: LintConfiguration(SiteConfiguration().lint))
        let site = SiteLoader.load(root: content.url) { frame in
            let context = LintContext(site: frame, today: LintHarness.today)
            return { engine.compile($0, in: context) }
        }
        let page = try #require(site.document(at: "docs/a.md"))
        #expect(page.source.lines.count == 17)
        #expect(page.frontMatter.title == "A page about monitoring clusters")
        #expect(page.anchors.isSuperset(of: ["alerts", "set-up", "shared-steps"]))
        var kinds: [String] = []
        page.root.walk { node in
            switch node.kind {
            case .document: kinds.append("document")
            case .heading(let level, let id): kinds.append("h\(level)#\(id)")
            case .includedContent(let path): kinds.append("include \(path)")
            case .text(let text): kinds.append(text)
            default: kinds.append("other")
            }
        }
        #expect(kinds == ["document", "h1#alerts", "Alerts", "include includes/shared.md", "h2#shared-steps", "Shared steps", "h2#set-up", "Set up"])
        // The rules that read where links lead run now, on the links kept as written.
        let findings = engine.run(LintContext(site: site, today: LintHarness.today)).map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" }
        // A broken anchor into the other page, and the missing image (file and alt text check).
        #expect(findings.filter { $0.hasPrefix("docs/a.md") } == ["docs/a.md:10:5 DG102", "docs/a.md:10:27 DG201", "docs/a.md:10:27 DG202"])
    }
}
