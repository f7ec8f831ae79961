import DocgenCore
@testable import DocgenServe
import DocgenTestSupport
import Foundation
import NIOCore
import Testing

/// `serve` starts from what its last start left in `.docgen-cache/`: the pages no edit touched
/// are stand-ins, read only when a browser asks for one. These tests prove that what a browser
/// sees, before and after saves, is what a start without the cache shows.
@Suite("serve: a start from the cache serves what a start without it serves")
struct ServeCacheStartTests {
    private static func page(_ title: String, _ body: String) -> String {
        """
        ---
        title: \(title) for the cached start tests
        description: A page about \(title.lowercased()) that the cached start tests serve, edit and link to.
        author: docgen
        ms.date: 01/15/2026
        ---

        \(body)
        """
    }

    /// A page titled by its H1 as another page is, with a broken link, whose findings comments
    /// may suppress; without them, blank lines keep every line where it was.
    private static func copy(suppressed: Bool) -> String {
        "---\ndescription: A copy of the logs page that the cached start tests serve, edit and link to.\nauthor: docgen\nms.date: 01/15/2026\n---\n\n"
            + (suppressed
                ? "<!-- docgen-disable duplicate-title -->\n# Logs for the cached start tests\n\n<!-- docgen-disable-next-line DG101 -->\nSee [a missing page](nowhere.md).\n"
                : "\n# Logs for the cached start tests\n\n\nSee [a missing page](nowhere.md).\n")
    }

    /// Pages that include a file, show a code sample, link to each other's headings, share a
    /// title, hold a suppression comment and have findings of page and site rules.
    private static func content() throws -> TemporaryContent {
        try TemporaryContent([
            "docgen.yml": "site:\n  title: Cached start site\n  description: Pages served from the cache.\n",
            "index.md": "# Home\n\nWelcome. Start with [alerts](alerts.md).\n",
            "alerts.md": page("Alerts", "# Alerts\n\n## Set up alerts\n\nSet them up. TODO: say how.\n\n## How do I silence an alert?\n\nSilence it.\n"),
            "dashboards.md": page(
                "Dashboards",
                "# Dashboards\n\nSee [setting up alerts](alerts.md#set-up-alerts) and [a gone heading](alerts.md#gone).\n\n"
                    + "[!INCLUDE [note](includes/note.md)]\n\n:::code language=\"python\" source=\"samples/panel.py\":::\n"),
            "logs.md": page("Logs", "# Logs\n\nRead the logs. See [dashboards](dashboards.md) and [a missing page](nowhere.md).\n"),
            "zcopy.md": copy(suppressed: true),
            "includes/note.md": "A shared note.\n",
            "samples/panel.py": "panel_alpha = 1\n",
            "toc.yml": "- name: Alerts\n  href: alerts.md\n- name: Dashboards\n  href: dashboards.md\n- name: Logs\n  href: logs.md\n- name: Copy\n  href: zcopy.md\n",
        ])
    }

    /// A builder that started with the cache and stored its entry, and a second start from it.
    private static func startTwice(_ content: TemporaryContent, templates: URL) throws -> (first: PreviewBuilder.Report, second: PreviewBuilder, secondReport: PreviewBuilder.Report) {
        let (_, firstReport) = startStoringEntry(content, templates: templates)
        let second = cachedBuilder(content, templates: templates)
        return (firstReport, second, second.build())
    }

    /// A builder that started with the cache and wrote its entry, and its report.
    private static func startStoringEntry(_ content: TemporaryContent, templates: URL) -> (builder: PreviewBuilder, report: PreviewBuilder.Report) {
        let builder = cachedBuilder(content, templates: templates)
        let report = builder.build()
        #expect(builder.storeCache() == nil, "the entry is written")
        return (builder, report)
    }

    /// A builder of `content` that uses the cache.
    private static func cachedBuilder(_ content: TemporaryContent, templates: URL) -> PreviewBuilder {
        PreviewBuilder(contentRoot: content.url, templates: templates, usesCache: true)
    }

