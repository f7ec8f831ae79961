import DocgenTestSupport
import Foundation
import Testing

@testable import DocgenServe

/// Every scenario runs twice: with file events (inotify on Linux) and with a listing on every
/// poll, the fallback; both must report exactly the same changes.
@Suite("serve: change watcher, with file events and by listing")
struct ServeChangeWatcherTests {
    /// Whether the watcher uses file events.
    static let modes = [true, false]

    private func watcher(_ content: TemporaryContent, _ templates: TemporaryContent, events: Bool) -> ChangeWatcher {
        ChangeWatcher(contentRoot: content.url, templates: templates.url, usesFileEvents: events)
    }

    /// The next poll's changes without their time, which a test cannot know; checks it is there.
    private func next(_ watcher: ChangeWatcher, sourceLocation: SourceLocation = #_sourceLocation) -> ChangeWatcher.Changes? {
        guard var changes = watcher.poll() else { return nil }
        #expect(changes.savedAt != nil, sourceLocation: sourceLocation)
        changes.savedAt = nil
        return changes
    }

    private func move(_ content: TemporaryContent, _ from: String, to: String) throws {
        try FileManager.default.moveItem(at: content.url.appendingPathComponent(from), to: content.url.appendingPathComponent(to))
    }

    private func remove(_ content: TemporaryContent, _ path: String) throws {
        try FileManager.default.removeItem(at: content.url.appendingPathComponent(path))
    }

    #if canImport(Glibc)
    @Test("On Linux the watcher learns of changes from inotify")
    func usesInotify() throws {
        let content = try TemporaryContent(["a.md": "# A\n"])
        let templates = try TemporaryContent(["layout.mustache": "{{{content}}}"])
        #expect(ChangeWatcher(contentRoot: content.url, templates: templates.url).usesFileEvents)
        #expect(!watcher(content, templates, events: false).usesFileEvents)
    }
    #endif

    @Test("A site built inside the content folder is not watched, whether put in place or written into", arguments: modes)
    func builtSiteInsideTheContent(events: Bool) throws {
        let content = try TemporaryContent(["a.md": "# A\n"])
        let templates = try TemporaryContent(["layout.mustache": "{{{content}}}"])
        let watcher = watcher(content, templates, events: events)
        #expect(watcher.poll() == nil)
        // As docgen build puts a site in place: staged in a hidden folder beside it, then renamed.
        func stageAndSwap(_ page: String) throws {
            try content.write(".out.docgen-staging/.docgen-site", "docgen\n")
            try content.write(".out.docgen-staging/" + page, "<p>page</p>\n")
            if FileManager.default.fileExists(atPath: content.url.appendingPathComponent("out").path) { try move(content, "out", to: ".out.docgen-previous") }
            try move(content, ".out.docgen-staging", to: "out")
            try? remove(content, ".out.docgen-previous")
        }
        try stageAndSwap("a.html")
        #expect(watcher.poll() == nil)
        try content.write("out/b.html", "<p>another</p>\n")
        #expect(watcher.poll() == nil)
        try stageAndSwap("c.html")
        #expect(watcher.poll() == nil)
        try content.write("a.md", "# A, edited\n")
        #expect(next(watcher) == .init(modified: ["a.md"]))
        // Without its marker the folder is content like any other.
        try content.write("notes/c.md", "# C\n")
        #expect(next(watcher) == .init(added: ["notes/c.md"]))
    }

    @Test("A modified file, then two saves of the same size in a row", arguments: modes)
    func modifiedFiles(events: Bool) throws {
        let content = try TemporaryContent(["a.md": "# A\n", "guide/b.md": "# B\n"])
        let templates = try TemporaryContent(["layout.mustache": "{{{content}}}"])
        let watcher = watcher(content, templates, events: events)
        #expect(watcher.poll() == nil)

        try content.write("guide/b.md", "# B, longer\n")
        #expect(next(watcher) == .init(modified: ["guide/b.md"]))
        #expect(watcher.poll() == nil)

        // Same size, within the same timestamp tick: told apart by content.
        try content.write("a.md", "# Y\n")
        #expect(next(watcher) == .init(modified: ["a.md"]))
        try content.write("a.md", "# Z\n")
        #expect(next(watcher) == .init(modified: ["a.md"]))
        // The same bytes again: a new modification time is still a save.
        Thread.sleep(forTimeInterval: 0.02)
        try content.write("a.md", "# Z\n")
        #expect(next(watcher) == .init(modified: ["a.md"]))
        #expect(watcher.poll() == nil)
    }

