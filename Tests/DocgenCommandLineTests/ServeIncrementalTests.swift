import DocgenCore
import DocgenLint
@testable import DocgenServe
import DocgenTestSupport
import Foundation
import NIOCore
import Testing

private enum SiteStructureProbe {
    static let developerRolePage = "roles/developer.html"
}

/// A save re-lints and re-renders only what it can change; these tests prove that what a browser
/// then sees is exactly what a fresh start on the same files shows.
@Suite("serve: a save gives the same site as a fresh start")
struct ServeIncrementalTests {
    private static let roles = """
        site:
          title: Incremental site
          description: Pages that link to each other.
        roles:
          - id: developer
            title: Developer
            summary: Builds the applications.
            layers: [1]
        layers:
          - number: 1
            title: Applications
            summary: The code that runs.

        """

    private static func page(_ title: String, _ body: String, roles: String = "[developer]") -> String {
        """
        ---
        title: \(title) for the incremental site tests
        description: A page about \(title.lowercased()) that the incremental serve tests edit and link to.
        author: docgen
        ms.date: 01/15/2026
        roles: \(roles)
        layers: [1]
        ---

        \(body)
        """
    }

    private static func content() throws -> TemporaryContent {
        try TemporaryContent([
            "docgen.yml": roles,
            "alerts.md": page("Alerts", "# Alerts\n\n## Set up alerts\n\nSet them up.\n\n## How do I silence an alert?\n\nSilence it.\n"),
            "dashboards.md": page("Dashboards", "# Dashboards\n\nSee [setting up alerts](alerts.md#set-up-alerts) and [silencing](alerts.md#how-do-i-silence-an-alert).\n\n[!INCLUDE [note](includes/note.md)]\n"),
            // Names alerts without linking to it: a heading renamed in alerts.md does not re-lint it.
            "logs.md": page("Logs", "# Logs\n\nRead the logs before the alerts. See [dashboards](dashboards.md).\n"),
            "includes/note.md": "A shared note.\n",
            "toc.yml": "- name: Alerts\n  href: alerts.md\n- name: Dashboards\n  href: dashboards.md\n- name: Logs\n  href: logs.md\n",
        ])
    }

    /// The content, the templates and a builder whose first site is rendered whole, so that
    /// nothing stale can hide.
    private static func started() throws -> (content: TemporaryContent, templates: URL, builder: PreviewBuilder) {
        let content = try Self.content()
        let templates = try ServeFixtures.templates()
        let builder = PreviewBuilder(contentRoot: content.url, templates: templates)
        _ = ServeFixtures.outputs(of: builder.build().snapshot)
        return (content, templates, builder)
    }

    @Test("A body edit re-lints that page alone and serves what a fresh start serves")
    func bodyEdit() throws {
        let content = try Self.content()
        let templates = try ServeFixtures.templates()
        let builder = PreviewBuilder(contentRoot: content.url, templates: templates)
        let first = builder.build()
        #expect(first.lintedPages == 3)
        _ = ServeFixtures.outputs(of: first.snapshot)  // renders every page, so nothing stale can hide

        try content.write("logs.md", Self.page("Logs", "# Logs\n\nRead the logs with care. See [dashboards](dashboards.md) and [a missing page](nowhere.md).\n"))
        let edited = builder.update(ChangeWatcher.Changes(modified: ["logs.md"]))
        #expect(edited.lintedPages == 1, "only the edited page is linted again")
        #expect(edited.keptStructure, "a body edit keeps the navigation and reading order")
        let logs = try ServeFixtures.servedPage("logs.html", in: edited)
        #expect(logs.contains("Read the logs with care."))
        #expect(logs.contains("nowhere.md"), "the page shows its new broken-link finding")
        ServeFixtures.expectSameAsFreshStart(edited, content: content, templates: templates)
    }

