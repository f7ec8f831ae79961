import DocgenCore
import DocgenTestSupport
import Foundation
import Testing

@Suite("The run cache")
struct RunCacheTests {
    private let payload = Array("{\"findings\": 3}".utf8)

    private func entryFile(_ content: TemporaryContent) throws -> URL {
        let folder = content.url.appendingPathComponent(RunCache.folderName)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".entry") })
        return folder.appendingPathComponent(name)
    }

    @Test("An entry is found for its slot and key, and is a miss for another key or slot")
    func hitAndMiss() throws {
        let content = try TemporaryContent(["a.md": "# A\n"])
        let cache = RunCache(contentRoot: content.url, shownAs: "docs/.docgen-cache", tool: "docgen test")
        #expect(cache.lookup(slot: "build x", key: "k1") == .miss)
        #expect(cache.store(slot: "build x", key: "k1", payload: payload) == nil)
        #expect(cache.lookup(slot: "build x", key: "k1") == .hit(payload))
        #expect(cache.lookup(slot: "build x", key: "k2") == .miss)
        #expect(cache.lookup(slot: "build y", key: "k1") == .miss)
        // What a build that reuses the unchanged part of the last one reads, whatever its key.
        #expect(cache.entry(slot: "build x") == .found(key: "k1", payload: payload))
        #expect(cache.entry(slot: "build y") == .absent)
        let ignore = try String(contentsOf: content.url.appendingPathComponent(".docgen-cache/.gitignore"), encoding: .utf8)
        #expect(ignore.hasSuffix("\n*\n"))
        #expect(FileManager.default.fileExists(atPath: content.url.appendingPathComponent(".docgen-cache/CACHEDIR.TAG").path))
    }

    @Test("An entry cut short, edited, not an entry, or from another docgen build is ignored with a note naming it")
    func untrustedEntries() throws {
        let content = try TemporaryContent(["a.md": "# A\n"])
        let cache = RunCache(contentRoot: content.url, shownAs: "docs/.docgen-cache", tool: "docgen test")
        cache.store(slot: "lint", key: "k", payload: payload)
        let file = try entryFile(content)
        let whole = try Data(contentsOf: file)

        try whole.dropLast(4).write(to: file)
        guard case .ignored(let cut) = cache.lookup(slot: "lint", key: "k") else { Issue.record("a cut entry was trusted"); return }
        #expect(cut == "ignored the cache entry docs/.docgen-cache/\(file.lastPathComponent): it is cut short (11 of 15 bytes); the whole run is done and the entry replaced")

        var edited = [UInt8](whole)
        edited[edited.count - 3] = UInt8(ascii: "4")
        try Data(edited).write(to: file)
        guard case .ignored(let changed) = cache.lookup(slot: "lint", key: "k") else { Issue.record("an edited entry was trusted"); return }
        #expect(changed.hasSuffix("its content changed since docgen wrote it; the whole run is done and the entry replaced"))

        try Data("garbage".utf8).write(to: file)
        guard case .ignored(let garbage) = cache.lookup(slot: "lint", key: "k") else { Issue.record("garbage was trusted"); return }
        #expect(garbage.hasSuffix("it is not a whole docgen cache entry (cut short or changed by hand); the whole run is done and the entry replaced"))

        try Data("docgen-cache 1\ntool docgen test\nkey k\nlength 2\nchecksum 0\n\n{}".utf8).write(to: file)
        guard case .ignored(let older) = cache.lookup(slot: "lint", key: "k") else { Issue.record("an entry of another format was trusted"); return }
        #expect(older.hasSuffix("another docgen build wrote it; the whole run is done and the entry replaced"))

        try whole.write(to: file)
        let newer = RunCache(contentRoot: content.url, shownAs: "docs/.docgen-cache", tool: "docgen newer")
        guard case .ignored(let foreign) = newer.lookup(slot: "lint", key: "k") else { Issue.record("another build's entry was trusted"); return }
        #expect(foreign.hasSuffix("another docgen build wrote it; the whole run is done and the entry replaced"))
        newer.store(slot: "lint", key: "k", payload: payload)
        #expect(newer.lookup(slot: "lint", key: "k") == .hit(payload))
    }

    @Test("A cache that cannot be written costs a note")
    func unwritable() throws {
        let content = try TemporaryContent(["a.md": "# A\n", ".docgen-cache": "a file where the folder would be"])
        let cache = RunCache(contentRoot: content.url, shownAs: "docs/.docgen-cache", tool: "docgen test")
        let note = try #require(cache.store(slot: "build", key: "k", payload: payload))
        #expect(note.hasPrefix("cannot write the cache in docs/.docgen-cache ("))
        #expect(note.hasSuffix("); the next run does the whole work again (--no-cache turns the cache off)"))
        #expect(cache.lookup(slot: "build", key: "k") == .miss)
    }

    @Test("Runs storing at once leave one whole entry, and old entries are pruned")
    func concurrentAndPruned() throws {
        let content = try TemporaryContent(["a.md": "# A\n"])
        let cache = RunCache(contentRoot: content.url, shownAs: "c", tool: "docgen test")
        let payloads = (0..<16).map { Array("payload \($0) ".utf8) + Array(repeating: UInt8(ascii: "x"), count: 100_000) }
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            _ = cache.store(slot: "build", key: "k", payload: payloads[index])
        }
        guard case .hit(let found) = cache.lookup(slot: "build", key: "k") else { Issue.record("no whole entry after concurrent stores"); return }
        #expect(payloads.contains(found))
        for index in 0..<20 { cache.store(slot: "lint \(index)", key: "k", payload: payload) }
        let names = try FileManager.default.contentsOfDirectory(atPath: content.url.appendingPathComponent(RunCache.folderName).path)
        #expect(names.filter { $0.hasSuffix(".entry") }.count == 16)
        #expect(!names.contains { $0.hasPrefix(".tmp-") })
    }
}

