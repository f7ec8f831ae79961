import DocgenCore
import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct IncludeErrorTests {
    @Test func reportsMissingInvalidAndOutsideIncludes() throws {
        let page = LintHarness.validFrontMatter + """
        # Includes

        [!INCLUDE [missing](includes/missing.md)]

        [!INCLUDE [text](includes/notes.txt)]

        [!INCLUDE [outside](../outside.md)]

        """
        let files = ["a.md": page, "includes/notes.txt": "Notes.\n"]
        #expect(try LintHarness.findings(files, rules: [IncludeError.self]) == ["a.md:10:1 DG305", "a.md:12:1 DG305", "a.md:14:1 DG305"])
        let messages = try LintHarness.diagnostics(files, rules: [IncludeError.self]).map(\.message)
        #expect(messages[0] == "Included file 'includes/missing.md' does not exist.")
    }

    @Test func reportsACycleInTheIncludeFileThatCloses() throws {
        let files = [
            "a.md": LintHarness.validFrontMatter + "# Includes\n\n[!INCLUDE [b](includes/b.md)]\n",
            "includes/b.md": "Text of b.\n\n[!INCLUDE [c](c.md)]\n",
            "includes/c.md": "Text of c.\n\n[!INCLUDE [b](b.md)]\n",
        ]
        #expect(try LintHarness.findings(files, rules: [IncludeError.self]) == ["includes/c.md:3:1 DG305"])
        #expect(try LintHarness.diagnostics(files, rules: [IncludeError.self]).first?.severity == .error)
    }

    @Test func staysQuietOnAnExistingInclude() throws {
        let files = ["a.md": LintHarness.validFrontMatter + "# Includes\n\n[!INCLUDE [b](includes/b.md)]\n", "includes/b.md": "Shared text.\n"]
        #expect(try LintHarness.findings(files, rules: [IncludeError.self]).isEmpty)
    }
}