    @Test("A second start reads only index.md, and every page, finding and search entry is as without the cache")
    func secondStart() throws {
        let content = try Self.content()
        let templates = try ServeFixtures.templates()
        let (first, second, report) = try Self.startTwice(content, templates: templates)
        #expect(first.cachedPages == 0)
        #expect(first.reloadedPages == 5)
        #expect(report.cachedPages == 4, "every page but index.md, whose body the home page shows, is a stand-in")
        #expect(report.reloadedPages == 1)
        #expect(report.lintedPages == 0, "index.md keeps its findings: nothing it reads changed")
        #expect(second.storeCache() == nil, "nothing changed: the entry stands")
        let dashboards = try ServeFixtures.servedPage("dashboards.html", in: report)
        #expect(dashboards.contains("A shared note."), "a stand-in is read when a browser asks for it")
        #expect(dashboards.contains("panel_alpha"))
        #expect(dashboards.contains("Cannot find bookmark &#39;#gone&#39;"), "the page shows its broken-anchor finding from the cache")
        ServeFixtures.expectSameAsFreshStart(report, content: content, templates: templates)
    }

    @Test("A page edited between two starts is read and linted; the others come from the cache")
    func editBetweenStarts() throws {
        let content = try Self.content()
        let templates = try ServeFixtures.templates()
        _ = Self.startStoringEntry(content, templates: templates)
        try content.write("logs.md", Self.page("Logs", "# Logs\n\nRead the logs with care. See [dashboards](dashboards.md) and [another missing page](elsewhere.md).\n"))
        let report = Self.cachedBuilder(content, templates: templates).build()
        #expect(report.cachedPages == 3)
        #expect(report.lintedPages == 1)
        #expect(try ServeFixtures.servedPage("logs.html", in: report).contains("elsewhere.md"))
        ServeFixtures.expectSameAsFreshStart(report, content: content, templates: templates)
    }

    @Test("A page added, then one removed, between starts: the new page and the pages linking to either are read; the others come from the cache")
    func pagesAddedAndRemovedBetweenStarts() throws {
        let content = try Self.content()
        let templates = try ServeFixtures.templates()
        _ = Self.startStoringEntry(content, templates: templates)
        try content.write("nowhere.md", Self.page("Nowhere", "# Nowhere\n\nFound after all.\n"))
        let added = Self.startStoringEntry(content, templates: templates).report
        #expect(added.cachedPages == 2, "alerts.md and dashboards.md; logs.md and zcopy.md link to the new page")
        #expect(try !ServeFixtures.servedPage("logs.html", in: added).contains("DG101"))
        ServeFixtures.expectSameAsFreshStart(added, content: content, templates: templates)

        try FileManager.default.removeItem(at: content.url.appendingPathComponent("zcopy.md"))
        let removed = Self.cachedBuilder(content, templates: templates).build()
        #expect(removed.cachedPages == 4, "no page links to it")
        ServeFixtures.expectSameAsFreshStart(removed, content: content, templates: templates)
    }

    @Test("After a start from the cache, a body save re-lints that page alone and serves what a start without the cache serves")
    func bodySaveAfterStart() throws {
        let content = try Self.content()
        let templates = try ServeFixtures.templates()
        let (_, builder, _) = try Self.startTwice(content, templates: templates)
        try content.write("logs.md", Self.page("Logs", "# Logs\n\nRead the logs with care. See [dashboards](dashboards.md) and [a missing page](nowhere.md).\n"))
        let saved = builder.update(ChangeWatcher.Changes(modified: ["logs.md"]))
        #expect(!saved.wasFull)
        #expect(saved.lintedPages == 1)
        #expect(try ServeFixtures.servedPage("logs.html", in: saved).contains("Read the logs with care."))
        ServeFixtures.expectSameAsFreshStart(saved, content: content, templates: templates)
    }

