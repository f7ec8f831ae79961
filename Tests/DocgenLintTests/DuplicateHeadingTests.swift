import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct DuplicateHeadingTests {
    @Test func reportsRepeatedSiblingsAndWithSiblingsOnlyOffRepeatsAcrossLevels() throws {
        let page = LintHarness.validFrontMatter + """
        # Monitor

        ## Azure services

        Text.

        ## Network engineer

        ### Azure services

        Text.

        ## azure  services

        Text.

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [DuplicateHeading.self]) == ["a.md:20:1 DG313"])
        let files = ["a.md": page, "docgen.yml": "lint:\n  rules:\n    duplicate-heading: { siblings-only: false }\n"]
        #expect(try LintHarness.findings(files, rules: [DuplicateHeading.self]) == ["a.md:16:1 DG313", "a.md:20:1 DG313"])
        let messages = try LintHarness.diagnostics(files, rules: [DuplicateHeading.self]).map(\.message)
        #expect(messages == [
            "Heading 'Azure services' repeats the H2 on line 10; give each section a unique name.",
            "Heading 'azure services' repeats the sibling heading on line 10; give each section a unique name.",
        ])
    }

    @Test func allowsTheSameSubheadingUnderDifferentParents() throws {
        let page = LintHarness.validFrontMatter + "# Release notes\n\n## Version 2\n\n### Storage\n\nText.\n\n## Version 1\n\n### Storage\n\nText.\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [DuplicateHeading.self]).isEmpty)
    }

    @Test func allowsRepeatsInDifferentPivotsAndTabs() throws {
        let page = LintHarness.validFrontMatter + """
        # Install

        :::zone pivot="windows"
        ## Prerequisites
        Text.
        :::zone-end
        :::zone pivot="linux"
        ## Prerequisites
        Text.
        :::zone-end

        # [Bash](#tab/bash)

        ## Verify

        Text.

        # [PowerShell](#tab/powershell)

        ## Verify

        Text.

        ---

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [DuplicateHeading.self]).isEmpty)
    }

    @Test func readsAllowedHeadingsFromConfiguration() throws {
        let page = LintHarness.validFrontMatter + "# A\n\n## Example\n\nText.\n\n## Example\n\nText.\n"
        let files = ["docgen.yml": "lint:\n  rules:\n    duplicate-heading:\n      allowed-duplicate-headings: [example]\n", "a.md": page]
        #expect(try LintHarness.findings(["a.md": page], rules: [DuplicateHeading.self]) == ["a.md:14:1 DG313"])
        #expect(try LintHarness.findings(files, rules: [DuplicateHeading.self]).isEmpty)
    }
}
