@testable import DocgenRender
import DocgenCore
import DocgenTestSupport
import Foundation
import Testing

/// The role chips belong to sites that declare roles.
@Suite struct ArticleRolesTests {
    private static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../site-templates").standardizedFileURL

    private static func article(_ files: [String: String]) throws -> String {
        let content = try TemporaryContent(files)
        let site = SiteLoader.load(root: content.url)
        let options = BuildOptions(contentRoot: content.url, output: content.url.appendingPathComponent("_out"), templates: templates)
        let found = FoundPage()
        _ = SiteRenderer(site: site, templates: try TemplateSet(folder: templates), options: options).render { path, data in
            if path == "a.html" { found.set(String(decoding: data, as: UTF8.self)) }
        }
        return found.html
    }

    @Test func noRoleChipOnASiteWithoutRoles() throws {
        let html = try Self.article(["a.md": "---\ntitle: A\n---\n# A\n"])
        #expect(!html.contains("All roles"))
        #expect(!html.contains("meta-roles-label"))
    }

    @Test func allRolesChipOnASiteWithRoles() throws {
        let html = try Self.article([
            "docgen.yml": "roles:\n  - id: developer\n    title: Developer\n",
            "a.md": "---\ntitle: A\n---\n# A\n",
        ])
        #expect(html.contains("<span class=\"chip chip-all\">All roles</span>"))
    }
}

private final class FoundPage: @unchecked Sendable {
    private var value = ""
    private let lock = NSLock()
    func set(_ html: String) { lock.lock(); value = html; lock.unlock() }
    var html: String { lock.lock(); defer { lock.unlock() }; return value }
}

/// A content root's own index.md is the home page, with its own title and H1.
@Suite struct HomePageTests {
    private static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../site-templates").standardizedFileURL

    @Test func keepsTheTitleAndHeadingOfTheRootIndex() throws {
        let content = try TemporaryContent([
            "docgen.yml": "site:\n  title: Contoso docs\n",
            "index.md": "---\ntitle: Welcome to **Contoso**\n---\n# Welcome to Contoso\n\nStart here.\n",
            "a.md": "---\ntitle: A\n---\n# A\n",
        ])
        let site = SiteLoader.load(root: content.url)
        let options = BuildOptions(contentRoot: content.url, output: content.url.appendingPathComponent("_out"), templates: Self.templates)
        let found = FoundPage()
        _ = SiteRenderer(site: site, templates: try TemplateSet(folder: Self.templates), options: options).render { path, data in
            if path == "index.html" { found.set(String(decoding: data, as: UTF8.self)) }
        }
        let html = found.html
        #expect(html.contains("<title>Welcome to Contoso</title>"))
        #expect(html.contains("<h1 id=\"hero-title\">Welcome to Contoso</h1>"))
        #expect(html.contains("<p>Start here.</p>"))
    }
}
