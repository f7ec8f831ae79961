@testable import DocgenRender
import DocgenCore
import DocgenTestSupport
import Foundation
import Testing

/// Pages with `::: moniker` blocks get a version picker, each block the versions it is for and a
/// label with its range, and "On this page" the versions of each heading.
@Suite struct VersionPickerRenderTests {
    static let page = """
    ---
    title: Install
    ---
    # Install

    ::: moniker range="vs-2019"

    ## Installation

    The 2019 installer.

    ::: moniker-end

    ::: moniker range=">= vs-2019"

    ## Installation

    The installer for 2019 and later.

    ::: moniker-end

    ## Next steps

    """

    @Test func offersTheVersionsOfThePagesBlocksInTheOrderTheyAppear() throws {
        let html = try #require(try RenderedSite.build(["a.md": Self.page])["a.html"])
        // Both blocks are for vs-2019 only: one version needs no picker.
        #expect(!html.contains("data-version-picker"))
        #expect(html.contains("<div class=\"moniker\" data-moniker=\"vs-2019\" data-moniker-range=\"&gt;= vs-2019\">\n<p class=\"moniker-label\">Applies to: &gt;= vs-2019</p>\n<h2 id=\"installation-1\">Installation</h2>"))
    }

    @Test func ordersVersionsByTheDocSetsGroupsAndFiltersOnThisPage() throws {
        let docfx = """
        { "build": { "content": [ { "files": [ "**/*.md" ] } ],
          "groups": { "old": { "moniker_range": "vs-2017" }, "new": { "moniker_range": "vs-2019 || vs-2022" } } } }
        """
        let html = try #require(try RenderedSite.build(["docfx.json": docfx, "a.md": Self.page])["a.html"])
        #expect(html.contains("""
        <div class="pivot-picker version-picker needs-js" data-version-picker role="group" aria-labelledby="version-prompt">
        <span class="pivot-prompt" id="version-prompt">Version</span>
        <ul class="pivot-choices">
        <li><button type="button" class="pivot-choice" data-version-choice="vs-2019" aria-pressed="false">vs-2019</button></li>
        <li><button type="button" class="pivot-choice" data-version-choice="vs-2022" aria-pressed="false">vs-2022</button></li>
        </ul>
        </div>
        <script src="assets/docgen-monikers.js" defer></script>
        """))
        // On Learn the second "Installation" is installation-1 in the vs-2019 page, installation in vs-2022's.
        #expect(html.contains("<div class=\"moniker\" data-moniker=\"vs-2019 vs-2022\" data-moniker-range=\"&gt;= vs-2019\">\n<p class=\"moniker-label\">Applies to: &gt;= vs-2019</p>\n<h2 id=\"installation-1\" data-version-ids=\"vs-2019:installation-1 vs-2022:installation\">Installation</h2>"))
        #expect(html.contains("<h2 id=\"installation\" data-version-ids=\"vs-2019:installation\">Installation</h2>"))
        #expect(html.contains("<h2 id=\"next-steps\">Next steps</h2>"))
        #expect(html.contains("<li class=\"toc-level-2\" data-moniker=\"vs-2019\"><a href=\"#installation\">Installation</a></li>\n<li class=\"toc-level-2\" data-moniker=\"vs-2019 vs-2022\"><a href=\"#installation-1\">Installation</a></li>\n<li class=\"toc-level-2\"><a href=\"#next-steps\">Next steps</a></li>"))
    }

    @Test func offersOnlyThePagesOwnVersions() throws {
        let page = Self.page.replacingOccurrences(of: "title: Install\n", with: "title: Install\nmonikerRange: 'vs-2019 || vs-2022'\n")
        let html = try #require(try RenderedSite.build(["a.md": page.replacingOccurrences(of: "range=\"vs-2019\"", with: "range=\"vs-2017 || vs-2019\"")])["a.html"])
        // The page is for vs-2019 and vs-2022; its block for vs-2017 names a version it is not for.
        #expect(html.contains("<li><button type=\"button\" class=\"pivot-choice\" data-version-choice=\"vs-2019\" aria-pressed=\"false\">vs-2019</button></li>\n<li><button type=\"button\" class=\"pivot-choice\" data-version-choice=\"vs-2022\" aria-pressed=\"false\">vs-2022</button></li>\n</ul>"))
        #expect(html.contains("<div class=\"moniker\" data-moniker=\"vs-2019\" data-moniker-range=\"vs-2017 || vs-2019\">"))
    }
}