    @Test("A new ms.date and author re-lint that page alone, keep the structure, and serve what a fresh start serves")
    func pageOwnMetadataEdit() throws {
        let (content, templates, builder) = try Self.started()

        let page = Self.page("Logs", "# Logs\n\nRead the logs before the alerts. See [dashboards](dashboards.md).\n")
        try content.write("logs.md", page.replacingOccurrences(of: "ms.date: 01/15/2026", with: "ms.date: 2026-12-07").replacingOccurrences(of: "author: docgen", with: "author: octocat"))
        let edited = builder.update(ChangeWatcher.Changes(modified: ["logs.md"]))
        #expect(edited.lintedPages == 1, "no other page shows the date or the author")
        #expect(edited.keptStructure, "the navigation and reading order do not show them either")
        let logs = try ServeFixtures.servedPage("logs.html", in: edited)
        #expect(logs.contains("octocat") && logs.contains("2026-12-07"))
        #expect(logs.contains("DG002"), "the page shows its new finding about the date's format")
        ServeFixtures.expectSameAsFreshStart(edited, content: content, templates: templates)
    }

    @Test("A save that adds a link into another doc set updates the note about those links, as a fresh start shows it")
    func otherDocSetLinks() throws {
        let content = try Self.content()
        try content.write("logs.md", Self.page("Logs", "# Logs\n\nRead the logs. See [Windows](/windows/about).\n"))
        let templates = try ServeFixtures.templates()
        let builder = PreviewBuilder(contentRoot: content.url, templates: templates)
        let first = builder.build()
        #expect(try ServeFixtures.servedPage("logs.html", in: first).contains("1 link in 1 file lead"))

        try content.write("logs.md", Self.page("Logs", "# Logs\n\nRead the logs. See [Windows](/windows/about) and [SQL](/sql/overview).\n"))
        let edited = builder.update(ChangeWatcher.Changes(modified: ["logs.md"]))
        #expect(!edited.wasFull)
        #expect(try ServeFixtures.servedPage("logs.html", in: edited).contains("2 links in 1 file lead to other Learn doc sets (/windows/, /sql/...)"))
        ServeFixtures.expectSameAsFreshStart(edited, content: content, templates: templates)

        // A paragraph above the links moves them: the note moves with the first one.
        try content.write("logs.md", Self.page("Logs", "# Logs\n\nA new paragraph.\n\nRead the logs. See [Windows](/windows/about) and [SQL](/sql/overview).\n"))
        let moved = builder.update(ChangeWatcher.Changes(modified: ["logs.md"]))
        #expect(!moved.wasFull)
        ServeFixtures.expectSameAsFreshStart(moved, content: content, templates: templates)
    }

    @Test("A save whose links make the doc set's Learn URL paths known loads everything again, as a fresh start finds them")
    func learnPathsInferredAgain() throws {
        let content = try Self.content()
        let twoLinks = "# Logs\n\nSee [alerts](/guide/alerts) and [dashboards](/guide/dashboards).\n"
        try content.write("logs.md", Self.page("Logs", twoLinks))
        let templates = try ServeFixtures.templates()
        let builder = PreviewBuilder(contentRoot: content.url, templates: templates)
        let first = builder.build()
        // Two links are too few to tell that /guide/ is this doc set: they lead elsewhere.
        #expect(try ServeFixtures.servedPage("logs.html", in: first).contains("href=\"/guide/alerts\""))

        try content.write("logs.md", Self.page("Logs", twoLinks + "\nAnd [the logs](/guide/logs).\n"))
        let edited = builder.update(ChangeWatcher.Changes(modified: ["logs.md"]))
        #expect(edited.wasFull, "three links name pages under /guide/: every page's links resolve differently")
        #expect(try ServeFixtures.servedPage("logs.html", in: edited).contains("href=\"alerts.html\""))
        ServeFixtures.expectSameAsFreshStart(edited, content: content, templates: templates)
    }