    @Test("A file added in a folder created after the watcher started, then edited and joined", arguments: modes)
    func addedFolder(events: Bool) throws {
        let content = try TemporaryContent(["a.md": "# A\n"])
        let templates = try TemporaryContent(["layout.mustache": "{{{content}}}"])
        let watcher = watcher(content, templates, events: events)

        try content.write("new/deeper/c.md", "# C\n")
        #expect(next(watcher) == .init(added: ["new/deeper/c.md"]))

        try content.write("new/deeper/c.md", "# C, edited\n")
        #expect(next(watcher) == .init(modified: ["new/deeper/c.md"]))
        try content.write("new/d.md", "# D\n")
        try content.write("new/deeper/e.md", "# E\n")
        #expect(next(watcher) == .init(added: ["new/d.md", "new/deeper/e.md"]))
        #expect(watcher.poll() == nil)
    }

    @Test("A removed folder's files are removed; a folder made again under its name is new", arguments: modes)
    func removedFolder(events: Bool) throws {
        let content = try TemporaryContent(["a.md": "# A\n", "guide/b.md": "# B\n", "guide/sub/c.md": "# C\n"])
        let templates = try TemporaryContent(["layout.mustache": "{{{content}}}"])
        let watcher = watcher(content, templates, events: events)

        try remove(content, "guide")
        #expect(next(watcher) == .init(removed: ["guide/b.md", "guide/sub/c.md"]))
        #expect(watcher.poll() == nil)

        try content.write("guide/sub/c.md", "# C again\n")
        #expect(next(watcher) == .init(added: ["guide/sub/c.md"]))
        try content.write("guide/sub/c.md", "# C edited\n")
        #expect(next(watcher) == .init(modified: ["guide/sub/c.md"]))
    }

    @Test("Renamed files and folders: the old paths removed, the new ones added and watched", arguments: modes)
    func renames(events: Bool) throws {
        let content = try TemporaryContent(["a.md": "# A\n", "guide/b.md": "# B\n", "guide/sub/c.md": "# C\n"])
        let templates = try TemporaryContent(["layout.mustache": "{{{content}}}"])
        let watcher = watcher(content, templates, events: events)

        try move(content, "a.md", to: "z.md")
        #expect(next(watcher) == .init(added: ["z.md"], removed: ["a.md"]))

        try move(content, "guide", to: "manual")
        #expect(next(watcher) == .init(added: ["manual/b.md", "manual/sub/c.md"], removed: ["guide/b.md", "guide/sub/c.md"]))
        try content.write("manual/sub/c.md", "# C, moved and edited\n")
        #expect(next(watcher) == .init(modified: ["manual/sub/c.md"]))

        // An editor's atomic save: a new file renamed over the old one.
        try content.write("z.tmp", "# Z\n")
        try FileManager.default.removeItem(at: content.url.appendingPathComponent("z.md"))
        try move(content, "z.tmp", to: "z.md")
        #expect(next(watcher) == .init(modified: ["z.md"]))

        // Moved out of the tree: gone, and no longer followed.
        let outside = try TemporaryContent([:])
        try FileManager.default.moveItem(at: content.url.appendingPathComponent("manual"), to: outside.url.appendingPathComponent("manual"))
        #expect(next(watcher) == .init(removed: ["manual/b.md", "manual/sub/c.md"]))
        try outside.write("manual/b.md", "# B, elsewhere\n")
        #expect(watcher.poll() == nil)
    }

    @Test("Hidden files and folders and symbolic links to folders are ignored", arguments: modes)
    func ignored(events: Bool) throws {
        let content = try TemporaryContent(["a.md": "# A\n", ".git/HEAD": "ref"])
        let templates = try TemporaryContent(["layout.mustache": "{{{content}}}"])
        let outside = try TemporaryContent(["x.md": "# X\n"])
        let watcher = watcher(content, templates, events: events)

        try content.write(".a.md.swp", "swap")
        try content.write(".git/HEAD", "other ref")
        try content.write(".cache/new/x.md", "# X\n")
        try FileManager.default.createSymbolicLink(at: content.url.appendingPathComponent("linked"), withDestinationURL: outside.url)
        #expect(watcher.poll() == nil)
        try outside.write("y.md", "# Y\n")
        #expect(watcher.poll() == nil)

        // A symbolic link to a file is followed.
        try FileManager.default.createSymbolicLink(
            at: content.url.appendingPathComponent("x.md"), withDestinationURL: outside.url.appendingPathComponent("x.md"))
        #expect(next(watcher) == .init(added: ["x.md"]))
    }

