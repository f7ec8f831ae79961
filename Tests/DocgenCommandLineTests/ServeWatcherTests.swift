import DocgenServe
import DocgenTestSupport
import Foundation
import Testing

@Suite("serve: change watcher, live-reload hub and incremental builds")
struct ServeWatcherTests {
    @Test("The watcher reports modified, added and removed files and template changes, and ignores hidden files")
    func watcherReportsChanges() throws {
        let content = try TemporaryContent(["a.md": "# A\n", "b.md": "# B\n"])
        let templates = try TemporaryContent(["layout.mustache": "{{{content}}}"])
        let watcher = ChangeWatcher(contentRoot: content.url, templates: templates.url)
        #expect(watcher.poll() == nil)

        // Same size, written immediately: caught by the content comparison of recent files.
        try content.write("a.md", "# Z\n")
        var changes = try #require(watcher.poll())
        #expect(changes.modified == ["a.md"])
        #expect(changes.savedAt != nil)
        #expect(watcher.poll() == nil)

        try content.write("c.md", "# C\n")
        try FileManager.default.removeItem(at: content.url.appendingPathComponent("b.md"))
        changes = try #require(watcher.poll())
        #expect(changes.added == ["c.md"])
        #expect(changes.removed == ["b.md"])
        #expect(!changes.templatesChanged)

        try content.write(".a.md.swp", "swap")
        try content.write(".git/HEAD", "ref")
        #expect(watcher.poll() == nil)

        try templates.write("layout.mustache", "<main>{{{content}}}</main>")
        changes = try #require(watcher.poll())
        #expect(changes.templatesChanged)
        #expect(changes.contentPaths.isEmpty)
    }

    @Test("Changes of two polls merge: a file added then removed is no change, removed then added is modified")
    func changesMerge() {
        var changes = ChangeWatcher.Changes(modified: ["a.md"], added: ["new.md"], removed: ["old.md"])
        changes.merge(ChangeWatcher.Changes(modified: ["b.md", "new.md"], added: ["old.md"], removed: ["new.md"], templatesChanged: true))
        #expect(changes.modified == ["a.md", "b.md", "old.md"])
        #expect(changes.added.isEmpty)
        #expect(changes.removed.isEmpty)
        #expect(changes.templatesChanged)
    }

    @Test("The hub sends every event to every client and forgets clients that leave")
    func hubBroadcastsAndForgets() async throws {
        let hub = LiveReloadHub()
        let (firstID, first) = hub.subscribe()
        let (_, second) = hub.subscribe()
        #expect(hub.clientCount == 2)
        hub.broadcast(.reload(version: 7))
        var firstIterator = first.makeAsyncIterator()
        var secondIterator = second.makeAsyncIterator()
        #expect(await firstIterator.next() == .reload(version: 7))
        #expect(await secondIterator.next() == .reload(version: 7))
        #expect(LiveReloadHub.Event.reload(version: 7).serverSentEvent == "event: reload\ndata: 7\n\n")

        hub.finish(firstID)
        #expect(await firstIterator.next() == nil)
        #expect(hub.clientCount == 1)

        // A client whose task is cancelled (its connection went away) is removed too.
        let (_, third) = hub.subscribe()
        let listener = Task { for await _ in third {} }
        #expect(hub.clientCount == 2)
        listener.cancel()
        await listener.value
        #expect(await ServeFixtures.eventually(2) { hub.clientCount == 1 })

        hub.closeAll()
        #expect(await secondIterator.next() == nil)
        #expect(hub.clientCount == 0)
        let (_, late) = hub.subscribe()
        var lateIterator = late.makeAsyncIterator()
        #expect(await lateIterator.next() == nil, "a client after shutdown must not be kept")
    }

    @Test("An edit reloads only the pages it touches; configuration changes reload everything")
    func incrementalBuilds() throws {
        let content = try TemporaryContent([
            "docgen.yml": ServeFixtures.validConfiguration,
            "a.md": ServeFixtures.frontMatter + "# A\n\n[!INCLUDE [n](includes/n.md)]\n",
            "b.md": ServeFixtures.frontMatter + "# B\n\nB text.\n",
            "c.md": ServeFixtures.frontMatter + "# C\n\nC text.\n",
            "includes/n.md": "Note one.\n",
            "media/x.png": "png",
        ])
        let builder = PreviewBuilder(contentRoot: content.url, templates: try ServeFixtures.templates())
        let first = builder.build()
        #expect(first.wasFull)
        #expect(first.failure.isEmpty)
        #expect(first.reloadedPages == 3)

        try content.write("includes/n.md", "Note two.\n")
        let include = builder.update(ChangeWatcher.Changes(modified: ["includes/n.md"]))
        #expect(!include.wasFull)
        #expect(include.reloadedPages == 1)
        #expect(include.snapshot.version > first.snapshot.version)
        guard case .memory(let page, _) = include.snapshot.lookup("a.html") else {
            Issue.record("a.html is missing")
            return
        }
        #expect(String(buffer: page).contains("Note two."))

        let image = builder.update(ChangeWatcher.Changes(modified: ["media/x.png"]))
        #expect(image.reloadedPages == 0)
        guard case .file = image.snapshot.lookup("media/x.png") else {
            Issue.record("media/x.png is not served")
            return
        }

        let configuration = builder.update(ChangeWatcher.Changes(modified: ["docgen.yml"]))
        #expect(configuration.wasFull)
        #expect(configuration.reloadedPages == 3)
        try content.write("d.md", ServeFixtures.frontMatter + "# D\n\nD text.\n")
        let added = builder.update(ChangeWatcher.Changes(added: ["d.md"]))
        #expect(!added.wasFull, "a page added is read alone")
        #expect(added.reloadedPages == 1)
        for hidden in [".markdownlint.jsonc", ".openpublishing.redirection.json"] {
            #expect(builder.update(ChangeWatcher.Changes(added: [hidden])).wasFull, "\(hidden)")
        }
    }
}
