import DocgenLint
import DocgenTestSupport
import Testing

@Suite struct MissingImageTests {
    static let files = [
        "media/node-view.png": "png",
        "includes/part.md": "![Part](../media/gone.png)\n",
        // The body starts on line 8.
        "a.md": LintHarness.validFrontMatter + """
        ![Nodes](media/nodes.png)
        ![Nodes](media/node-veiw.png)
        ![Nodes](media/Node-View.png)

        :::image type="content" source="media/missing.png" alt-text="Nodes" lightbox="media/NODE-VIEW.png":::

        ![Nodes]()

        [!INCLUDE [part](includes/part.md)]

        """,
    ]

    @Test func reportsMissingImagesOfEveryKind() throws {
        let findings = try LintHarness.diagnostics(Self.files, rules: [MissingImage.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == [
            "a.md:8:1 DG201", "a.md:9:1 DG201", "a.md:10:1 DG201", "a.md:12:1 DG201", "a.md:12:1 DG201", "a.md:14:1 DG201",
            "includes/part.md:1:1 DG201",
        ])
        #expect(findings.map(\.message) == [
            "Image 'media/nodes.png' does not exist; add the file or fix the path.",
            "Image 'media/node-veiw.png' does not exist; did you mean 'media/node-view.png'?",
            "Image 'media/Node-View.png' does not match the letter case of the file 'media/node-view.png'; write it as 'media/node-view.png'.",
            ":::image lightbox 'media/NODE-VIEW.png' does not match the letter case of the file 'media/node-view.png'; write it as 'media/node-view.png'.",
            ":::image source 'media/missing.png' does not exist; add the file or fix the path.",
            "Image has no path; add the image file it should show.",
            "Image '../media/gone.png' does not exist; add the file or fix the path.",
        ])
        #expect(findings.map(\.suggestion) == [nil, "media/node-view.png", "media/node-view.png", "media/node-view.png", nil, nil, nil])
    }

    @Test func staysQuietOnExistingAndExternalImages() throws {
        let files = [
            "media/node-view.png": "png",
            "docs/a.md": LintHarness.validFrontMatter + """
            ![a](../media/node-view.png) ![b](https://example.com/x.png) ![c](/media/x.png) ![d](data:image/png;base64,AAAA)
            ![e](~/media/node-view.png) [not an image](missing.png)

            :::image type="content" source="../media/node-view.png" alt-text="Nodes" lightbox="../media/node-view.png":::

            """,
        ]
        #expect(try LintHarness.findings(files, rules: [MissingImage.self]).isEmpty)
    }
}
