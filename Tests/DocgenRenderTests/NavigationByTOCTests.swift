@testable import DocgenRender
import DocgenCore
import DocgenTestSupport
import Foundation
import Testing

/// Each page shows the navigation of its own toc.yml, as on Learn, on a site without a root TOC.
@Suite struct NavigationByTOCTests {
    private static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../site-templates").standardizedFileURL

    private static func build(_ files: [String: String]) throws -> [String: String] {
        let content = try TemporaryContent(files)
        let site = SiteLoader.load(root: content.url)
        let options = BuildOptions(contentRoot: content.url, output: content.url.appendingPathComponent("_out"), templates: templates)
        let pages = LockedPages()
        _ = SiteRenderer(site: site, templates: try TemplateSet(folder: templates), options: options).render { path, data in
            pages.set(path, String(decoding: data, as: UTF8.self))
        }
        return pages.all
    }

    private static func navigation(_ html: String) -> String {
        guard let start = html.range(of: "<nav"), let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex) else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    private static let site = [
        "arc/toc.yml": "- name: Arc overview\n  href: overview.md\n- name: Concepts\n  expanded: true\n  items:\n  - name: Locations\n    href: locations.md\n",
        "arc/overview.md": "---\ntitle: Arc\n---\n# Arc\n",
        "arc/locations.md": "---\ntitle: Locations\n---\n# Locations\n",
        "quotas/toc.yml": "- name: Quotas overview\n  href: overview.md\n",
        "quotas/overview.md": "---\ntitle: Quotas\n---\n# Quotas\n",
    ]

    @Test func aPageShowsOnlyItsOwnTOC() throws {
        let pages = try Self.build(Self.site)
        let arc = Self.navigation(try #require(pages["arc/overview.html"]))
        #expect(arc.contains(">Arc overview</a>"))
        #expect(arc.contains(">Locations</a>"))
        #expect(!arc.contains("Quotas overview"))
        let quotas = Self.navigation(try #require(pages["quotas/overview.html"]))
        #expect(quotas.contains(">Quotas overview</a>"))
        #expect(!quotas.contains("Arc overview"))
    }

    @Test func anExpandedGroupIsOpenOffTheTrail() throws {
        let pages = try Self.build(Self.site)
        let arc = Self.navigation(try #require(pages["arc/overview.html"]))
        #expect(arc.contains("<details class=\"nav-group\" open>\n<summary class=\"nav-group-title\">Concepts</summary>"))
    }

    @Test func generatedPagesListTheTopLevelTOCs() throws {
        let pages = try Self.build(Self.site)
        let home = Self.navigation(try #require(pages["index.html"]))
        #expect(home.contains("href=\"arc/overview.html\">Arc overview</a>"))
        #expect(home.contains("href=\"quotas/overview.html\">Quotas overview</a>"))
        #expect(!home.contains("Locations"))
    }
}

/// Pages emitted from several threads.
private final class LockedPages: @unchecked Sendable {
    private var pages: [String: String] = [:]
    private let lock = NSLock()

    func set(_ path: String, _ html: String) {
        lock.lock()
        pages[path] = html
        lock.unlock()
    }

    var all: [String: String] {
        lock.lock()
        defer { lock.unlock() }
        return pages
    }
}
