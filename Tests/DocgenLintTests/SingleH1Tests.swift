import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct SingleH1Tests {
    @Test func reportsEachExtraH1() throws {
        let page = LintHarness.validFrontMatter + "# Monitor nodes\n\nText.\n\n# Alerts\n\nText.\n\n# Logs\n\nText.\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [SingleH1.self]) == ["a.md:12:1 DG310", "a.md:16:1 DG310"])
        let finding = try LintHarness.diagnostics(["a.md": page], rules: [SingleH1.self]).first
        #expect(finding?.message == "Second H1 'Alerts' (the title 'Monitor nodes' is on line 8); make it an H2 or move it to its own page.")
        #expect(finding?.suggestion == "## Alerts")
    }

    @Test func reportsAPageWithoutAnH1AtItsFirstBlock() throws {
        let page = LintHarness.validFrontMatter + "\n<!-- intro -->\n\nSome text.\n\n## Overview\n\nText.\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [SingleH1.self]) == ["a.md:11:1 DG310"])
        let message = try LintHarness.diagnostics(["a.md": page], rules: [SingleH1.self]).first?.message
        #expect(message == "The page has no H1; start it with '# Title'. The first heading is H2 'Overview'; make it '# Overview' if it is the title.")
    }

    @Test func allowsOneH1PerPivotZone() throws {
        let page = LintHarness.validFrontMatter + """
        :::zone pivot="windows"
        # Install on Windows
        Text.
        :::zone-end
        :::zone pivot="linux"
        # Install on Linux
        Text.
        :::zone-end

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [SingleH1.self]).isEmpty)
        let shared = page + "\n# Troubleshooting\n\nText.\n"
        #expect(try LintHarness.findings(["a.md": shared], rules: [SingleH1.self]) == ["a.md:17:1 DG310"])
    }

    @Test func leavesHeadingsOfIncludesToTheIncludeFile() throws {
        let files = [
            "a.md": LintHarness.validFrontMatter + "# Nodes\n\n[!INCLUDE [intro](includes/intro.md)]\n",
            "b.md": LintHarness.validFrontMatter + "[!INCLUDE [intro](includes/intro.md)]\n",
            "includes/intro.md": "# Introduction\n\nShared text.\n",
        ]
        // a.md has its own H1; b.md gets its title from the include: neither is reported.
        #expect(try LintHarness.findings(files, rules: [SingleH1.self]).isEmpty)
    }

    @Test func staysQuietOnOneH1AndOnAnEmptyBody() throws {
        let files = ["a.md": LintHarness.validFrontMatter + "# Nodes\n\n## Metrics\n\nText.\n", "b.md": LintHarness.validFrontMatter]
        #expect(try LintHarness.findings(files, rules: [SingleH1.self]).isEmpty)
    }

    /// Tab titles are `# [Title](#tab/id)` headings; inside a zone they are tabs too, not H1s.
    @Test func tabTitlesInsideAZoneAreNotH1s() throws {
        let page = LintHarness.validFrontMatter + """
        # Chat completion

        :::zone pivot="csharp"

        ## Install

        # [OpenAI](#tab/openai)

        Install one.

        # [Ollama](#tab/ollama)

        Install two.

        ---

        # Second title

        :::zone-end

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [SingleH1.self, DuplicateHeading.self, HeadingIncrement.self]) == ["a.md:24:1 DG310"])
    }
}