    @Test("After a start from the cache, a save that removes a suppression comment shows the site rule's finding it hid")
    func suppressionRemovedAfterStart() throws {
        let content = try Self.content()
        let templates = try ServeFixtures.templates()
        let (_, builder, _) = try Self.startTwice(content, templates: templates)
        try content.write("zcopy.md", Self.copy(suppressed: false) + "More text.\n")
        let saved = builder.update(ChangeWatcher.Changes(modified: ["zcopy.md"]))
        #expect(!saved.wasFull)
        #expect(try ServeFixtures.servedPage("zcopy.html", in: saved).contains("DG006 duplicate-title"))
        ServeFixtures.expectSameAsFreshStart(saved, content: content, templates: templates)
    }

    @Test("After a start from the cache, a save of a code sample reloads the stand-in that shows it")
    func sampleSaveAfterStart() throws {
        let content = try Self.content()
        let templates = try ServeFixtures.templates()
        let (_, builder, _) = try Self.startTwice(content, templates: templates)
        try content.write("samples/panel.py", "panel_beta = 22\n")
        let saved = builder.update(ChangeWatcher.Changes(modified: ["samples/panel.py"]))
        #expect(saved.reloadedPages == 1, "the page showing the sample is read, though its tree came from the cache")
        #expect(try ServeFixtures.servedPage("dashboards.html", in: saved).contains("panel_beta"))
        ServeFixtures.expectSameAsFreshStart(saved, content: content, templates: templates)
    }

    @Test("After a start from the cache, a renamed heading reads the stand-ins linking to it, which show the broken anchor, and no other")
    func headingSaveAfterStart() throws {
        let content = try Self.content()
        let templates = try ServeFixtures.templates()
        let (_, builder, _) = try Self.startTwice(content, templates: templates)
        try content.write("alerts.md", Self.page("Alerts", "# Alerts\n\n## Configure alerts\n\nSet them up. TODO: say how.\n\n## How do I silence an alert?\n\nSilence it.\n"))
        let saved = builder.update(ChangeWatcher.Changes(modified: ["alerts.md"]))
        #expect(!saved.wasFull)
        // alerts.md, and dashboards.md, which links to it, are read; index.md was read at the
        // start, and logs.md and zcopy.md still stand in.
        #expect(saved.reloadedPages == 2)
        #expect(try ServeFixtures.servedPage("dashboards.html", in: saved).contains("Cannot find bookmark &#39;#set-up-alerts&#39;"))
        ServeFixtures.expectSameAsFreshStart(saved, content: content, templates: templates)
        // A new title: the pages beside it show it, as a fresh start does.
        try content.write("alerts.md", Self.page("Alarms", "# Alerts\n\n## Configure alerts\n\nSet them up. TODO: say how.\n\n## How do I silence an alert?\n\nSilence it.\n"))
        let retitled = builder.update(ChangeWatcher.Changes(modified: ["alerts.md"]))
        #expect(!retitled.wasFull)
        #expect(try ServeFixtures.servedPage("alerts.html", in: retitled).contains("Alarms for the cached start tests"))
        ServeFixtures.expectSameAsFreshStart(retitled, content: content, templates: templates)
    }

    @Test("The search summaries prepared after a start go into the cache: the next start's search index takes them, and an edited page's is made again")
    func searchSummariesBetweenStarts() throws {
        let content = try Self.content()
        let templates = try ServeFixtures.templates()
        let (first, started) = Self.startStoringEntry(content, templates: templates)
        #expect(started.cachedSearchSummaries == 0)
        #expect(started.snapshot.pages?.prepareSearch(while: { true }) == true)
        #expect(first.storeSearchSummaries() == nil, "the entry is written again with the summaries")
        let warm = Self.cachedBuilder(content, templates: templates).build()
        #expect(warm.cachedSearchSummaries == 4, "every article but index.md, which is always read")
        ServeFixtures.expectSameAsFreshStart(warm, content: content, templates: templates)
        try content.write("logs.md", Self.page("Logs", "# Logs\n\nRead the logs about zebrafish. See [dashboards](dashboards.md) and [a missing page](nowhere.md).\n"))
        let edited = Self.cachedBuilder(content, templates: templates).build()
        #expect(edited.cachedSearchSummaries == 3, "the edited page's summary is not taken")
        #expect(ServeFixtures.outputs(of: edited.snapshot).contains { $0.key.hasPrefix("search/terms") && $0.value.contains("zebrafish") })
        ServeFixtures.expectSameAsFreshStart(edited, content: content, templates: templates)
    }

