@testable import DocgenRender
import DocgenCore
import DocgenTestSupport
import Foundation
import Testing

/// Past `navigation.inline-limit` entries, a page carries its own branch and the whole tree is
/// written once as `toc/<TOC path>.js`; below it, pages carry the whole navigation as before.
@Suite struct LargeNavigationTests {
    private static func navigation(_ html: String) -> String { RenderedSite.element("nav", in: html) }

    /// Eleven entries: a page with a parent, siblings (one a group), children, and cousins.
    private static func site(limit: Int?) -> [String: String] {
        var files = [
            "docgen.yml": "site:\n  title: Nav\n" + (limit.map { "navigation:\n  inline-limit: \($0)\n" } ?? ""),
            "toc.yml": """
            - name: Overview
              href: overview.md
            - name: Get started
              href: start/index.md
              items:
              - name: Install
                href: start/install.md
                items:
                - name: On Linux
                  href: start/linux.md
                - name: On macOS
                  href: start/macos.md
              - name: Configure
                href: start/configure.md
              - name: Concepts
                items:
                - name: Pods
                  href: start/pods.md
            - name: Reference
              href: reference/index.md
              items:
              - name: CLI
                href: reference/cli.md
            - name: Kubernetes <site>
              href: https://kubernetes.io/

            """,
        ]
        for (path, title) in [
            ("overview.md", "Overview"), ("start/index.md", "Get started"), ("start/install.md", "Install"), ("start/linux.md", "On Linux"),
            ("start/macos.md", "On macOS"), ("start/configure.md", "Configure"), ("start/pods.md", "Pods"), ("reference/index.md", "Reference"),
            ("reference/cli.md", "CLI"),
        ] {
            files[path] = "---\ntitle: \(title)\ndescription: The \(title) page of a site with a large navigation.\n---\n# \(title)\n\nText.\n"
        }
        return files
    }

    @Test func belowTheLimitAPageCarriesTheWholeNavigation() throws {
        let pages = try RenderedSite.build(Self.site(limit: nil))
        let page = try #require(pages["start/install.html"])
        let nav = Self.navigation(page)
        #expect(Golden.mismatch(nav + "\n", golden: "render/navigation-inline.html") == nil)
        #expect(nav.contains(">CLI</a>"))
        #expect(!page.contains("data-nav-tree"))
        #expect(!page.contains("docgen-nav.js"))
        #expect(!pages.keys.contains { $0.hasPrefix("toc/") })
    }

    @Test func aboveTheLimitAPageCarriesItsBranchAndLoadsTheTree() throws {
        let pages = try RenderedSite.build(Self.site(limit: 10))
        let page = try #require(pages["start/install.html"])
        let nav = Self.navigation(page)
        let script = try #require(pages["toc/toc.js"])
        let version = Self.version(ofScript: script)
        #expect(nav.hasPrefix("<nav id=\"site-nav\" class=\"site-nav\" aria-label=\"Documentation\" data-nav-tree=\"../toc/toc.js?v=\(version)\" data-nav-current=\"start/install.html\">"))
        #expect(page.contains("<script src=\"../assets/docgen-nav.js\" defer></script>"))
        #expect(Golden.mismatch(nav + "\n", golden: "render/navigation-branch.html") == nil)
        #expect(Golden.mismatch(script, golden: "render/navigation-tree.js") == nil)
        // Parent, siblings and children are links; cousins and the parent's siblings are left to the tree.
        #expect(nav.contains("<a class=\"nav-link\" href=\"../start/index.html\">Get started</a>"))
        #expect(nav.contains("<a class=\"nav-link\" href=\"../start/configure.html\">Configure</a>"))
        #expect(nav.contains("<a class=\"nav-link\" href=\"../start/pods.html\">Pods</a>"))
        #expect(nav.contains("<a class=\"nav-link\" href=\"../start/linux.html\">On Linux</a>"))
        #expect(!nav.contains("CLI"))
        #expect(!nav.contains("Overview"))
    }