    @Test("The hidden configuration files docgen reads are watched; other hidden files are not", arguments: modes)
    func hiddenConfiguration(events: Bool) throws {
        let content = try TemporaryContent(["a.md": "# A\n"])
        let templates = try TemporaryContent(["layout.mustache": "{{{content}}}"])
        let watcher = watcher(content, templates, events: events)

        try content.write(".markdownlint.json", "{}")
        try content.write("articles/.openpublishing.redirection.articles.json", "{}")
        try content.write(".markdownlint.json.swp", "swap")
        try content.write(".openpublishing.cache/x.json", "{}")
        #expect(next(watcher) == .init(added: [".markdownlint.json", "articles/.openpublishing.redirection.articles.json"]))
        try content.write(".markdownlint.json", "{\"MD013\": false}")
        #expect(next(watcher) == .init(modified: [".markdownlint.json"]))
        try remove(content, "articles/.openpublishing.redirection.articles.json")
        #expect(next(watcher) == .init(removed: ["articles/.openpublishing.redirection.articles.json"]))
    }

    @Test("Template changes, also of templates kept inside the content root", arguments: modes)
    func templates(events: Bool) throws {
        let content = try TemporaryContent(["a.md": "# A\n", "site/layout.mustache": "{{{content}}}"])
        let templates = try TemporaryContent(["layout.mustache": "{{{content}}}"])
        let watcher = watcher(content, templates, events: events)

        try templates.write("layout.mustache", "<main>{{{content}}}</main>")
        #expect(next(watcher) == .init(templatesChanged: true))
        try templates.write("partials/nav.mustache", "<nav></nav>")
        #expect(next(watcher) == .init(templatesChanged: true))
        try FileManager.default.removeItem(at: templates.url.appendingPathComponent("partials"))
        #expect(next(watcher) == .init(templatesChanged: true))

        let inside = ChangeWatcher(
            contentRoot: content.url, templates: content.url.appendingPathComponent("site"), usesFileEvents: events)
        try content.write("site/layout.mustache", "<main>{{{content}}}</main>")
        #expect(next(inside) == .init(modified: ["site/layout.mustache"], templatesChanged: true))
        try content.write("site/partials/nav.mustache", "<nav></nav>")
        #expect(next(inside) == .init(added: ["site/partials/nav.mustache"], templatesChanged: true))
    }

    #if canImport(Glibc)
    @Test("After the kernel's event queue overflows, one full listing finds what the lost events named")
    func queueOverflow() throws {
        let content = try TemporaryContent(["a.md": "# A\n", "b.md": "# B\n"])
        let templates = try TemporaryContent(["layout.mustache": "{{{content}}}"])
        let watcher = ChangeWatcher(contentRoot: content.url, templates: templates.url)
        let limit = try String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8)
        let queued = try #require(Int(limit.trimmingCharacters(in: .whitespacesAndNewlines)))
        // Each write queues one event; alternating files keeps the kernel from merging them.
        let descriptors = ["a.md", "b.md"].map { open(content.url.appendingPathComponent($0).path, O_WRONLY | O_APPEND) }
        try #require(descriptors.allSatisfy { $0 >= 0 })
        for round in 0...(queued + 16) { _ = write(descriptors[round % 2], "x", 1) }
        for descriptor in descriptors { close(descriptor) }
        try content.write("c.md", "# C\n")
        #expect(next(watcher) == .init(modified: ["a.md", "b.md"], added: ["c.md"]))
        #expect(watcher.usesFileEvents)
        try content.write("c.md", "# C, edited\n")
        #expect(next(watcher) == .init(modified: ["c.md"]))
    }

    @Test("A change the periodic listing finds that no event named turns events off; one they named does not")
    func missedEvents() throws {
        let content = try TemporaryContent(["a.md": "# A\n"])
        let templates = try TemporaryContent(["layout.mustache": "{{{content}}}"])
        let outside = try TemporaryContent(["x.md": "# X\n"])
        try FileManager.default.createSymbolicLink(
            at: content.url.appendingPathComponent("x.md"), withDestinationURL: outside.url.appendingPathComponent("x.md"))
        let watcher = ChangeWatcher(contentRoot: content.url, templates: templates.url)
        watcher.fullListingEvery = .zero

        try content.write("a.md", "# A, edited\n")
        #expect(next(watcher) == .init(modified: ["a.md"]))
        Thread.sleep(forTimeInterval: 0.1)
        #expect(watcher.poll() == nil)
        #expect(watcher.usesFileEvents)

        // Written through the link's target, in a folder that is not watched.
        try outside.write("x.md", "# X, edited\n")
        Thread.sleep(forTimeInterval: 0.1)
        #expect(next(watcher) == .init(modified: ["x.md"]))
        #expect(!watcher.usesFileEvents)
        try content.write("a.md", "# A, edited again\n")
        #expect(next(watcher) == .init(modified: ["a.md"]))
    }
    #endif

    @Test("Paths under another named path are looked at through it")
    func outermostPaths() {
        #expect(Set(ChangeWatcher.outermost(["a", "a/b", "a/b/c.md", "ab/c.md", "d/e.md"])) == ["a", "ab/c.md", "d/e.md"])
    }
}