    @Test("A start from an entry without search summaries writes them once its search index is made, and the next start takes them")
    func searchSummariesAfterAStartThatWroteNone() throws {
        let content = try Self.content()
        let templates = try ServeFixtures.templates()
        let (_, second, warm) = try Self.startTwice(content, templates: templates)
        #expect(warm.cachedSearchSummaries == 0, "the first start wrote its entry before any summary was made")
        #expect(warm.snapshot.pages?.prepareSearch(while: { true }) == true)
        #expect(second.storeSearchSummaries() == nil)
        let third = Self.cachedBuilder(content, templates: templates).build()
        #expect(third.cachedSearchSummaries == 4)
        ServeFixtures.expectSameAsFreshStart(third, content: content, templates: templates)
    }

    @Test("After a start from the cache, a page added where a link was broken and a page removed read and lint the stand-ins linking to them")
    func pagesAddedAndRemovedAfterStart() throws {
        let content = try Self.content()
        let templates = try ServeFixtures.templates()
        let (_, builder, _) = try Self.startTwice(content, templates: templates)
        try content.write("nowhere.md", Self.page("Nowhere", "# Nowhere\n\nFound after all.\n"))
        let added = builder.update(ChangeWatcher.Changes(added: ["nowhere.md"]))
        #expect(!added.wasFull)
        #expect(added.lintedPages == 3, "the new page, and logs.md and zcopy.md, stand-ins linking to it, read")
        #expect(try !ServeFixtures.servedPage("logs.html", in: added).contains("DG101"))
        ServeFixtures.expectSameAsFreshStart(added, content: content, templates: templates)

        try FileManager.default.removeItem(at: content.url.appendingPathComponent("dashboards.md"))
        let removed = builder.update(ChangeWatcher.Changes(removed: ["dashboards.md"]))
        #expect(!removed.wasFull)
        #expect(try ServeFixtures.servedPage("logs.html", in: removed).contains("DG101"))
        ServeFixtures.expectSameAsFreshStart(removed, content: content, templates: templates)
    }

    @Test("A start from an entry cut short notes it once, loads every page and serves what a start without the cache serves")
    func entryCutShort() throws {
        let content = try Self.content()
        let templates = try ServeFixtures.templates()
        _ = Self.startStoringEntry(content, templates: templates)
        let folder = content.url.appendingPathComponent(".docgen-cache")
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("serve-") }
        #expect(entries.count == 1)
        let entry = folder.appendingPathComponent(try #require(entries.first))
        let bytes = try Data(contentsOf: entry)
        try bytes.prefix(bytes.count / 2).write(to: entry)
        let report = Self.cachedBuilder(content, templates: templates).build()
        #expect(report.cacheNotes.count == 1)
        #expect(report.cacheNotes.first?.contains("it is cut short") == true)
        #expect(report.cachedPages == 0)
        #expect(report.reloadedPages == 5)
        ServeFixtures.expectSameAsFreshStart(report, content: content, templates: templates)
    }

    @Test("Without the cache nothing is written into the content folder")
    func withoutCache() throws {
        let content = try Self.content()
        let templates = try ServeFixtures.templates()
        let builder = PreviewBuilder(contentRoot: content.url, templates: templates)
        _ = builder.build()
        #expect(builder.storeCache() == nil)
        #expect(!FileManager.default.fileExists(atPath: content.url.appendingPathComponent(".docgen-cache").path))
    }
}
