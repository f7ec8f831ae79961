import DocgenCore
import DocgenTestSupport
import Foundation
import Testing

/// toc.yml files read as DocFX reads them, and the TOC each page is navigated by.
@Suite struct TableOfContentsTests {
    private static let page = "---\ntitle: A page\n---\n# A page\n"

    /// A site with no root toc.yml: two sections, one nesting a third TOC, one referencing a
    /// folder, a breadcrumb TOC that is not navigation.
    private static func sections() throws -> TemporaryContent {
        try TemporaryContent([
            "arc/toc.yml": """
            - name: Arc documentation
              href: index.yml
            - name: Overview
              expanded: true
              items:
              - name: About Arc
                href: overview.md
            - name: Servers
              href: servers/toc.yml
            - name: Quotas >
              href: ../quotas/
            - name: PowerShell
              href: /powershell/module/az.arc/
            - name: Training
              href: training.yml
            """,
            "arc/training.yml": "### YamlMime:ModuleUnit\ntitle: Training\n",
            "arc/index.yml": "### YamlMime:Landing\ntitle: Arc\n",
            "arc/overview.md": page, "arc/unlisted.md": page,
            "arc/servers/toc.yml": "- name: Servers overview\n  href: overview.md\n",
            "arc/servers/overview.md": page,
            "quotas/TOC.yml": "items:\n- name: About quotas\n  href: about.md\n",
            "quotas/about.md": page,
            "breadcrumb/toc.yml": "- name: Azure\n  tocHref: /azure/\n  topicHref: /azure/index\n",
        ])
    }

    @Test func readsEveryTOCWithNestedOnesInPlace() throws {
        let content = try Self.sections()
        let site = SiteLoader.load(root: content.url)
        #expect(site.navigation.tocs.map(\.path) == ["arc/servers/toc.yml", "arc/toc.yml", "quotas/TOC.yml"])
        let arc = try #require(site.navigation.tocs.first { $0.path == "arc/toc.yml" })
        #expect(arc.orderedPaths == ["arc/index.yml", "arc/overview.md", "arc/servers/overview.md", "quotas/about.md"])
        #expect(arc.entries.map(\.name) == ["Arc documentation", "Overview", "Servers", "Quotas >", "PowerShell", "Training"])
        // A YAML landing page is a page; a YamlMime type docgen does not build is a label, not a broken link.
        #expect(arc.entries[0].path == "arc/index.yml")
        #expect(arc.entries[5].path == nil && arc.entries[5].externalURL == nil)
        #expect(arc.entries[1].expanded)
        #expect(arc.entries[2].children.map(\.path) == ["arc/servers/overview.md"])
        // A folder reference opens the first page of that folder's TOC and does not nest it.
        #expect(arc.entries[3].path == "quotas/about.md")
        #expect(arc.entries[3].children.isEmpty)
        #expect(arc.entries[4].externalURL == "/powershell/module/az.arc/")
        // The nested TOC keeps DocFX's default order of 100, so the TOC that nests it wins.
        #expect(site.navigation.tocs.first { $0.path == "arc/servers/toc.yml" }?.order == 100)
        #expect(site.tocProblems.isEmpty)
    }

    @Test func navigatesEachPageByTheTOCThatListsIt() throws {
        let content = try Self.sections()
        let site = SiteLoader.load(root: content.url)
        func toc(_ path: String) -> String? { site.navigation.tocIndex(for: path).map { site.navigation.tocs[$0].path } }
        #expect(toc("arc/overview.md") == "arc/toc.yml")
        // Listed by arc/toc.yml (order 0, nesting) and arc/servers/toc.yml (order 100).
        #expect(toc("arc/servers/overview.md") == "arc/toc.yml")
        // Listed by arc/toc.yml through the folder reference and by its own TOC, which is nearer.
        #expect(toc("quotas/about.md") == "quotas/TOC.yml")
        // Listed by none: the nearest TOC.
        #expect(toc("arc/unlisted.md") == "arc/toc.yml")
        #expect(site.navigation.lists("arc/unlisted.md") == false)
        #expect(site.readingOrder.map(\.path) == ["arc/overview.md", "arc/servers/overview.md", "quotas/about.md", "arc/unlisted.md"])
    }

    @Test func anOrderTakesPrecedenceOverNearness() throws {
        let content = try TemporaryContent([
            "toc.yml": "order: 5\nitems:\n- name: Guide\n  href: guide/page.md\n",
            "guide/toc.yml": "- name: Page\n  href: page.md\n",
            "guide/page.md": Self.page,
        ])
        let site = SiteLoader.load(root: content.url)
        let chosen = try #require(site.navigation.tocIndex(for: "guide/page.md"))
        #expect(site.navigation.tocs[chosen].path == "guide/toc.yml")
    }

    @Test func reportsATOCThatNestsItselfAndMissingTargetsWithTheirLines() throws {
        let content = try TemporaryContent([
            "toc.yml": "- name: Start\n  href: start.md\n- name: Loop\n  href: more/toc.yml\n- name: Gone\n  href: gone.md\n",
            "more/toc.yml": "- name: Back\n  href: ../toc.yml\n",
            "start.md": Self.page,
        ])
        let site = SiteLoader.load(root: content.url)
        let problems = site.tocProblems.map { "\($0.path):\($0.position.line): \($0.message)" }.sorted()
        #expect(problems == [
            "toc.yml:3: toc entry 'Loop' nests 'more/toc.yml', which nests this TOC again (more/toc.yml -> toc.yml -> more/toc.yml); remove one of the two entries.",
            "toc.yml:5: toc entry 'Gone' links to 'gone.md', which does not exist.",
        ])
        #expect(site.navigation.tocs.first { $0.path == "toc.yml" }?.orderedPaths == ["start.md"])
    }

    @Test func reportsInvalidYAMLOnceWithItsPosition() throws {
        let content = try TemporaryContent([
            "toc.yml": "- name: Start\n  href: sub/toc.yml\n",
            "sub/toc.yml": "- name: [unclosed\n",
        ])
        let site = SiteLoader.load(root: content.url)
        #expect(site.tocProblems.map { "\($0.path):\($0.position.line):\($0.position.column)" } == ["sub/toc.yml:1:9"])
    }
}
