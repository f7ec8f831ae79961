import DocgenCore
import DocgenTestSupport
import Testing

/// Root-relative Learn links to the doc set's own pages resolve to them; the rest lead elsewhere.
@Suite struct LearnPathMapTests {
    private static let page = "---\ntitle: P\n---\n# P\n\n## Install\n"

    private static let docSet: [String: String] = [
        "articles/arc/overview.md": page,
        "articles/arc/servers/index.md": page,
        "articles/arc/servers/agent.md": page,
        "articles/quotas/about.md": """
        ---
        title: Quotas
        ---
        # Quotas

        See [Arc](/azure/arc/overview), [servers](/en-us/azure/arc/servers/), [the agent](/azure/arc/servers/agent#install)
        and [Windows](/windows/containers/about), [VMs](/azure/virtual-machines/overview?tabs=cli).
        """,
    ]

    @Test func infersWhereTheDocSetLivesFromItsLinks() throws {
        let content = try TemporaryContent(Self.docSet)
        let site = SiteLoader.load(root: content.url)
        #expect(site.files.learnPaths.mappings == [LearnPathMap.Mapping(urlPrefix: "/azure/", folder: "articles")])
        #expect(LinkTarget.resolve("/azure/arc/overview", from: "x.md", files: site.files) == .file(path: "articles/arc/overview.md", fragment: nil))
        #expect(LinkTarget.resolve("/en-us/azure/arc/servers/", from: "x.md", files: site.files) == .file(path: "articles/arc/servers/index.md", fragment: nil))
        #expect(LinkTarget.resolve("/azure/arc/servers/agent?tabs=a#install", from: "x.md", files: site.files) == .file(path: "articles/arc/servers/agent.md", fragment: "install"))
        // Under the same URL path but not in this repository: another doc set, left unchecked.
        #expect(LinkTarget.resolve("/azure/virtual-machines/overview", from: "x.md", files: site.files) == .rootRelative("/azure/virtual-machines/overview"))
        #expect(site.otherDocSetLinks.count == 2)
        #expect(site.otherDocSetLinks.prefixes == ["/windows/", "/azure/"])
        #expect(site.otherDocSetLinks.files == ["articles/quotas/about.md"])
        #expect(site.otherDocSetLinks.first.map { "\($0.url) \($0.path):\($0.position.line):\($0.position.column)" } == "/windows/containers/about articles/quotas/about.md:7:5")
    }

    @Test func fewerThanThreeLinksInferNothing() throws {
        let content = try TemporaryContent([
            "articles/arc/overview.md": Self.page,
            "a.md": "---\ntitle: A\n---\n# A\n\n[Arc](/azure/arc/overview) and [again](/azure/arc/overview#install).\n",
        ])
        let site = SiteLoader.load(root: content.url)
        #expect(site.files.learnPaths.mappings.isEmpty)
    }

    @Test func docgenYAMLNamesThePathsAndTheHost() throws {
        var files = Self.docSet
        files["docgen.yml"] = "site:\n  learn-host: https://learn.microsoft.com/\n  learn-paths:\n    /azure/arc/: articles/arc\n"
        let content = try TemporaryContent(files)
        let site = SiteLoader.load(root: content.url)
        #expect(site.files.learnPaths.mappings == [LearnPathMap.Mapping(urlPrefix: "/azure/arc/", folder: "articles/arc")])
        #expect(site.files.learnPaths.outsideURL("/windows/containers/about") == "https://learn.microsoft.com/windows/containers/about")
        #expect(LinkTarget.resolve("/azure/arc/servers/agent", from: "x.md", files: site.files) == .file(path: "articles/arc/servers/agent.md", fragment: nil))
    }

    @Test func refusesALearnHostThatIsNotAURL() throws {
        #expect(throws: YAMLReader.Failure.self) { try SiteConfiguration.parse("site:\n  learn-host: learn.microsoft.com\n") }
    }
}