    /// The version pages give the tree's file: the hash of its entries with every title left empty.
    private static func version(ofScript script: String) -> String {
        let entries = String(script.dropFirst("window.DOCGEN_NAV_TREE=[".count).dropLast("];\n".count))
        return NavigationScript.version(of: entries.replacingOccurrences(of: #""t":"(?:[^"\\]|\\.)*""#, with: #""t":"""#, options: .regularExpression))
    }

    @Test func aNewEntryTitleKeepsTheTreesVersionAndThePagesNotShowingIt() throws {
        let before = try RenderedSite.build(Self.site(limit: 10))
        var files = Self.site(limit: 10)
        files["toc.yml"] = files["toc.yml"]!.replacingOccurrences(of: "name: Configure", with: "name: Set up")
        let after = try RenderedSite.build(files)
        #expect(after["toc/toc.js"] != before["toc/toc.js"])
        #expect(Self.version(ofScript: try #require(after["toc/toc.js"])) == Self.version(ofScript: try #require(before["toc/toc.js"])))
        // Configure's siblings show it in their branch; a top-level page and a cousin do not.
        #expect(after["start/install.html"] != before["start/install.html"])
        #expect(after["overview.html"] == before["overview.html"])
        #expect(after["start/linux.html"] == before["start/linux.html"])
    }

    @Test func exactlyAtTheLimitThePageCarriesTheWholeNavigation() throws {
        let atLimit = try RenderedSite.build(Self.site(limit: 11))
        let belowDefault = try RenderedSite.build(Self.site(limit: nil))
        #expect(atLimit["start/install.html"].map(Self.navigation) == belowDefault["start/install.html"].map(Self.navigation))
        let above = try RenderedSite.build(Self.site(limit: 10))
        #expect(above["toc/toc.js"] != nil)
    }

    @Test func aTopLevelPageGetsTheTopLevelAsSiblingsAndAGeneratedPageTheTopLevel() throws {
        let pages = try RenderedSite.build(Self.site(limit: 0))
        let overview = Self.navigation(try #require(pages["overview.html"]))
        #expect(overview.contains("<a class=\"nav-link\" href=\"overview.html\" aria-current=\"page\">Overview</a>"))
        #expect(overview.contains("<a class=\"nav-link\" href=\"reference/index.html\">Reference</a>"))
        #expect(overview.contains("<a class=\"nav-link external\" href=\"https://kubernetes.io/\" rel=\"noopener\">Kubernetes &lt;site&gt;</a>"))
        #expect(!overview.contains("Install"))
        let home = Self.navigation(try #require(pages["index.html"]))
        #expect(home.contains("data-nav-tree=\"toc/toc.js?v="))
        #expect(home.contains("<a class=\"nav-link\" href=\"start/index.html\">Get started</a>"))
        #expect(!home.contains("Install"))
    }

    /// Without a TOC, folders are groups; a page gets its folder's subfolders with their pages, but a
    /// generated page gets the top-level folders alone: that level grows with the site.
    @Test func folderGroupsOpenOneLevelBelowTheTopLevelOnly() throws {
        var files = ["docgen.yml": "navigation:\n  inline-limit: 0\n"]
        for path in ["a/one.md", "a/two.md", "a/sub/three.md", "b/four.md"] {
            files[path] = "---\ntitle: \(path)\n---\n# \(path)\n"
        }
        let pages = try RenderedSite.build(files)
        let one = Self.navigation(try #require(pages["a/one.html"]))
        #expect(one.contains(">a/two.md</a>"))
        #expect(one.contains("<summary class=\"nav-group-title\">Sub</summary>"))
        #expect(one.contains(">a/sub/three.md</a>"))
        #expect(!one.contains("b/four.md"))
        let home = Self.navigation(try #require(pages["index.html"]))
        #expect(home.contains("<span class=\"nav-label\">A</span>"))
        #expect(home.contains("<span class=\"nav-label\">B</span>"))
        #expect(!home.contains(".md</a>"))
    }

    @Test func previousAndNextStillFollowTheReadingOrder() throws {
        let pages = try RenderedSite.build(Self.site(limit: 0))
        let page = try #require(pages["start/install.html"])
        let start = try #require(page.range(of: "<nav class=\"pager\""))
        let pager = String(page[start.lowerBound...]).components(separatedBy: "</nav>")[0]
        #expect(pager.contains("href=\"../start/index.html\" rel=\"prev\""))
        #expect(pager.contains("href=\"../start/linux.html\" rel=\"next\""))
    }

    @Test func theTreeFileEscapesTitlesForAScript() throws {
        let pages = try RenderedSite.build(Self.site(limit: 0))
        let script = try #require(pages["toc/toc.js"])
        #expect(script.contains("{\"t\":\"Kubernetes \\u003csite>\",\"u\":\"https://kubernetes.io/\",\"x\":1}"))
        #expect(!script.contains("<"))
    }
}