@Suite("The fingerprint of a run's inputs")
struct InputFingerprintTests {
    @Test("It changes with a page, an added file, a hidden configuration file and one above the root; not with docgen's cache or a hidden folder")
    func whatCounts() throws {
        let outer = try TemporaryContent(["docs/a.md": "# A\n", "docs/media/x.png": ""])
        let root = outer.url.appendingPathComponent("docs")
        var last = InputFingerprint.of(contentRoot: root)
        func changed(_ why: Comment) -> Bool {
            let now = InputFingerprint.of(contentRoot: root)
            defer { last = now }
            return now != last
        }
        #expect(!changed("nothing changed"))
        try outer.write("docs/a.md", "# A!\n")
        #expect(changed("a page changed"))
        try outer.write("docs/b.md", "")
        #expect(changed("an empty page was added"))
        try outer.write("docs/.openpublishing.redirection.json", "{}")
        #expect(changed("a hidden configuration file appeared"))
        try outer.write(".markdownlint.json", "{}")
        #expect(changed("a markdownlint configuration appeared above the root"))
        try outer.write("notes.txt", "not read by docgen")
        #expect(!changed("a file above the root that docgen does not read"))
        try outer.write("docs/.docgen-cache/build-1.entry", "x")
        try outer.write("docs/.git/HEAD", "ref")
        #expect(!changed("docgen's cache and a hidden folder"))
        try FileManager.default.moveItem(at: root.appendingPathComponent("b.md"), to: root.appendingPathComponent("c.md"))
        #expect(changed("a page was renamed"))
    }

    @Test("Pages and images are weighed apart from every other input, paths and bytes; other files are not")
    func partsWeighPagesAndImagesApart() throws {
        let content = try TemporaryContent(["a.md": "# A\n", "media/chart.PNG": "png", "media/notes.png.md": "# Notes\n", "data.json": "{}"])
        let first = InputFingerprint.parts(contentRoot: content.url)
        #expect(first.markdownAndMediaHashes.keys.sorted() == ["a.md", "media/chart.PNG", "media/notes.png.md"])
        try content.write("media/chart.PNG", "another png")
        let replaced = InputFingerprint.parts(contentRoot: content.url)
        #expect(replaced.whole != first.whole)
        #expect(replaced.withoutMarkdownAndMediaBytes == first.withoutMarkdownAndMediaBytes, "an image replaced")
        #expect(replaced.markdownAndMediaHashes["media/chart.PNG"] != first.markdownAndMediaHashes["media/chart.PNG"])
        try content.write("media/diagram.svg", "<svg/>")
        let added = InputFingerprint.parts(contentRoot: content.url)
        #expect(added.withoutMarkdownAndMediaBytes == first.withoutMarkdownAndMediaBytes, "an image added")
        #expect(added.whole != replaced.whole)
        #expect(added.markdownAndMediaHashes["media/diagram.svg"] != nil)
        try FileManager.default.removeItem(at: content.url.appendingPathComponent("media/diagram.svg"))
        try content.write("includes/note.txt", "a note")
        #expect(InputFingerprint.parts(contentRoot: content.url).withoutMarkdownAndMediaBytes != first.withoutMarkdownAndMediaBytes, "another file added")
        try FileManager.default.removeItem(at: content.url.appendingPathComponent("includes/note.txt"))
        try content.write("data.json", "[]")
        #expect(InputFingerprint.parts(contentRoot: content.url).withoutMarkdownAndMediaBytes != first.withoutMarkdownAndMediaBytes, "another file edited")
    }

