import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct BrokenAnchorTests {
    /// The body starts on line 8, after `LintHarness.validFrontMatter`.
    static let page = LintHarness.validFrontMatter + """
    # Alerts

    ## Set up alerts

    ## Québec

    <a id="custom-anchor"></a>

    See [setup](#setup-alerts).
    Jump to [Québec](#qu%C3%A9bec), [custom](#custom-anchor), [top](#top), [the tab](#tab/linux) and [xref](xref:Alerts#x).
    See [b](b.md#Overview) and [b](b.md#overview) and [b](./b.md#top).

    """
    static let other = LintHarness.validFrontMatter + "# B\n\n## Overview\n"

    @Test func reportsAnchorMissingFromThisPageWithTheClosestHeading() throws {
        let findings = try LintHarness.diagnostics(["a.md": Self.page, "b.md": Self.other], rules: [BrokenAnchor.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["a.md:16:5 DG102", "a.md:18:5 DG102"])
        #expect(findings.first?.message == "Cannot find bookmark '#setup-alerts' in 'a.md'; did you mean '#set-up-alerts'?")
        #expect(findings.first?.suggestion == "#set-up-alerts")
    }

    @Test func reportsAnchorMissingFromTargetPageCaseSensitively() throws {
        let findings = try LintHarness.diagnostics(["a.md": Self.page, "b.md": Self.other], rules: [BrokenAnchor.self])
        #expect(findings.last?.message == "Cannot find bookmark '#Overview' in 'b.md'; did you mean '#overview'?")
        #expect(findings.last?.suggestion == "b.md#overview")
    }

    @Test func namesNoAnchorWhenNoneIsClose() throws {
        let page = LintHarness.validFrontMatter + "# A\n\n## Setup\n\n[x](sub/c.md#zzzzzz-qqqq-wwww)\n"
        let findings = try LintHarness.diagnostics(["a.md": page, "sub/c.md": "# C\n"], rules: [BrokenAnchor.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["a.md:12:1 DG102"])
        #expect(findings.first?.message == "Cannot find bookmark '#zzzzzz-qqqq-wwww' in 'sub/c.md'.")
        #expect(findings.first?.suggestion == nil)
    }

    @Test func checksInPageBookmarksOfIncludedContentAgainstTheIncludingPage() throws {
        let files = [
            "a.md": LintHarness.validFrontMatter + "# Page\n\n[!INCLUDE [part](includes/part.md)]\n",
            "includes/part.md": "## Part heading\n\nSee [part](#part-heading) and [gone](#gone-section).\n",
        ]
        let findings = try LintHarness.diagnostics(files, rules: [BrokenAnchor.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["includes/part.md:3:31 DG102"])
        #expect(findings.first?.message == "Cannot find bookmark '#gone-section' in 'a.md'.")
    }

    @Test func skipsTargetsThatAreNotLoadedPages() throws {
        let files = [
            "a.md": LintHarness.validFrontMatter + "# A\n\n[img](media/x.png#frag) [inc](includes/part.md#nothing) [gone](missing.md#x) [ext](https://example.com/#nope)\n",
            "media/x.png": "png",
            "includes/part.md": "Text.\n",
        ]
        #expect(try LintHarness.findings(files, rules: [BrokenAnchor.self]).isEmpty)
    }

    @Test func staysQuietOnExistingAnchors() throws {
        let page = LintHarness.validFrontMatter + "# A\n\n## Set up\n\n[a](#set-up) [b](b.md#overview) [self](a.md#set-up) [empty](b.md#)\n"
        #expect(try LintHarness.findings(["a.md": page, "b.md": Self.other], rules: [BrokenAnchor.self]).isEmpty)
    }
}

@Suite struct BrokenAnchorIncompletePageTests {
    /// A page whose include could not be read may get the anchor from it: no finding either way.
    @Test func saysNothingAboutAPageWhoseIncludesAreMissing() throws {
        let findings = try LintHarness.findings([
            "a.md": LintHarness.validFrontMatter + "# A\n\nSee [metrics](b.md#metrics) and [gone](c.md#gone).\n",
            "b.md": LintHarness.validFrontMatter + "# B\n\n[!INCLUDE [metrics](~/other-repo/includes/metrics.md)]\n",
            "c.md": LintHarness.validFrontMatter + "# C\n",
        ], rules: [BrokenAnchor.self])
        #expect(findings == ["a.md:10:33 DG102"])
    }
}
