@testable import DocgenRender
import DocgenCore
import DocgenTestSupport
import Foundation
import Testing

/// The role chips belong to sites that declare roles.
@Suite struct ArticleRolesTests {
    private static func article(_ files: [String: String]) throws -> String {
        try #require(try RenderedSite.build(files)["a.html"])
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
