@testable import DocgenRender
import DocgenCore
import DocgenTestSupport
import Foundation
import Testing

/// Each page shows the navigation of its own toc.yml, as on Learn, on a site without a root TOC.
@Suite struct NavigationByTOCTests {
    private static func navigation(_ html: String) -> String { RenderedSite.element("nav", in: html) }

    private static let site = [
        "arc/toc.yml": "- name: Arc overview\n  href: overview.md\n- name: Concepts\n  expanded: true\n  items:\n  - name: Locations\n    href: locations.md\n",
        "arc/overview.md": "---\ntitle: Arc\n---\n# Arc\n",
        "arc/locations.md": "---\ntitle: Locations\n---\n# Locations\n",
        "quotas/toc.yml": "- name: Quotas overview\n  href: overview.md\n",
        "quotas/overview.md": "---\ntitle: Quotas\n---\n# Quotas\n",
    ]

    @Test func aPageShowsOnlyItsOwnTOC() throws {
        let pages = try RenderedSite.build(Self.site)
        let arc = Self.navigation(try #require(pages["arc/overview.html"]))
        #expect(arc.contains(">Arc overview</a>"))
        #expect(arc.contains(">Locations</a>"))
        #expect(!arc.contains("Quotas overview"))
        let quotas = Self.navigation(try #require(pages["quotas/overview.html"]))
        #expect(quotas.contains(">Quotas overview</a>"))
        #expect(!quotas.contains("Arc overview"))
    }

    @Test func anExpandedGroupIsOpenOffTheTrail() throws {
        let pages = try RenderedSite.build(Self.site)
        let arc = Self.navigation(try #require(pages["arc/overview.html"]))
        #expect(arc.contains("<details class=\"nav-group\" open>\n<summary class=\"nav-group-title\">Concepts</summary>"))
    }

    @Test func generatedPagesListTheTopLevelTOCs() throws {
        let pages = try RenderedSite.build(Self.site)
        let home = Self.navigation(try #require(pages["index.html"]))
        #expect(home.contains("href=\"arc/overview.html\">Arc overview</a>"))
        #expect(home.contains("href=\"quotas/overview.html\">Quotas overview</a>"))
        #expect(!home.contains("Locations"))
    }
}
