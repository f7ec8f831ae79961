import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct EmptySectionTests {
    @Test func reportsHeadingsFollowedByAnEqualOrHigherHeadingOrTheEnd() throws {
        let page = LintHarness.validFrontMatter + """
        # Alerts

        ## Recommended alerts

        ### Can I use my own alerting?

        ### Choose an alert type

        Metric alerts respond faster.

        ## Old section

        <!-- TBD -->

        ---

        ## Next steps

        ### More reading

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [EmptySection.self]) == ["a.md:12:1 DG312", "a.md:18:1 DG312", "a.md:26:1 DG312"])
        let messages = try LintHarness.diagnostics(["a.md": page], rules: [EmptySection.self]).map(\.message)
        #expect(messages[0] == "Section 'Can I use my own alerting?' is empty: the heading on line 14 follows it directly; add content or remove the heading.")
        #expect(messages[2] == "Section 'More reading' is empty: the page ends after its heading; add content or remove the heading.")
    }

    @Test func countsIncludedContentAndPivotZonesAsContent() throws {
        let files = [
            "a.md": LintHarness.validFrontMatter + "# A\n\n## Prerequisites\n\n[!INCLUDE [prereqs](includes/prereqs.md)]\n\n## Install\n\n:::zone pivot=\"linux\"\nRun the script.\n:::zone-end\n",
            "includes/prereqs.md": "## An include heading\n",
        ]
        #expect(try LintHarness.findings(files, rules: [EmptySection.self]).isEmpty)
    }

    @Test func treatsEachTabAsItsOwnScope() throws {
        let page = LintHarness.validFrontMatter + "# A\n\n## Install\n\n# [Linux](#tab/linux)\n\n### Verify\n\n# [Windows](#tab/windows)\n\nRun the installer.\n\n---\n\nDone.\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [EmptySection.self]) == ["a.md:14:1 DG312"])
        #expect(try LintHarness.diagnostics(["a.md": page], rules: [EmptySection.self]).first?.message
            == "Section 'Verify' is empty: the tab ends after its heading; add content or remove the heading.")
    }

    @Test func staysQuietOnSectionsWithContent() throws {
        let page = LintHarness.validFrontMatter + "# A\n\n## B\n\n### C\n\n- A list.\n\n## D\n\n> [!NOTE]\n> A note.\n\n## E\n\n```bash\nls\n```\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [EmptySection.self]).isEmpty)
    }

    @Test func aSectionNamedPerPivotHasTheContentAfterItsZones() throws {
        let page = LintHarness.validFrontMatter + """
        # Compaction

        :::zone pivot="csharp"
        ### TruncationCompactionStrategy
        :::zone-end

        :::zone pivot="python"
        ### TruncationStrategy
        :::zone-end

        Keeps the most recent messages.

        ### Empty

        ### Next

        Text.

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [EmptySection.self]) == ["a.md:20:1 DG312"])
    }

    @Test func aPivotThatHoldsOnlyAHeadingSaysAllItHasToSay() throws {
        let page = LintHarness.validFrontMatter + """
        # Faiss connector

        :::zone pivot="programming-language-python"
        ## Getting started

        Install the package.
        :::zone-end
        :::zone pivot="programming-language-java"

        ## Not supported at this time

        :::zone-end

        ## Empty at the end

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [EmptySection.self]) == ["a.md:21:1 DG312"])
    }
}
