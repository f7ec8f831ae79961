@testable import DocgenServe
import DocgenTestSupport
import Foundation
import Testing

/// A page or image added or removed while `serve` runs reads the added pages and lints the pages
/// linking to the file, instead of loading every page again; what a browser then sees is
/// exactly what a fresh start on the same files shows.
@Suite("serve: a page or image added or removed")
struct ServeFileListTests {
    private static func page(_ title: String, _ body: String) -> String {
        "---\ntitle: \(title) for the file list tests\ndescription: A page the file list tests add, remove and link to.\nauthor: docgen\nms.date: 01/15/2026\n---\n\n\(body)"
    }

    private static func files() -> [String: String] {
        [
            "docgen.yml": "site:\n  title: File list site\n  description: Pages that come and go.\n",
            "alerts.md": page("Alerts", "# Alerts\n\nSee [the runbook](runbook.md#steps) and ![A dashboard](media/dashboard.png).\n"),
            "logs.md": page("Logs", "# Logs\n\nSee [alerts](alerts.md).\n"),
            "nodes.md": page("Nodes", "# Nodes\n\nWatch the nodes.\n"),
            "network.md": page("Network", "# Network\n\nWatch the network.\n"),
            "storage.md": page("Storage", "# Storage\n\nWatch the disks.\n"),
        ]
    }

    @Test("A page that a broken link leads to, once added, is read alone and the link's finding goes")
    func addedPage() throws {
        let (content, templates, builder) = try ServeFixtures.started(Self.files())
        #expect(try ServeFixtures.servedPage("alerts.html", in: builder.build()).contains("runbook.md"))

        try content.write("runbook.md", Self.page("Runbook", "# Runbook\n\n## Steps\n\nFollow them.\n"))
        let added = builder.update(ChangeWatcher.Changes(added: ["runbook.md"]))
        #expect(!added.wasFull)
        #expect(added.reloadedPages == 1)
        #expect(added.lintedPages == 2, "the new page and the page linking to it")
        #expect(try ServeFixtures.servedPage("runbook.html", in: added).contains("Follow them."))
        #expect(try !ServeFixtures.servedPage("alerts.html", in: added).contains("DG101"))
        #expect(try ServeFixtures.servedPage("nodes.html", in: added).contains("Runbook for the file list tests"), "the navigation lists it")
        ServeFixtures.expectSameAsFreshStart(added, content: content, templates: templates)
    }

    @Test("A removed page leaves a broken link where a page linked to it, and the navigation without it")
    func removedPage() throws {
        let (content, templates, builder) = try ServeFixtures.started(Self.files())
        try FileManager.default.removeItem(at: content.url.appendingPathComponent("alerts.md"))
        let removed = builder.update(ChangeWatcher.Changes(removed: ["alerts.md"]))
        #expect(!removed.wasFull)
        #expect(removed.removedPages == 1)
        #expect(removed.lintedPages == 1, "the page linking to it")
        #expect(try ServeFixtures.servedPage("logs.html", in: removed).contains("DG101"))
        #expect(try !ServeFixtures.servedPage("nodes.html", in: removed).contains("Alerts for the file list tests"))
        ServeFixtures.expectSameAsFreshStart(removed, content: content, templates: templates)
    }

    @Test("An image added where a page showed a missing one is checked on that page alone")
    func addedImage() throws {
        let (content, templates, builder) = try ServeFixtures.started(Self.files())
        #expect(try ServeFixtures.servedPage("alerts.html", in: builder.build()).contains("DG201"))
        try content.write("media/dashboard.png", "")
        let added = builder.update(ChangeWatcher.Changes(added: ["media/dashboard.png"]))
        #expect(!added.wasFull)
        #expect(added.lintedPages == 1)
        #expect(try !ServeFixtures.servedPage("alerts.html", in: added).contains("DG201"))
        ServeFixtures.expectSameAsFreshStart(added, content: content, templates: templates)
    }

    @Test("An include, a page a missing include named, a page with a uid or a TOC, added, loads everything")
    func additionsThatLoadEverything() throws {
        var files = Self.files()
        files["nodes.md"] = Self.page("Nodes", "# Nodes\n\n[!INCLUDE [pools](pools.md)]\n")
        let (content, templates, builder) = try ServeFixtures.started(files)

        try content.write("includes/shared.md", "A shared note.\n")
        let include = builder.update(ChangeWatcher.Changes(added: ["includes/shared.md"]))
        #expect(include.wasFull)
        ServeFixtures.expectSameAsFreshStart(include, content: content, templates: templates)

        try content.write("pools.md", Self.page("Pools", "# Pools\n\nNode pools.\n"))
        let included = builder.update(ChangeWatcher.Changes(added: ["pools.md"]))
        #expect(included.wasFull, "nodes.md tried to include it")
        #expect(try ServeFixtures.servedPage("nodes.html", in: included).contains("Node pools."))
        ServeFixtures.expectSameAsFreshStart(included, content: content, templates: templates)

        try content.write("runbook.md", "---\ntitle: Runbook\nuid: contoso.runbook\n---\n\n# Runbook\n\n## Steps\n")
        let identified = builder.update(ChangeWatcher.Changes(added: ["runbook.md"]))
        #expect(identified.wasFull)
        ServeFixtures.expectSameAsFreshStart(identified, content: content, templates: templates)

        try content.write("toc.yml", "- name: Alerts\n  href: alerts.md\n")
        let toc = builder.update(ChangeWatcher.Changes(added: ["toc.yml"]))
        #expect(toc.wasFull)
        ServeFixtures.expectSameAsFreshStart(toc, content: content, templates: templates)
    }

    @Test("A page added where a root-relative link leads loads everything")
    func addedPageARootRelativeLinkLeadsTo() throws {
        var files = Self.files()
        files["docgen.yml"] = "site:\n  title: File list site\n  learn-paths:\n    /docs/: \"\"\n"
        files["logs.md"] = Self.page("Logs", "# Logs\n\nSee [the runbook](/docs/runbook) and [alerts](/docs/alerts).\n")
        let (content, templates, builder) = try ServeFixtures.started(files)

        try content.write("runbook.md", Self.page("Runbook", "# Runbook\n\n## Steps\n"))
        let added = builder.update(ChangeWatcher.Changes(added: ["runbook.md"]))
        #expect(added.wasFull)
        ServeFixtures.expectSameAsFreshStart(added, content: content, templates: templates)

        try content.write("nodes-pools.md", Self.page("Pools", "# Pools\n"))
        let unlinked = builder.update(ChangeWatcher.Changes(added: ["nodes-pools.md"]))
        #expect(!unlinked.wasFull, "no link leads to it")
        ServeFixtures.expectSameAsFreshStart(unlinked, content: content, templates: templates)
    }
}
