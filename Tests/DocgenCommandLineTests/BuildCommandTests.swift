import DocgenTestSupport
import Foundation
import Testing

/// `docgen build` end to end: exit codes, the written site, escaping of front matter, and the
/// guarantee that a failed build never damages the previous site.
@Suite(.serialized) struct BuildCommandTests {
    private func content(_ files: [String: String]) throws -> TemporaryContent {
        try TemporaryContent(files)
    }

    private var templates: String { CommandLineRunner.packageRoot.appendingPathComponent("site-templates").path }

    @Test func buildsTheSiteAndReportsASummary() throws {
        let source = try content(["docs/a.md": LintHarness.validFrontMatter + "# A page\n\nSee [b](b.md#part).\n", "docs/b.md": LintHarness.validFrontMatter.replacingOccurrences(of: "A page about", with: "Another page about") + "# B\n\n## Part\n\nText.\n"])
        let result = try CommandLineRunner.run(["build", "docs", "--output", "site", "--templates", templates], in: source.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Built 2 pages"))
        let page = try String(contentsOf: source.url.appendingPathComponent("site/a.html"), encoding: .utf8)
        #expect(page.contains("<a href=\"b.html#part\">b</a>"))
        #expect(FileManager.default.fileExists(atPath: source.url.appendingPathComponent("site/index.html").path))
    }

    @Test func escapesFrontMatterEverywhere() throws {
        let hostile = "---\ntitle: \"<script>alert(1)</script> \\\"><img src=x onerror=alert(2)>\"\ndescription: \"<b>bold</b> & 'quotes'\"\n---\n# Heading\n"
        let source = try content(["docs/x.md": hostile])
        let result = try CommandLineRunner.run(["build", "docs", "--output", "site", "--templates", templates], in: source.url)
        #expect(result.status == 1)  // the page lacks required metadata
        let page = try String(contentsOf: source.url.appendingPathComponent("site/x.html"), encoding: .utf8)
        #expect(!page.contains("<script>alert(1)"))
        #expect(!page.contains("<img src=x"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("<b>bold</b>"))
    }

    @Test func buildsAPageOfFortyThousandNestedMonikersWithALimitFinding() throws {
        // Used to overflow the stack assigning heading ids, after gigabytes of memory.
        let page = LintHarness.validFrontMatter + "# A\n\n" + String(repeating: "::: moniker range=\"x\"\n", count: 40_000) + "## Inside\n"
            + String(repeating: ">", count: 2_000) + " Deep.\n" + String(repeating: "::: moniker-end\n", count: 40_000) + "\n## After\n"
        let source = try content(["docs/a.md": page])
        let result = try CommandLineRunner.run(["build", "docs", "--output", "site", "--templates", templates], in: source.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("docs/a.md:74:1: error: :::moniker is nested more than 64 deep; docgen keeps its content, and that of the directives inside it, in the directive around it. Close the directives above it or nest less. [DG502 content-limit]"))
        #expect(result.stderr.contains("docs/a.md:40011:65: error: Markdown is nested more than 64 deep here"))
        let html = try String(contentsOf: source.url.appendingPathComponent("site/a.html"), encoding: .utf8)
        #expect(html.contains("<h2 id=\"inside\">Inside</h2>"))
        #expect(html.contains("Deep."))
        #expect(html.contains("</div>\n<h2 id=\"after\">After</h2>"))
    }

    @Test func reportsFindingsWithFileLineAndColumnAndExitsOne() throws {
        let source = try content(["docs/a.md": LintHarness.validFrontMatter + "# A\n\nSee [gone](gone.md).\n"])
        let result = try CommandLineRunner.run(["build", "docs", "--output", "site", "--templates", templates], in: source.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("docs/a.md:10:5: error: Link target 'gone.md' does not exist; fix the path or remove the link. [DG101 broken-link]"))
        #expect(FileManager.default.fileExists(atPath: source.url.appendingPathComponent("site/a.html").path))
    }

    @Test func reportsConfigurationProblemsAsLintDoes() throws {
        let source = try content([
            "docs/docgen.yml": "site:\n  title: [unclosed\n",
            "docs/docfx.json": "{ \"build\": ",
            "docs/a.md": LintHarness.validFrontMatter + "# A\n\nText.\n",
        ])
        let build = try CommandLineRunner.run(["build", "docs", "--output", "site", "--templates", templates], in: source.url)
        let lint = try CommandLineRunner.run(["lint", "docs", "--format", "github"], in: source.url)
        #expect(build.status == 1)
        let expected = [
            "docs/docfx.json:1:1: warning: docfx.json is not valid JSON; its metadata, groups and content globs are ignored. [DG007 front-matter-invalid]",
            "docs/docgen.yml:2:10: error: docgen.yml is not valid: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence that starts here. [DG007 front-matter-invalid]",
        ]
        #expect(build.stderr.split(separator: "\n").filter { $0.contains("DG007") }.map(String.init) == expected, "\(build.stderr)")
        // lint reports the same two problems at the same places.
        #expect(lint.stdout.split(separator: "\n").filter { $0.contains("DG007") }.count == 2, "\(lint.stdout)")
        #expect(lint.stdout.contains("file=docs/docgen.yml,line=2,col=10"), "\(lint.stdout)")
    }

    @Test func keepsThePreviousSiteWhenABuildCannotRun() throws {
        let source = try content(["docs/a.md": LintHarness.validFrontMatter + "# A\n"])
        #expect(try CommandLineRunner.run(["build", "docs", "--output", "site", "--templates", templates], in: source.url).status == 0)
        let before = try String(contentsOf: source.url.appendingPathComponent("site/a.html"), encoding: .utf8)
        let broken = try content(["layout.mustache": "{{#unclosed}}"])
        let result = try CommandLineRunner.run(["build", "docs", "--output", "site", "--templates", broken.url.path], in: source.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("docgen: error:"))
        #expect(try String(contentsOf: source.url.appendingPathComponent("site/a.html"), encoding: .utf8) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: source.url.path).filter { $0.contains("docgen-staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func reusesThePreviousSiteWithoutKeepingWhatIsGone() throws {
        let old = LintHarness.validFrontMatter.replacingOccurrences(of: "A page about", with: "An old page about") + "# Old\n"
        let source = try content(["docs/a.md": LintHarness.validFrontMatter + "# A\n\n![Chart](media/chart.png)\n", "docs/old.md": old, "docs/media/chart.png": "one"])
        let build = { try CommandLineRunner.run(["build", "docs", "--output", "site", "--templates", self.templates], in: source.url) }
        let site = source.url.appendingPathComponent("site")
        #expect(try build().status == 0)
        try FileManager.default.removeItem(at: source.url.appendingPathComponent("docs/old.md"))
        #expect(try build().status == 0)
        // The third build is staged over the first site, which still had old.html.
        let chart = source.url.appendingPathComponent("docs/media/chart.png")
        try Data("two".utf8).write(to: chart)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: chart.path)
        #expect(try build().status == 0)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("old.html").path))
        #expect(try String(contentsOf: site.appendingPathComponent("media/chart.png"), encoding: .utf8) == "two")
        #expect(FileManager.default.fileExists(atPath: source.url.appendingPathComponent(".site.docgen-previous/a.html").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: source.url.path).filter { $0.contains("docgen-staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func leavesUnchangedPagesAloneAndRewritesChangedOnesExactly() throws {
        let long = LintHarness.validFrontMatter + "# A\n\n" + String(repeating: "A long paragraph about the alert thresholds. ", count: 200) + "\n"
        let other = LintHarness.validFrontMatter.replacingOccurrences(of: "A page about", with: "Another page about") + "# B\n"
        let source = try content(["docs/a.md": long, "docs/b.md": other])
        let build = { try CommandLineRunner.run(["build", "docs", "--output", "site", "--templates", self.templates, "-v"], in: source.url) }
        let site = source.url.appendingPathComponent("site")
        #expect(try build().status == 0)
        // Mark the first site's b.html; the third build is staged over that site.
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: site.appendingPathComponent("b.html").path)
        #expect(try build().status == 0)
        try (LintHarness.validFrontMatter + "# A\n\nShort now.\n").write(to: source.url.appendingPathComponent("docs/a.md"), atomically: true, encoding: .utf8)
        let third = try build()
        #expect(third.status == 0, "\(third.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: site.appendingPathComponent("b.html").path)
        #expect(attributes[.modificationDate] as? Date == past)
        // The shorter page is cut to its new length, with nothing of the old one after it.
        let page = try String(contentsOf: site.appendingPathComponent("a.html"), encoding: .utf8)
        #expect(page.contains("Short now."))
        #expect(!page.contains("A long paragraph"))
        #expect(page.hasSuffix("</html>\n"))
        #expect(third.stderr.contains("files already up to date."))
        #expect(third.stderr.contains("Phases: load "))
    }

    @Test func neverWritesThroughALinkLeftInThePreviousSite() throws {
        let other = LintHarness.validFrontMatter.replacingOccurrences(of: "A page about", with: "Another page about") + "# B\n"
        let source = try content(["docs/a.md": LintHarness.validFrontMatter + "# A\n", "docs/b.md": other, "outside.txt": "keep me", "other.txt": "keep me too"])
        let build = { try CommandLineRunner.run(["build", "docs", "--output", "site", "--templates", self.templates], in: source.url) }
        #expect(try build().status == 0)
        #expect(try build().status == 0)
        // The next build is staged over the kept site, where a.html is now a link out of the output.
        let kept = source.url.appendingPathComponent(".site.docgen-previous/a.html")
        try FileManager.default.removeItem(at: kept)
        try FileManager.default.createSymbolicLink(at: kept, withDestinationURL: source.url.appendingPathComponent("outside.txt"))
        // And b.html another name of a file outside it.
        let keptB = source.url.appendingPathComponent(".site.docgen-previous/b.html")
        try FileManager.default.removeItem(at: keptB)
        try FileManager.default.linkItem(at: source.url.appendingPathComponent("other.txt"), to: keptB)
        let result = try build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: source.url.appendingPathComponent("outside.txt"), encoding: .utf8) == "keep me")
        #expect(try String(contentsOf: source.url.appendingPathComponent("other.txt"), encoding: .utf8) == "keep me too")
        #expect(try String(contentsOf: source.url.appendingPathComponent("site/b.html"), encoding: .utf8).contains("<h1>B</h1>"))
        let page = source.url.appendingPathComponent("site/a.html")
        #expect(try FileManager.default.attributesOfItem(atPath: page.path)[.type] as? FileAttributeType == .typeRegular)
        #expect(try String(contentsOf: page, encoding: .utf8).contains("<h1>A</h1>"))
    }

    @Test func reusesAPreviousSiteWhoseFilesAndFoldersSwapped() throws {
        let source = try content(["docs/a.md": LintHarness.validFrontMatter + "# A\n", "docs/media/diagram": "a file"])
        let build = { try CommandLineRunner.run(["build", "docs", "--output", "site", "--templates", self.templates], in: source.url) }
        let media = source.url.appendingPathComponent("docs/media")
        let site = source.url.appendingPathComponent("site")
        #expect(try build().status == 0)
        #expect(try build().status == 0)
        // Staged over the first site, where media/diagram is a file.
        try FileManager.default.removeItem(at: media.appendingPathComponent("diagram"))
        try FileManager.default.createDirectory(at: media.appendingPathComponent("diagram"), withIntermediateDirectories: true)
        try Data("png".utf8).write(to: media.appendingPathComponent("diagram/chart.png"))
        let folder = try build()
        #expect(folder.status == 0, "\(folder.stderr)")
        #expect(try String(contentsOf: site.appendingPathComponent("media/diagram/chart.png"), encoding: .utf8) == "png")
        // Staged over the second site, where media/diagram is still a file; then over the third, a folder.
        try FileManager.default.removeItem(at: media.appendingPathComponent("diagram"))
        try Data("a file again".utf8).write(to: media.appendingPathComponent("diagram"))
        #expect(try build().status == 0)
        let file = try build()
        #expect(file.status == 0, "\(file.stderr)")
        #expect(try String(contentsOf: site.appendingPathComponent("media/diagram"), encoding: .utf8) == "a file again")
    }

    @Test func leavesDraftChecksToLintUnlessAsked() throws {
        let source = try content(["docs/a.md": LintHarness.validFrontMatter + "# A\n\nTODO: write the alert thresholds.\n\nSee [gone](gone.md).\n"])
        let plain = try CommandLineRunner.run(["build", "docs", "--output", "site", "--templates", templates], in: source.url)
        #expect(plain.status == 1)
        #expect(plain.stderr.contains("[DG101 broken-link]"))
        #expect(!plain.stderr.contains("DG402"))
        #expect(plain.stderr.contains("warnings (draft checks: docgen lint, or build --all-checks)."))
        let all = try CommandLineRunner.run(["build", "docs", "--output", "site", "--templates", templates, "--all-checks"], in: source.url)
        #expect(!all.stderr.contains("(draft checks:"))
        #expect(all.stderr.contains("docs/a.md:10:1: warning: Draft marker 'TODO' left in the text; finish the work it marks and remove it. [DG402 draft-marker]"), "\(all.stderr)")
    }

    @Test func refusesAnOutputFolderItDidNotWrite() throws {
        let source = try content(["docs/a.md": LintHarness.validFrontMatter + "# A\n", "precious/notes.txt": "keep me"])
        let result = try CommandLineRunner.run(["build", "docs", "--output", "precious", "--templates", templates], in: source.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("already holds files docgen did not write"))
        #expect(try String(contentsOf: source.url.appendingPathComponent("precious/notes.txt"), encoding: .utf8) == "keep me")
        let inside = try CommandLineRunner.run(["build", "docs", "--output", ".", "--templates", templates], in: source.url)
        #expect(inside.status == 2)
    }

    @Test func replacesAPreviousSiteCompletely() throws {
        let source = try content(["docs/a.md": LintHarness.validFrontMatter + "# A\n", "docs/old.md": LintHarness.validFrontMatter.replacingOccurrences(of: "A page about", with: "An old page about") + "# Old\n"])
        #expect(try CommandLineRunner.run(["build", "docs", "--output", "site", "--templates", templates], in: source.url).status == 0)
        try FileManager.default.removeItem(at: source.url.appendingPathComponent("docs/old.md"))
        #expect(try CommandLineRunner.run(["build", "docs", "--output", "site", "--templates", templates], in: source.url).status == 0)
        #expect(!FileManager.default.fileExists(atPath: source.url.appendingPathComponent("site/old.html").path))
        #expect(FileManager.default.fileExists(atPath: source.url.appendingPathComponent("site/a.html").path))
    }

    @Test func exitsTwoForAMissingContentFolder() throws {
        let result = try CommandLineRunner.run(["build", "no-such-folder"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("content folder 'no-such-folder' does not exist"))
    }
}
