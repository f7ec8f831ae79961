import DocgenTestSupport
import Foundation
import Testing

/// `docgen lint` with the cache after pages or images were added or removed: the new pages are
/// read, the pages linking to a file that came or went are read and checked again, the others
/// keep their findings, and the report is the report without the cache. `build` still builds
/// every page then: each page shows the navigation that lists them.
@Suite(.serialized) struct LintCacheFileListTests {
    private static func page(_ title: String, _ body: String) -> String {
        LintHarness.validFrontMatter.replacingOccurrences(of: "A page about", with: "\(title), a page about") + body
    }

    private static func files() -> [String: String] {
        [
            "docs/a.md": page("Alerts", "# Alerts\n\nSee [the runbook](runbook.md#steps) and ![A line chart of alerts per hour](media/chart.png).\n"),
            "docs/b.md": page("Buckets", "# Buckets\n\nSee [alerts](a.md).\n"),
            "docs/c.md": page("Clusters", "# Clusters\n\nThe the clusters.\n"),
            "docs/d.md": page("Disks", "# Disks\n\nWatch the disks.\n"),
        ]
    }

    @Test func aPageAddedOrRemovedIsReadWithThePagesLinkingToIt() throws {
        let source = try TemporaryContent(Self.files())
        try CommandLineRunner.expectLintSameAsWithoutCache(source, pages: 4, unread: nil, "first lint")
        let report = { try CommandLineRunner.run(["lint", "docs"], in: source.url, cache: true).stdout }
        #expect(try report().contains("[DG101 broken-link]"))

        try source.write("docs/runbook.md", Self.page("Runbook", "# Runbook\n\n## Steps\n\nFollow them.\n"))
        try CommandLineRunner.expectLintSameAsWithoutCache(source, pages: 5, unread: 3, "a page added: it and a.md, which links to it, are read")
        #expect(try !report().contains("[DG101 broken-link]"))

        try FileManager.default.removeItem(at: source.url.appendingPathComponent("docs/a.md"))
        try CommandLineRunner.expectLintSameAsWithoutCache(source, pages: 4, unread: 3, "a page removed: b.md, which linked to it, is read")
        #expect(try report().contains("[DG101 broken-link]"))
    }

    @Test func anImageAddedIsCheckedOnThePageShowingIt() throws {
        let source = try TemporaryContent(Self.files())
        try CommandLineRunner.expectLintSameAsWithoutCache(source, pages: 4, unread: nil, "first lint")
        #expect(try CommandLineRunner.run(["lint", "docs"], in: source.url, cache: true).stdout.contains("[DG201 missing-image]"))
        try source.write("docs/media/chart.png", "png")
        try CommandLineRunner.expectLintSameAsWithoutCache(source, pages: 4, unread: 3, "an image added: a.md, which shows it, is read")
        #expect(try !CommandLineRunner.run(["lint", "docs"], in: source.url, cache: true).stdout.contains("[DG201 missing-image]"))
    }

    @Test func anIncludeOrAPageAMissingIncludeNamedAddedLoadsEveryPage() throws {
        var files = Self.files()
        files["docs/d.md"] = Self.page("Disks", "# Disks\n\n[!INCLUDE [pools](pools.md)]\n")
        let source = try TemporaryContent(files)
        try CommandLineRunner.expectLintSameAsWithoutCache(source, pages: 4, unread: nil, "first lint")
        try source.write("docs/includes/shared.md", "A shared note.\n")
        try CommandLineRunner.expectLintSameAsWithoutCache(source, pages: 4, unread: nil, "an include no page reads: every page is read")
        try source.write("docs/pools.md", Self.page("Pools", "# Pools\n\nNode pools.\n"))
        try CommandLineRunner.expectLintSameAsWithoutCache(source, pages: 5, unread: nil, "a page d.md tried to include: every page is read")
    }

    @Test func aBuildAfterAPageIsAddedBuildsEveryPage() throws {
        let source = try TemporaryContent(Self.files())
        let templates = CommandLineRunner.packageRoot.appendingPathComponent("site-templates").path
        let build = { try CommandLineRunner.run(["build", "docs", "--output", "site", "--templates", templates, "-v"], in: source.url, cache: true) }
        _ = try build()
        try source.write("docs/runbook.md", Self.page("Runbook", "# Runbook\n\n## Steps\n"))
        let again = try build()
        #expect(again.stderr.contains("Built 5 pages"), "\(again.stderr)")
        #expect(!again.stderr.contains("not read"), "\(again.stderr)")
    }
}
