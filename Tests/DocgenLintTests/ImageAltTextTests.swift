import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct ImageAltTextTests {
    @Test func reportsAltTextThatLooksLikeAFileName() throws {
        // The body starts on line 8.
        let page = LintHarness.validFrontMatter + """
        ![node-view.png](media/node-view.png)
        ![Node-View](media/node-view.png)
        ![image1](media/a.png)
        ![IMG_0042](media/a.png)
        ![Screenshot (3)](media/a.png)
        ![diagram.SVG](media/b.svg)

        :::image type="content" source="media/a.png" alt-text="a.png":::

        """
        let findings = try LintHarness.diagnostics(["a.md": page], rules: [ImageAltText.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == [
            "a.md:8:1 DG202", "a.md:9:1 DG202", "a.md:10:1 DG202", "a.md:11:1 DG202", "a.md:12:1 DG202", "a.md:13:1 DG202",
            "a.md:15:1 DG202",
        ])
        #expect(findings.first?.message == "Alt text 'node-view.png' looks like a file name, not a description; describe what the image shows.")
        #expect(findings.last?.message == "Alt text 'a.png' looks like a file name, not a description; describe what the image shows.")
        #expect(findings.allSatisfy { $0.severity == .warning })
    }

    @Test func reportsAnImageWithoutAltText() throws {
        // The empty image is the last node of the file: see the known issue below.
        let page = LintHarness.validFrontMatter + "# A\n\nThe node view:\n![](media/a.png)\n"
        let findings = try LintHarness.diagnostics(["a.md": page], rules: [ImageAltText.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["a.md:11:1 DG202"])
        #expect(findings.first?.message == "Image 'media/a.png' has no alt text; describe what it shows in the brackets: ![description](media/a.png).")
    }

    @Test func reportsAnImageWithoutAltTextFollowedByMoreContent() throws {
        // A childless inline container must not end its paragraph early.
        let page = LintHarness.validFrontMatter + "# A\n\n![](media/a.png)\n\nMore text.\n"
        let findings = try LintHarness.findings(["a.md": page], rules: [ImageAltText.self])
        #expect(findings == ["a.md:10:1 DG202"])
    }

    @Test func leavesAMissingDirectiveAltTextToImageDirectiveSyntax() throws {
        let page = LintHarness.validFrontMatter + """
        :::image type="content" source="media/a.png":::

        :::image type="icon" source="media/a.png":::

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [ImageAltText.self]).isEmpty)
    }

    @Test func staysQuietOnDescriptiveAltText() throws {
        let page = LintHarness.validFrontMatter + """
        ![Node health view with two nodes under memory pressure.](media/node-view.png)
        ![Image of the node health view](media/a.png)
        ![Screenshots of the portal pages](media/a.png)
        ![Figure showing pods per node](media/pods.png)

        :::image type="content" source="media/a.png" alt-text="Node health view.":::

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [ImageAltText.self]).isEmpty)
    }
}