    @Test("Renaming a heading re-lints the pages that link to it, whose anchors break")
    func headingRename() throws {
        let content = try Self.content()
        let templates = try ServeFixtures.templates()
        let builder = PreviewBuilder(contentRoot: content.url, templates: templates)
        let first = builder.build()
        _ = ServeFixtures.outputs(of: first.snapshot)

        try content.write("alerts.md", Self.page("Alerts", "# Alerts\n\n## Configure alerts\n\nSet them up.\n\n## How do I mute an alert?\n\nMute it.\n"))
        let edited = builder.update(ChangeWatcher.Changes(modified: ["alerts.md"]))
        #expect(edited.lintedPages == 2, "alerts.md and dashboards.md, which links to it; not logs.md, which only names it")
        #expect(!edited.keptStructure, "new headings change the role's questions")
        #expect(edited.findings > first.findings, "dashboards.md's two anchors are broken now")
        #expect(try ServeFixtures.servedPage("dashboards.html", in: edited).contains("set-up-alerts"))
        ServeFixtures.expectSameAsFreshStart(edited, content: content, templates: templates)
        // An include that cannot be read may hold the headings: links to alerts.md's anchors are
        // not checked then, on dashboards.md either.
        try content.write("alerts.md", Self.page("Alerts", "# Alerts\n\n## Configure alerts\n\nSet them up.\n\n[!INCLUDE [gone](includes/gone.md)]\n\n## How do I mute an alert?\n\nMute it.\n"))
        let incomplete = builder.update(ChangeWatcher.Changes(modified: ["alerts.md"]))
        #expect(incomplete.lintedPages == 2)
        #expect(try !ServeFixtures.servedPage("dashboards.html", in: incomplete).contains("Cannot find bookmark"))
        ServeFixtures.expectSameAsFreshStart(incomplete, content: content, templates: templates)
    }

    @Test("An edited include, a new title and a role change serve what a fresh start serves")
    func includeTitleAndRole() throws {
        let (content, templates, builder) = try Self.started()

        try content.write("includes/note.md", "A shared note, edited.\n")
        let include = builder.update(ChangeWatcher.Changes(modified: ["includes/note.md"]))
        #expect(include.reloadedPages == 1)
        ServeFixtures.expectSameAsFreshStart(include, content: content, templates: templates)

        try content.write("logs.md", Self.page("Log files", "# Log files\n\nRead the logs. See [dashboards](dashboards.md).\n", roles: "[]"))
        let retitled = builder.update(ChangeWatcher.Changes(modified: ["logs.md"]))
        #expect(!retitled.keptStructure)
        let dashboards = try ServeFixtures.servedPage("dashboards.html", in: retitled)
        let role = try ServeFixtures.servedPage(SiteStructureProbe.developerRolePage, in: retitled)
        #expect(dashboards.contains("Log files for the incremental site tests"), "the next-page link of the page before shows the new title")
        #expect(!role.contains("A page about log files"), "the role's path no longer lists the page")
        ServeFixtures.expectSameAsFreshStart(retitled, content: content, templates: templates)
    }

