import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct ImageDirectiveSyntaxTests {
    @Test func reportsParseProblemsOfImageDirectives() throws {
        // The body starts on line 8.
        let page = LintHarness.validFrontMatter + """
        :::image type="content" source="media/a.png":::

        :::image type="bogus" source="media/a.png" alt-text="A":::

        :::image type="content" source="media/a.png" alt-text="A"

        - Step one.

          :::image source="media/a.png" alt-text="A" size="big":::

        :::image type="complex" source="media/a.png" alt-text="A":::
        :::image-end:::

        ::: image source="media/a.png" alt-text="A":::

        """
        let findings = try LintHarness.diagnostics(["a.md": page], rules: [ImageDirectiveSyntax.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID) \($0.severity)" } == [
            "a.md:8:1 DG203 error", "a.md:10:1 DG203 error", "a.md:12:1 DG203 warning", "a.md:16:3 DG203 error",
            "a.md:18:1 DG203 warning", "a.md:21:1 DG203 error",
        ])
        #expect(findings.map(\.message) == [
            ":::image has no alt-text; add alt-text=\"...\" describing the image.",
            "Invalid :::image type \"bogus\"; use content, complex or icon.",
            ":::image is not closed; end the directive with ':::' on the same line.",
            "Unknown attribute 'size' on :::image; use type, source, alt-text, lightbox, link, border or loc-scope.",
            "A complex :::image needs a long description between the directive and ':::image-end:::'.",
            "'::: image' is not a directive: Learn needs ':::image' with no space after the colons.",
        ])
    }

    @Test func reportsProblemsInIncludedFilesAtTheIncludeFile() throws {
        let files = [
            "a.md": LintHarness.validFrontMatter + "[!INCLUDE [part](includes/part.md)]\n",
            "includes/part.md": "Intro.\n\n:::image source=\"a.png\":::\n",
        ]
        #expect(try LintHarness.findings(files, rules: [ImageDirectiveSyntax.self]) == ["includes/part.md:3:1 DG203"])
    }

    @Test func staysQuietOnValidImagesAndOtherDirectiveProblems() throws {
        let page = LintHarness.validFrontMatter + """
        :::image type="content" source="media/a.png" alt-text="Nodes.":::

        :::image type="icon" source="media/a.png":::

        :::zone pivot="Not Valid"
        Text.
        :::zone-end

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [ImageDirectiveSyntax.self]).isEmpty)
    }
}
