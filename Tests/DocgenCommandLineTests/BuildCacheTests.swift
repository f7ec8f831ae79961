import DocgenTestSupport
import Foundation
import Testing

/// `docgen build` and `docgen lint` with the cache in `.docgen-cache/`: a run with nothing changed
/// reports what the last one did, and the output with and without the cache is byte for byte the same.
@Suite(.serialized) struct BuildCacheTests {
    private var templates: String { CommandLineRunner.packageRoot.appendingPathComponent("site-templates").path }

    private func siteFiles() -> [String: String] {
        [
            "docs/a.md": LintHarness.validFrontMatter + "# A page\n\nSee [b](b.md#missing) and ![A line chart of alerts per hour](media/chart.png).\n",
            "docs/b.md": LintHarness.validFrontMatter.replacingOccurrences(of: "A page about", with: "Another page about") + "# B\n\n## Part\n\nText.\n",
            "docs/media/chart.png": "png",
        ]
    }

    private func build(_ source: TemporaryContent, into output: String = "site", _ extra: [String] = []) throws -> CommandLineRunner.Result {
        try CommandLineRunner.run(["build", "docs", "--output", output, "--templates", templates] + extra, in: source.url, cache: true)
    }

    /// Every file under `folder` and its bytes.
    static func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    private func findings(_ result: CommandLineRunner.Result) -> [String] {
        result.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("docs/") }
    }

    @Test func aSecondBuildWithNothingChangedRepeatsTheFindingsAndWritesNothing() throws {
        let source = try TemporaryContent(siteFiles())
        let first = try build(source)
        #expect(first.status == 1)
        #expect(findings(first) == ["docs/a.md:10:5: error: Cannot find bookmark '#missing' in 'b.md'. [DG102 broken-anchor]"])
        let page = source.url.appendingPathComponent("site/a.html").path
        let before = try FileManager.default.attributesOfItem(atPath: page)

        let again = try build(source)
        #expect(again.status == 1)
        #expect(findings(again) == findings(first))
        #expect(again.stderr.contains("Nothing changed since the last build of 2 pages into site/"))
        #expect(again.stderr.hasSuffix(": 1 errors, 0 warnings.\n"))
        // Nothing was written: the page is the same file, and no site was staged beside the output.
        let after = try FileManager.default.attributesOfItem(atPath: page)
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
        #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
        #expect(!FileManager.default.fileExists(atPath: source.url.appendingPathComponent(".site.docgen-previous").path))
        #expect(try build(source, into: "fresh", ["--no-cache"]).status == 1)
        #expect(try Self.tree(source.url.appendingPathComponent("site")) == Self.tree(source.url.appendingPathComponent("fresh")))
        // The cache is docgen's own: git ignores it and the site does not publish it.
        #expect(try String(contentsOf: source.url.appendingPathComponent("docs/.docgen-cache/.gitignore"), encoding: .utf8).hasSuffix("\n*\n"))
        #expect(try !Self.tree(source.url.appendingPathComponent("site")).keys.contains { $0.contains("docgen-cache") })
    }

    @Test func aChangedPageTemplateOrOutputBuildsAgainAsWithoutTheCache() throws {
        let source = try TemporaryContent(siteFiles())
        let templateCopy = source.url.appendingPathComponent("templates")
        try FileManager.default.copyItem(atPath: templates, toPath: templateCopy.path)
        let run = { (output: String, extra: [String]) in
            try CommandLineRunner.run(["build", "docs", "--output", output, "--templates", "templates"] + extra, in: source.url, cache: true)
        }
        func expectSameAsFresh(_ why: Comment) throws {
            let cached = try run("site", [])
            #expect(cached.stderr.contains("Built 2 pages"), why)
            #expect(try run("fresh", ["--no-cache"]).stderr.contains("Built 2 pages"), why)
            #expect(try Self.tree(source.url.appendingPathComponent("site")) == Self.tree(source.url.appendingPathComponent("fresh")), why)
        }
        try expectSameAsFresh("first build")
        try source.write("docs/b.md", LintHarness.validFrontMatter.replacingOccurrences(of: "A page about", with: "Another page about") + "# B\n\n## Missing\n\nText.\n")
        try expectSameAsFresh("a page changed")
        #expect(try String(contentsOf: source.url.appendingPathComponent("site/b.html"), encoding: .utf8).contains("id=\"missing\""))
        let layout = templateCopy.appendingPathComponent("layout.mustache")
        try (String(contentsOf: layout, encoding: .utf8) + "<!-- changed layout -->\n").write(to: layout, atomically: true, encoding: .utf8)
        try expectSameAsFresh("a template changed")
        #expect(try String(contentsOf: source.url.appendingPathComponent("site/a.html"), encoding: .utf8).contains("<!-- changed layout -->"))
        try Data("edited by hand".utf8).write(to: source.url.appendingPathComponent("site/a.html"))
        try expectSameAsFresh("a page of the site was edited")
        try FileManager.default.removeItem(at: source.url.appendingPathComponent("site/b.html"))
        try expectSameAsFresh("a page of the site was deleted")
        #expect(try run("site", ["--base-url", "https://example.com/docs/"]).stderr.contains("Built 2 pages"))
        #expect(try run("site", ["--base-url", "https://example.com/docs/"]).stderr.contains("Nothing changed"))
    }

    @Test func anEditedPageIsCheckedAndRenderedAloneAndTheSiteIsAsWithoutTheCache() throws {
        let another = LintHarness.validFrontMatter.replacingOccurrences(of: "A page about", with: "Another page about")
        let shared = LintHarness.validFrontMatter.replacingOccurrences(of: "A page about monitoring clusters", with: "A shared title")
        let source = try TemporaryContent([
            "docs/a.md": LintHarness.validFrontMatter + "# A page\n\nSee [b](b.md#part) and ![A line chart of alerts per hour](media/chart.png).\n",
            "docs/b.md": another + "# B\n\n## Part\n\n[!INCLUDE [note](includes/note.md)]\n",
            "docs/includes/note.md": "A shared note.\n",
            "docs/media/chart.png": "png",
            // Pages the site rules report on, which a build after an edit to a.md does not read.
            "docs/c.md": shared + "# C\n\nSee [the string type](xref:System.String) and [a page elsewhere](~/other-repo/page.md).\n",
            "docs/d.md": shared + "# D\n\nText.\n",
            "docs/e.md": "<!-- docgen-disable-next-line duplicate-title -->\n# A shared title\n\nText.\n",
            "docs/index.md": "# Welcome\n\nAn introduction.\n",
        ])
        func expectSameAsFresh(keeping kept: Int?, unread: Int? = nil, _ why: Comment) throws -> [String] {
            let cached = try build(source, ["-v"])
            let fresh = try build(source, into: "fresh", ["--no-cache"])
            #expect(cached.stderr.contains(kept.map { "Built 5 pages (\($0) unchanged, kept from the last build)," } ?? "Built 5 pages,"), why)
            #expect(cached.stderr.contains(unread.map { ", \($0) pages not read (the cache stood for them)." } ?? " files already up to date."), why)
            #expect(cached.status == fresh.status, why)
            #expect(findings(cached) == findings(fresh), why)
            #expect(try Self.tree(source.url.appendingPathComponent("site")) == Self.tree(source.url.appendingPathComponent("fresh")), why)
            return findings(cached).filter { $0.contains("[DG1") }
        }
        let aBody = LintHarness.validFrontMatter + "# A page\n\nSee [b](b.md#part) and ![A line chart of alerts per hour](media/chart.png).\n"
        let firstLinks = try expectSameAsFresh(keeping: nil, "first build")
        #expect(findings(try build(source, into: "fresh", ["--no-cache"])).contains("docs/d.md:2:1: warning: Title 'A shared title' is also the title of 'c.md'; give each page its own title. [DG006 duplicate-title]"))
        try source.write("docs/a.md", aBody + "\nA new paragraph.\n")
        #expect(try expectSameAsFresh(keeping: 4, unread: 4, "a page's body edited") == firstLinks)
        try source.write("docs/a.md", aBody + "\nA new paragraph and [a link](b.md#nowhere).\n")
        #expect(try expectSameAsFresh(keeping: 4, unread: 4, "a page's body edited, with a new finding")
            == ["docs/a.md:12:21: error: Cannot find bookmark '#nowhere' in 'b.md'. [DG102 broken-anchor]"] + firstLinks)
        try source.write("docs/includes/note.md", "A shared note, reworded.\n")
        _ = try expectSameAsFresh(keeping: 4, unread: 4, "an include edited: the page that includes it is rendered again")
        try source.write("docs/a.md", aBody + "\n[!INCLUDE [note](includes/note.md)]\n")
        _ = try expectSameAsFresh(keeping: 4, unread: 4, "an include added to a page: b.md, which includes the same file, stands in")
        #expect(try String(contentsOf: source.url.appendingPathComponent("site/a.html"), encoding: .utf8).contains("A shared note, reworded."))
        #expect(try String(contentsOf: source.url.appendingPathComponent("site/b.html"), encoding: .utf8).contains("A shared note, reworded."))
        try source.write("docs/b.md", try String(contentsOf: source.url.appendingPathComponent("docs/b.md"), encoding: .utf8).replacingOccurrences(of: "## Part", with: "## Piece"))
        // a.md links to b.md#part: it is read and checked again; c.md, d.md and e.md stand in.
        #expect(try expectSameAsFresh(keeping: 3, unread: 3, "a heading other pages link to renamed: the page linking to it is checked again").contains { $0.contains("Cannot find bookmark '#part' in 'b.md'.") })
        try source.write("docs/a.md", aBody.replacingOccurrences(of: "ms.date: 11/20/2026", with: "ms.date: 12/07/2026").replacingOccurrences(of: "author: octocat", with: "author: hubot"))
        _ = try expectSameAsFresh(keeping: 4, unread: 4, "a new ms.date and author: only the page shows them")
        #expect(try String(contentsOf: source.url.appendingPathComponent("site/a.html"), encoding: .utf8).contains("12/07/2026"))
        try source.write("docs/a.md", aBody + "\nSee [the install guide](/cli/azure/install-azure-cli).\n")
        _ = try expectSameAsFresh(keeping: 4, unread: 4, "a root-relative link added: the Learn URL paths inferred stay, and the page is checked alone")
        try source.write("docs/a.md", aBody)
        try Data("edited by hand".utf8).write(to: source.url.appendingPathComponent("site/b.html"))
        _ = try expectSameAsFresh(keeping: nil, "the output edited by hand: nothing of it is kept")
        try source.write("docs/media/chart.png", "another png")
        _ = try expectSameAsFresh(keeping: 5, unread: 5, "an image replaced: every page is kept, and the image copied")
        #expect(try String(contentsOf: source.url.appendingPathComponent("site/media/chart.png"), encoding: .utf8) == "another png")
        try source.write("docs/media/chart.png", "a third png")
        try source.write("docs/a.md", aBody + "\nAnother paragraph.\n")
        _ = try expectSameAsFresh(keeping: 4, unread: 4, "an image replaced and a page edited: the page is checked alone")
        try source.write("docs/includes/data.json", "{}")
        try source.write("docs/a.md", aBody)
        _ = try expectSameAsFresh(keeping: nil, "a file other than a page or an image came: every page is checked again")
        try source.write("docs/index.md", "# Welcome\n\nAn introduction, rewritten.\n")
        _ = try expectSameAsFresh(keeping: 5, unread: 5, "the home page's introduction edited: the home page is rendered again")
        #expect(try String(contentsOf: source.url.appendingPathComponent("site/index.html"), encoding: .utf8).contains("An introduction, rewritten."))
    }

    @Test func aNewTitleRendersThePagesShowingItAndKeepsTheOthers() throws {
        func page(_ title: String, _ body: String, uid: String? = nil) -> String {
            LintHarness.validFrontMatter.replacingOccurrences(of: "title: A page about monitoring clusters", with: "title: \(title)" + (uid.map { "\nuid: \($0)" } ?? ""))
                .replacingOccurrences(of: "A description long enough", with: "A description of \(title) long enough") + body
        }
        // Read in the TOC's order: a, b, c, d, e. The TOC names every entry but e's, which the
        // navigation titles after the page.
        let source = try TemporaryContent([
            "docs/toc.yml": "- name: First\n  href: a.md\n- name: Second\n  href: b.md\n- name: Third\n  href: c.md\n- name: Fourth\n  href: d.md\n- href: e.md\n",
            "docs/a.md": page("Alpha page", "# Alpha page\n\nText.\n", uid: "docs.alpha"),
            "docs/b.md": page("Beta page", "# Beta page\n\nText.\n"),
            "docs/c.md": page("Gamma page", "# Gamma page\n\nText.\n"),
            "docs/d.md": page("Delta page", "# Delta page\n\nSee <xref:docs.alpha>.\n"),
            "docs/e.md": page("Epsilon page", "# Epsilon page\n\nText.\n"),
        ])
        func expectSameAsFresh(keeping kept: Int?, unread: Int?, _ why: Comment) throws {
            let cached = try build(source, ["-v"])
            let fresh = try build(source, into: "fresh", ["--no-cache"])
            #expect(cached.stderr.contains(kept.map { "Built 5 pages (\($0) unchanged, kept from the last build)," } ?? "Built 5 pages,"), why)
            #expect(cached.stderr.contains(unread.map { ", \($0) pages not read (the cache stood for them)." } ?? " files already up to date."), why)
            #expect(findings(cached) == findings(fresh), why)
            #expect(try Self.tree(source.url.appendingPathComponent("site")) == Self.tree(source.url.appendingPathComponent("fresh")), why)
        }
        func html(_ name: String) throws -> String { try String(contentsOf: source.url.appendingPathComponent("site/\(name)"), encoding: .utf8) }
        try expectSameAsFresh(keeping: nil, unread: nil, "first build")
        try source.write("docs/c.md", page("Gamma page renamed", "# Gamma page\n\nText.\n"))
        try expectSameAsFresh(keeping: 2, unread: 2, "a title changed: the pages before and after it show it, a and e stand in")
        #expect(try html("b.html").contains("Gamma page renamed"))
        #expect(try html("d.html").contains("Gamma page renamed"))
        try source.write("docs/a.md", page("Alpha page renamed", "# Alpha page\n\nText.\n", uid: "docs.alpha"))
        try expectSameAsFresh(keeping: 2, unread: 2, "a title an xref link shows changed: b (after it) and d (its xref) are rendered again")
        #expect(try html("d.html").contains(">Alpha page renamed</a>"))
        try source.write("docs/e.md", page("Epsilon page", "# Epsilon page\n\nText.\n").replacingOccurrences(of: "A description of", with: "A new description of"))
        try expectSameAsFresh(keeping: 4, unread: 4, "a description changed: no other page shows it, though the navigation shows the title")
        try source.write("docs/e.md", page("Epsilon page renamed", "# Epsilon page\n\nText.\n"))
        try expectSameAsFresh(keeping: nil, unread: nil, "a title the navigation shows changed: every page is rendered again")
        #expect(try html("a.html").contains("Epsilon page renamed"))
    }

    @Test func aNewTitleInANavigationPastItsInlineLimitRendersThePagesWhoseBranchShowsIt() throws {
        func page(_ title: String) -> String {
            LintHarness.validFrontMatter.replacingOccurrences(of: "title: A page about monitoring clusters", with: "title: \(title)")
                .replacingOccurrences(of: "A description long enough", with: "A description of \(title) long enough") + "# \(title)\n\nText.\n"
        }
        // No toc.yml: the navigation is the folders, past its inline limit of 2 entries, so each
        // page carries its own branch and the whole tree is toc/site.js.
        let source = try TemporaryContent([
            "docs/docgen.yml": "site:\n  title: Folders\nnavigation:\n  inline-limit: 2\n",
            "docs/alerts/setup.md": page("Set up alerts"), "docs/alerts/silence.md": page("Silence alerts"), "docs/alerts/route.md": page("Route alerts"),
            "docs/logs/collect.md": page("Collect logs"), "docs/logs/query.md": page("Query logs"), "docs/logs/retain.md": page("Retain logs"),
        ])
        func expectSameAsFresh(keeping kept: Int?, _ why: Comment) throws {
            let cached = try build(source, ["-v"])
            let fresh = try build(source, into: "fresh", ["--no-cache"])
            #expect(cached.stderr.contains(kept.map { "Built 6 pages (\($0) unchanged, kept from the last build)," } ?? "Built 6 pages,"), why)
            #expect(findings(cached) == findings(fresh), why)
            #expect(try Self.tree(source.url.appendingPathComponent("site")) == Self.tree(source.url.appendingPathComponent("fresh")), why)
        }
        func html(_ name: String) throws -> String { try String(contentsOf: source.url.appendingPathComponent("site/\(name)"), encoding: .utf8) }
        try expectSameAsFresh(keeping: nil, "first build")
        let script = try html("toc/site.js"), logs = try html("logs/retain.html")
        try source.write("docs/alerts/silence.md", page("Silence an alert"))
        // Its folder's pages show it as a sibling; of the logs folder, only the page after it in
        // the reading order shows its title.
        try expectSameAsFresh(keeping: 2, "a title the folder navigation shows changed")
        #expect(try html("alerts/setup.html").contains(">Silence an alert</a>"))
        #expect(try html("toc/site.js") != script && html("toc/site.js").contains("Silence an alert"))
        #expect(try html("logs/retain.html") == logs, "the file of the tree keeps its URL")
    }

    @Test func anAssetDatedBefore1970IsStampedLikeAnyOther() throws {
        let source = try TemporaryContent(siteFiles())
        let chart = source.url.appendingPathComponent("docs/media/chart.png").path
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: -14_256_000)], ofItemAtPath: chart)
        #expect(try build(source).stderr.contains("Built 2 pages"))
        let again = try build(source)
        #expect(again.status == 1, "\(again.stderr)")
        #expect(again.stderr.contains("Nothing changed"))
    }

    @Test func anUntrustedOrUnwritableCacheCostsOneNoteAndAWholeBuild() throws {
        let source = try TemporaryContent(siteFiles())
        #expect(try build(source).status == 1)
        let folder = source.url.appendingPathComponent("docs/.docgen-cache")
        let entry = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("build-") })
        try Data("docgen-cache 2\ntool someone else\n".utf8).write(to: folder.appendingPathComponent(entry))
        let ignored = try build(source)
        #expect(ignored.stderr.split(separator: "\n").filter { $0.hasPrefix("docgen: note:") } == [
            "docgen: note: ignored the cache entry docs/.docgen-cache/\(entry): it is not a whole docgen cache entry (cut short or changed by hand); the whole run is done and the entry replaced"
        ])
        #expect(ignored.stderr.contains("Built 2 pages"))
        #expect(try build(source).stderr.contains("Nothing changed"))

        try FileManager.default.removeItem(at: folder)
        try Data("not a folder".utf8).write(to: folder)
        let unwritable = try build(source)
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.split(separator: "\n").filter { $0.hasPrefix("docgen: note:") }.count == 1)
        #expect(unwritable.stderr.contains("docgen: note: cannot write the cache in docs/.docgen-cache ("))
        #expect(unwritable.stderr.contains("Built 2 pages"))
        try FileManager.default.removeItem(at: folder)
        #expect(try build(source, ["--no-cache"]).stderr.contains("Built 2 pages"))
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test func aGeneratedCorpusBuildsTheSameWithAndWithoutTheCache() throws {
        let scratch = try TemporaryContent([:])
        let corpus = scratch.url.appendingPathComponent("corpus")
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", CommandLineRunner.packageRoot.appendingPathComponent("scripts/generate-corpus.py").path, "150", corpus.path]
        generator.standardOutput = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0)
        let run = { (output: String, extra: [String]) in
            try CommandLineRunner.run(["build", "corpus", "--output", output, "--templates", self.templates] + extra, in: scratch.url, cache: true)
        }
        let first = try run("site", [])
        let second = try run("site", [])
        #expect(second.stderr.contains("Nothing changed since the last build"))
        let fresh = try run("fresh", ["--no-cache"])
        #expect(first.status == fresh.status && second.status == fresh.status)
        #expect(Set(findingsOf(second)) == Set(findingsOf(fresh)))
        #expect(try Self.tree(scratch.url.appendingPathComponent("site")) == Self.tree(scratch.url.appendingPathComponent("fresh")))
        // One page edited: built again, and the same as a build without the cache.
        let page = try #require(try FileManager.default.subpathsOfDirectory(atPath: corpus.path).sorted().first { $0.hasSuffix(".md") && !$0.contains("includes") })
        let url = corpus.appendingPathComponent(page)
        try (String(contentsOf: url, encoding: .utf8) + "\nOne more paragraph.\n").write(to: url, atomically: true, encoding: .utf8)
        let edited = try run("site", [])
        #expect(edited.stderr.contains(" unchanged, kept from the last build)"), "\(edited.stderr.suffix(400))")
        _ = try run("fresh", ["--no-cache"])
        #expect(try Self.tree(scratch.url.appendingPathComponent("site")) == Self.tree(scratch.url.appendingPathComponent("fresh")))
        // A question heading added: the other pages are kept, and the role pages list it as the
        // build without the cache does.
        try (String(contentsOf: url, encoding: .utf8) + "\n## How do I check a cached build?\n\nCompare it.\n").write(to: url, atomically: true, encoding: .utf8)
        let asked = try run("site", [])
        #expect(asked.stderr.contains(" unchanged, kept from the last build)"), "\(asked.stderr.suffix(400))")
        let freshAsked = try run("fresh", ["--no-cache"])
        #expect(Set(findingsOf(asked)) == Set(findingsOf(freshAsked)))
        let site = try Self.tree(scratch.url.appendingPathComponent("site"))
        #expect(site == (try Self.tree(scratch.url.appendingPathComponent("fresh"))))
        #expect(site.contains { $0.key.hasPrefix("roles/") && String(decoding: $0.value, as: UTF8.self).contains("How do I check a cached build?") })
    }

    private func findingsOf(_ result: CommandLineRunner.Result) -> [String] {
        result.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("corpus/") }
    }

    @Test func aSecondLintWithNothingChangedPrintsTheSameReportInEveryFormat() throws {
        let source = try TemporaryContent(siteFiles())
        let lint = { (extra: [String]) in try CommandLineRunner.run(["lint", "docs"] + extra, in: source.url, cache: true) }
        for format in ["text", "json", "sarif", "github"] {
            let fresh = try lint(["--format", format, "--no-cache"])
            let first = try lint(["--format", format])
            let second = try lint(["--format", format, "-v"])
            #expect(second.stderr.contains("nothing changed since the last lint; 2 pages' findings from the cache"), "\(format)")
            #expect(first.stdout == fresh.stdout && second.stdout == fresh.stdout, "\(format)")
            #expect(first.status == fresh.status && second.status == fresh.status, "\(format)")
        }
        #expect(try lint(["--format", "text"]).stdout.contains("See [b](b.md#missing)"))
        #expect(try lint(["--rule", "broken-anchor", "--format", "json"]).stdout == lint(["--rule", "broken-anchor", "--format", "json", "--no-cache"]).stdout)
        try source.write("docs/b.md", LintHarness.validFrontMatter.replacingOccurrences(of: "A page about", with: "Another page about") + "# B\n\n## Missing\n\nText.\n")
        let fixed = try lint(["-v"])
        #expect(fixed.status == 0, "\(fixed.stdout)")
        #expect(!fixed.stderr.contains("from the cache"))
        #expect(try lint(["--format", "json"]).stdout == lint(["--format", "json", "--no-cache"]).stdout)
    }

    @Test func lintingNamedPagesAfterAWholeLintReadsOnlyThemAndTheEditedPages() throws {
        var files = siteFiles()
        files["docs/c.md"] = LintHarness.validFrontMatter.replacingOccurrences(of: "A page about", with: "A third page about") + "# C\n\nSee [a](a.md#a-page) and [b](b.md#part).\n"
        let source = try TemporaryContent(files)
        let lint = { (arguments: [String]) in try CommandLineRunner.run(["lint"] + arguments, in: source.url, cache: true) }
        // Nothing to stand in yet: every page is read.
        let before = try lint(["docs/c.md", "-v"])
        #expect(!before.stderr.contains("not read"))
        _ = try lint(["docs"])
        let bText = try String(contentsOf: source.url.appendingPathComponent("docs/b.md"), encoding: .utf8)
        try source.write("docs/b.md", bText + "\nMore text with with a repeated word.\n")
        for format in ["text", "json"] {
            let named = try lint(["docs/c.md", "docs/a.md", "--format", format, "-v"])
            let fresh = try lint(["docs/c.md", "docs/a.md", "--format", format, "--no-cache"])
            #expect(named.stdout == fresh.stdout)
            #expect(named.status == fresh.status)
            // a.md and c.md are named and b.md was edited: the cache stands for none of them.
            #expect(named.stderr.contains("loaded 3 pages in"))
        }
        // A heading renamed in b.md breaks c.md's link to it, seen through the edited page.
        try source.write("docs/b.md", bText.replacingOccurrences(of: "## Part", with: "## Section"))
        let renamed = try lint(["docs/c.md", "--format", "json"])
        #expect(renamed.stdout == (try lint(["docs/c.md", "--format", "json", "--no-cache"])).stdout)
        #expect(renamed.stdout.contains("#part"))
        // Named with nothing else edited since the whole lint, the others stand in.
        _ = try lint(["docs"])
        let alone = try lint(["docs/c.md", "--format", "json", "-v"])
        #expect(alone.stderr.contains("(2 not read: the cache stood for them)"))
        #expect(alone.stdout == (try lint(["docs/c.md", "--format", "json", "--no-cache"])).stdout)
    }

    @Test func aPageTheCacheStandsForStillTellsAnIncludeItCouldNotRead() throws {
        // b.md's include is missing, so its anchors are not all known: a link to one of them is
        // not reported, whether b.md was read or the cache stands for it.
        var files = siteFiles()
        files["docs/b.md"] = files["docs/b.md"]! + "\n[!INCLUDE [steps](includes/steps.md)]\n"
        let source = try TemporaryContent(files)
        let lint = { (extra: [String]) in try CommandLineRunner.run(["lint", "docs", "--format", "json", "-v"] + extra, in: source.url, cache: true) }
        let first = try lint([])
        #expect(!first.stdout.contains("DG102"))
        let aText = try String(contentsOf: source.url.appendingPathComponent("docs/a.md"), encoding: .utf8)
        try source.write("docs/a.md", aText + "\nA new paragraph.\n")
        let cached = try lint([])
        #expect(cached.stderr.contains("(1 not read: the cache stood for them)"))
        let fresh = try lint(["--no-cache"])
        #expect(cached.stdout == fresh.stdout)
        #expect(!cached.stdout.contains("DG102"))
    }

    @Test func pagesTheCacheStandsForStillCountTheirLinksIntoOtherDocSets() throws {
        var files = siteFiles()
        files["docs/c.md"] = LintHarness.validFrontMatter.replacingOccurrences(of: "A page about", with: "A third page about")
            + "# C\n\nSee [Windows](/windows/about) and [.NET](/dotnet/core/).\n"
        files["docs/d.md"] = LintHarness.validFrontMatter.replacingOccurrences(of: "A page about", with: "A fourth page about") + "# D\n\nSee [Azure](/azure/overview).\n"
        let source = try TemporaryContent(files)
        let lint = { (extra: [String]) in try CommandLineRunner.run(["lint", "docs", "--format", "json"] + extra, in: source.url, cache: true) }
        _ = try lint([])
        try source.write("docs/a.md", try String(contentsOf: source.url.appendingPathComponent("docs/a.md"), encoding: .utf8) + "\nAnother paragraph.\n")
        let cached = try lint(["-v"])
        #expect(cached.stderr.contains("loaded 4 pages (3 not read: the cache stood for them)"))
        let fresh = try lint(["--no-cache"])
        #expect(cached.stdout == fresh.stdout)
        #expect(cached.stdout.contains("3 links in 2 files lead to other Learn doc sets (/windows/, /dotnet/, /azure/...)"))
    }

    @Test func aLintAfterAnEditReadsOnlyTheEditedPagesAndReportsAsWithoutTheCache() throws {
        var files = siteFiles()
        files["docs/b.md"] = files["docs/b.md"]! + "\n[!INCLUDE [note](includes/note.md)]\n"
        files["docs/includes/note.md"] = "A shared note with with a repeated word.\n"
        files["docs/c.md"] = "<!-- docgen-disable-next-line repeated-word -->\n# C\n\nThe the page.\n"
        let source = try TemporaryContent(files)
        let lint = { (extra: [String]) in try CommandLineRunner.run(["lint", "docs"] + extra, in: source.url, cache: true) }
        func expectSameAsFresh(unread: Int?, _ why: Comment) throws {
            try CommandLineRunner.expectLintSameAsWithoutCache(source, pages: 3, unread: unread, why)
        }
        try expectSameAsFresh(unread: nil, "first lint")
        let aText = try String(contentsOf: source.url.appendingPathComponent("docs/a.md"), encoding: .utf8)
        try source.write("docs/a.md", aText + "\nA new paragraph with a a repeated word.\n")
        // The text lint ran first: the JSON lint after it finds nothing changed.
        try expectSameAsFresh(unread: 2, "a page's body edited")
        #expect(try lint(["--format", "text"]).stdout.contains("A new paragraph with a a repeated word."))
        try source.write("docs/a.md", aText.replacingOccurrences(of: "ms.date: 11/20/2026", with: "ms.date: 20/11/2026"))
        try expectSameAsFresh(unread: 2, "a page's ms.date edited: no other page reads it")
        #expect(try lint(["--format", "text"]).stdout.contains("DG002"))
        try source.write("docs/includes/note.md", "A shared note, reworded, with with a repeated word.\n")
        try expectSameAsFresh(unread: 2, "an include edited: the page that includes it is read again")
        #expect(try lint(["--format", "text"]).stdout.contains("A shared note, reworded, with with a repeated word."))
        try source.write("docs/b.md", try String(contentsOf: source.url.appendingPathComponent("docs/b.md"), encoding: .utf8).replacingOccurrences(of: "## Part", with: "## Piece"))
        // a.md links to b.md: it is read and checked again; c.md stands in.
        try expectSameAsFresh(unread: 1, "a heading renamed: the pages linking to it are read and checked again")
        #expect(try lint(["--format", "text"]).stdout.contains("Cannot find bookmark '#missing' in 'b.md'."))
        try source.write("docs/b.md", try String(contentsOf: source.url.appendingPathComponent("docs/b.md"), encoding: .utf8).replacingOccurrences(of: "## Piece", with: "## Missing"))
        try expectSameAsFresh(unread: 1, "a heading renamed to what a link asks for")
        #expect(try !lint(["--format", "text"]).stdout.contains("Cannot find bookmark"))
        try source.write("docs/b.md", try String(contentsOf: source.url.appendingPathComponent("docs/b.md"), encoding: .utf8).replacingOccurrences(of: "## Missing", with: "## Piece"))
        try expectSameAsFresh(unread: 1, "the heading renamed back: the link breaks again")
        // The heading the link asks for may be in the file that cannot be read: the link is not
        // checked, on a.md, which the cache would otherwise keep.
        try source.write("docs/b.md", try String(contentsOf: source.url.appendingPathComponent("docs/b.md"), encoding: .utf8) + "\n[!INCLUDE [gone](includes/gone.md)]\n")
        try expectSameAsFresh(unread: 1, "an include that cannot be read added to the page a link leads to")
        #expect(try !lint(["--format", "text"]).stdout.contains("Cannot find bookmark"))
    }

    @Test func aSiteBuiltInsideTheContentFolderIsNotContent() throws {
        let source = try TemporaryContent(siteFiles())
        let lint = { try CommandLineRunner.run(["lint", "docs", "--format", "json", "-v"], in: source.url, cache: true) }
        let before = try lint()
        #expect(try build(source, into: "docs/out").status == 1)
        // The built site holds a page and a copy of the image; neither is loaded nor changes the key.
        #expect(FileManager.default.fileExists(atPath: source.url.appendingPathComponent("docs/out/a.html").path))
        #expect(try build(source, into: "docs/out").stderr.contains("Nothing changed since the last build of 2 pages into docs/out/"))
        let after = try lint()
        #expect(after.stderr.contains("nothing changed since the last lint; 2 pages' findings from the cache"), "\(after.stderr)")
        #expect(after.stdout == before.stdout)
    }

    @Test func buildsRunTogetherEachFindTheirOwnEntryAfterwards() throws {
        let source = try TemporaryContent(siteFiles())
        let results = LockedOutputs()
        DispatchQueue.concurrentPerform(iterations: 3) { index in
            let result = try? build(source, into: "site-\(index)")
            results.append(result.map { "\($0.status) \($0.stderr.contains("Built 2 pages"))" } ?? "failed")
        }
        #expect(results.all == Array(repeating: "1 true", count: 3))
        for index in 0..<3 {
            let again = try build(source, into: "site-\(index)")
            #expect(again.stderr.contains("Nothing changed since the last build of 2 pages into site-\(index)/"), "\(again.stderr)")
            #expect(!again.stderr.contains("docgen: note:"))
        }
        #expect(try build(source, into: "fresh", ["--no-cache"]).status == 1)
        #expect(try Self.tree(source.url.appendingPathComponent("site-2")) == Self.tree(source.url.appendingPathComponent("fresh")))
    }

    @Test func lintsRunTogetherLeaveAWholeCacheEntry() throws {
        let source = try TemporaryContent(siteFiles())
        let expected = try CommandLineRunner.run(["lint", "docs", "--format", "json", "--no-cache"], in: source.url, cache: true).stdout
        let outputs = LockedOutputs()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            outputs.append((try? CommandLineRunner.run(["lint", "docs", "--format", "json"], in: source.url, cache: true).stdout) ?? "failed")
        }
        #expect(outputs.all == Array(repeating: expected, count: 4))
        let after = try CommandLineRunner.run(["lint", "docs", "--format", "json", "-v"], in: source.url, cache: true)
        #expect(after.stderr.contains("from the cache"))
        #expect(after.stdout == expected)
    }
}

/// Outputs collected from concurrent runs.
private final class LockedOutputs: @unchecked Sendable {
    private var values: [String] = []
    private let lock = NSLock()
    func append(_ value: String) { lock.lock(); values.append(value); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return values }
}
