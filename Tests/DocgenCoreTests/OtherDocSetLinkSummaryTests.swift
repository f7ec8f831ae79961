import DocgenCore
import DocgenMarkup
import Testing

/// The summary of links into other doc sets says what the note about them says: how many, in how
/// many files, the first, and the first three top folders, the same per page merged as whole.
@Suite struct OtherDocSetLinkSummaryTests {
    static func link(_ url: String, in path: String = "a.md", line: Int = 1) -> RootRelativeLinks.Link {
        RootRelativeLinks.Link(url: url, path: path, position: SourcePosition(line: line, column: 1))
    }

    @Test(arguments: [
        ("/windows/about?x", "/windows/"),
        ("//sql//overview", "/sql/"),
        ("/a#b/c", "/a/"),
        ("/azure?tabs=cli", "/azure/"),
        ("/", "//"),
        ("/?q", "//"),
        ("/é-docs/x", "/é-docs/"),
    ])
    func namesTheTopFolder(_ url: String, _ prefix: String) {
        #expect(OtherDocSetLinkSummary([Self.link(url)]).prefixes == [prefix])
    }

    @Test func keepsTheFirstThreeTopFoldersInOrder() {
        let links = ["/windows/a", "/windows/b", "/sql/a", "/windows/c", "/azure/a", "/office/a"].map { Self.link($0) }
        let summary = OtherDocSetLinkSummary(links)
        #expect(summary.prefixes == ["/windows/", "/sql/", "/azure/"])
        #expect(summary.count == 6)
        #expect(summary.first?.url == "/windows/a")
    }

    @Test func pagesMergedSayWhatTheWholeListSays() {
        let first = [Self.link("/windows/a", in: "a.md", line: 3), Self.link("/windows/b", in: "includes/x.md")]
        let second = [Self.link("/sql/a", in: "b.md"), Self.link("/windows/c", in: "includes/x.md")]
        let third = [Self.link("/azure/a", in: "c.md"), Self.link("/office/a", in: "c.md")]
        let merged = OtherDocSetLinkSummary.merged([OtherDocSetLinkSummary(first), OtherDocSetLinkSummary(), OtherDocSetLinkSummary(second), OtherDocSetLinkSummary(third)])
        #expect(merged == OtherDocSetLinkSummary(first + second + third))
        #expect(merged.files == ["a.md", "includes/x.md", "b.md", "c.md"])
        #expect(merged.first.map { "\($0.path):\($0.position.line)" } == "a.md:3")
    }
}