    @Test("A link is what it leads to: a file in a hidden folder inside the root is read through it; one outside is not read")
    func links() throws {
        let outer = try TemporaryContent(["docs/.shared/intro.md": "# Intro\n", "outside.md": "# Outside\n"])
        let root = outer.url.appendingPathComponent("docs")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("intro.md").path, withDestinationPath: ".shared/intro.md")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("out.md").path, withDestinationPath: "../outside.md")
        let before = InputFingerprint.of(contentRoot: root)
        try outer.write("outside.md", "# Changed outside\n")
        #expect(InputFingerprint.of(contentRoot: root) == before)
        try outer.write("docs/.shared/intro.md", "# Intro, edited\n")
        #expect(InputFingerprint.of(contentRoot: root) != before)

        let templates = try TemporaryContent(["brand/layout.mustache": "<html>", "templates/assets/.vendor/x.js": "1"])
        let folder = templates.url.appendingPathComponent("templates")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("layout.mustache").path, withDestinationPath: "../brand/layout.mustache")
        let templatesBefore = InputFingerprint.of(folder: folder)
        try templates.write("brand/layout.mustache", "<html lang=en>")
        let edited = InputFingerprint.of(folder: folder)
        #expect(edited != templatesBefore)
        try templates.write("templates/assets/.vendor/x.js", "2")
        #expect(InputFingerprint.of(folder: folder) != edited)
    }

    @Test("A file whose status did not change is not read again; one edited to its old size and date is")
    func knownFiles() throws {
        let outer = try TemporaryContent(["docs/a.md": "# A\n", "docs/b.md": "# B\n", "docs/toc.yml": "- name: A\n"])
        let root = outer.url.appendingPathComponent("docs")
        let first = FileHashes()
        let fingerprint = InputFingerprint.of(contentRoot: root, hashes: first)
        #expect(first.filesRead == 3)
        let second = FileHashes(payload: first.payload, racyWindow: 0)
        #expect(InputFingerprint.of(contentRoot: root, hashes: second) == fingerprint)
        #expect(second.filesRead == 0)
        // Same size, and its modification date set back: its change time still moves.
        let page = root.appendingPathComponent("a.md").path
        let date = try FileManager.default.attributesOfItem(atPath: page)[.modificationDate] as? Date
        try outer.write("docs/a.md", "# Z\n")
        try FileManager.default.setAttributes([.modificationDate: date as Any], ofItemAtPath: page)
        let third = FileHashes(payload: second.payload, racyWindow: 0)
        #expect(InputFingerprint.of(contentRoot: root, hashes: third) != fingerprint)
        #expect(third.filesRead == 1)
        // Files changed within two seconds before a table was made are read again.
        let fourth = FileHashes(payload: third.payload)
        _ = InputFingerprint.of(contentRoot: root, hashes: fourth)
        #expect(fourth.filesRead == 3)
        let garbage = FileHashes(payload: Array("12\0only a path\0".utf8), racyWindow: 0)
        _ = InputFingerprint.of(contentRoot: root, hashes: garbage)
        #expect(garbage.filesRead == 3)
    }

    @Test("The hash tells apart what a careless one would not")
    func hashSeparates() {
        #expect(StableHash.of("ab") != StableHash.of("a"))
        var first = StableHash(), second = StableHash()
        first.add("ab"); first.add("c")
        second.add("a"); second.add("bc")
        #expect(first.hex != second.hex)
        var zero = StableHash(), empty = StableHash()
        zero.add([0]); empty.add([])
        #expect(zero.hex != empty.hex)
        #expect(StableHash.of("same") == StableHash.of("same"))
        #expect(StableHash.of("same").count == 32)
    }

    @Test("A result holds for the UTC day it was made on")
    func utcDay() {
        #expect(UTCDay.of(Date(timeIntervalSince1970: 1_796_601_599)) == "2026-12-06")
        #expect(UTCDay.of(Date(timeIntervalSince1970: 1_796_601_600)) == "2026-12-07")
    }
}