    @Test("Findings kept and re-linted after an edit are exactly a whole-site lint's")
    func lintResultsMatchAWholeRun() throws {
        let content = try Self.content()
        var site = SiteLoader.load(root: content.url)
        let engine = LintEngine(configuration: LintConfiguration(site.configuration.lint))
        let today = Date(timeIntervalSince1970: 1_780_000_000)
        var results = SiteLintResults(engine: engine, context: LintContext(site: site, today: today))
        #expect(results.all == engine.run(LintContext(site: site, today: today)))
        #expect(results.count == results.all.count)

        let old = try #require(site.document(at: "alerts.md"))
        try content.write("alerts.md", Self.page("Alerts", "# Alerts\n\n## Configure alerts\n\nSet them up. [Broken](missing.md)\n"))
        try content.write("includes/note.md", "A shared note with [a broken link](gone.md).\n")
        let loader = DocumentLoader(files: site.files, docfx: site.docfx)
        let reloaded = loader.load("alerts.md")
        let dashboardsBefore = try #require(site.document(at: "dashboards.md"))
        site.replace(reloaded)
        site.replace(loader.load("dashboards.md"))
        let relinted = SiteLintResults.pagesToRelint(
            changed: [(old, reloaded), (dashboardsBefore, try #require(site.document(at: "dashboards.md")))], in: site)
        #expect(relinted.map(\.path) == ["alerts.md", "dashboards.md"])
        results.relint(relinted, engine: engine, context: LintContext(site: site, today: today))
        let whole = engine.run(LintContext(site: site, today: today))
        #expect(results.all == whole)
        #expect(results.count == whole.count)
        #expect(whole.contains { $0.file == "includes/note.md" && $0.message.contains("gone.md") })
    }

    @Test("A save that adds or removes a suppression comment reports site-wide findings as a whole-site lint does")
    func suppressionCommentsAfterASave() throws {
        let content = try TemporaryContent([
            "docgen.yml": Self.roles,
            // Titled by their H1s, so that a comment above the heading can suppress the finding.
            "one.md": "# Twins\n\nThe first.\n",
            // The comment line stays where it is, so the finding's place does not change with it.
            "two.md": "<!-- a note -->\n# Twins\n\nThe second.\n",
        ])
        let builder = PreviewBuilder(contentRoot: content.url, templates: try ServeFixtures.templates())
        let first = builder.build()
        func duplicateTitles(_ report: PreviewBuilder.Report) throws -> String {
            try ServeFixtures.servedPage("two.html", in: report).contains("DG006") ? "reported" : "not reported"
        }
        #expect(try duplicateTitles(first) == "reported")
        try content.write("two.md", "<!-- docgen-disable duplicate-title -->\n# Twins\n\nThe second.\n")
        let suppressed = builder.update(ChangeWatcher.Changes(modified: ["two.md"]))
        #expect(try duplicateTitles(suppressed) == "not reported")
        #expect(suppressed.findings == first.findings - 1)
        try content.write("two.md", "<!-- a note -->\n# Twins\n\nThe second, again.\n")
        let restored = builder.update(ChangeWatcher.Changes(modified: ["two.md"]))
        #expect(try duplicateTitles(restored) == "reported")
        #expect(restored.findings == first.findings)
    }

    @Test("A saved YAML page, pivot group file or docfx.json loads everything again; a page does not")
    func configurationFilesReloadEverything() throws {
        let content = try Self.content()
        let builder = PreviewBuilder(contentRoot: content.url, templates: try ServeFixtures.templates())
        _ = builder.build()
        for path in ["landing/index.yml", "zone-pivot-groups.yml", "docfx.json", "guide/TOC.YML"] {
            #expect(builder.update(ChangeWatcher.Changes(modified: [path])).wasFull, "\(path)")
        }
        try content.write("logs.md", Self.page("Logs", "# Logs\n\nEdited.\n"))
        #expect(!builder.update(ChangeWatcher.Changes(modified: ["logs.md"])).wasFull)
    }

    @Test("Pages render when asked for, and a page a browser never opens is never rendered")
    func rendersOnDemand() throws {
        let content = try Self.content()
        let builder = PreviewBuilder(contentRoot: content.url, templates: try ServeFixtures.templates())
        let report = builder.build()
        guard let pages = report.snapshot.pages else {
            Issue.record("the site did not build")
            return
        }
        #expect(pages.renderedCount == 0)
        _ = report.snapshot.lookup("alerts.html")
        _ = report.snapshot.lookup("alerts.html")
        #expect(pages.renderedCount == 1)
        guard case .file = report.snapshot.lookup("includes/note.md") else {
            #expect(!pages.outputPaths.contains("includes/note.md"))
            return
        }
        Issue.record("an include's Markdown source is served")
    }
}
