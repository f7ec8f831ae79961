import DocgenCore
import DocgenLint
import DocgenTestSupport
import Foundation
import Testing

@Suite struct MojibakeTests {
    @Test func reportsDamageInTextAndFrontMatterWithTheRepair() throws {
        let page = LintHarness.validFrontMatter.replacingOccurrences(of: "title: A page about monitoring clusters", with: "title: Monitor nodesâ€”and pods") + """
        # Encoding

        Prometheus doesnâ€™t collect logs.

        The cafÃ© serves `doesnâ€™t` in code.

        ```text
        Ã© in a code block
        ```

        A replacement \u{FFFD} character and a ï»¿BOM and 100Â km.

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [Mojibake.self])
            == ["a.md:2:21 DG406", "a.md:10:17 DG406", "a.md:12:8 DG406", "a.md:18:15 DG406", "a.md:18:33 DG406", "a.md:18:47 DG406"])
        let findings = try LintHarness.diagnostics(["a.md": page], rules: [Mojibake.self])
        #expect(findings.map(\.suggestion) == ["—", "’", "é", nil, "", ""])
        #expect(findings[1].message == "Encoding damage 'â€™': text was saved after being read with the wrong encoding; replace it with '’'.")
        #expect(findings[4].message == "Encoding damage 'ï»¿': text was saved after being read with the wrong encoding; remove it.")
    }

    @Test func readsACircumflexWrittenAsACombiningMark() throws {
        // "â€" and "Â " with the circumflex as U+0302: no byte 0xC3 on the line, damage all the same.
        let page = LintHarness.validFrontMatter + "# Encoding\n\nIt doesna\u{302}€ matter at 100A\u{302} km.\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [Mojibake.self]) == ["a.md:10:9 DG406", "a.md:10:25 DG406"])
    }

    @Test func reportsDamageInIncludeFilesAtTheirOwnLines() throws {
        let files = [
            "a.md": LintHarness.validFrontMatter + "# A\n\n[!INCLUDE [x](includes/x.md)]\n",
            "includes/x.md": "Shared text.\n\nIt doesnâ€™t matter.\n",
        ]
        #expect(try LintHarness.findings(files, rules: [Mojibake.self]) == ["includes/x.md:3:9 DG406"])
    }

    @Test func leavesReplacementCharactersOfInvalidUTF8ToFileEncoding() throws {
        let content = try TemporaryContent(["a.md": LintHarness.validFrontMatter + "# A\n\n"])
        try content.write("a.md", bytes: Array((LintHarness.validFrontMatter + "# A\n\nCaf").utf8) + [0xE9] + Array(" menu.\n".utf8))
        let site = SiteLoader.load(root: content.url)
        let diagnostics = LintEngine(configuration: LintConfiguration(.null), ruleTypes: [Mojibake.self]).run(LintContext(site: site))
        #expect(diagnostics.isEmpty)
    }

    @Test func staysQuietOnRealAccentsAndQuotes() throws {
        let page = LintHarness.validFrontMatter + "# Names\n\nSão Paulo, SÃO PAULO, naïve, Åland, „Gruß“, crème brûlée, the café’s menu, © 2026 and 20 °C.\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [Mojibake.self]).isEmpty)
    }

    @Test func leavesAReplacementCharacterShownOnPurpose() throws {
        let page = LintHarness.validFrontMatter + """
        # Decoding

        Bytes that are not UTF-8 show as "\u{FFFD}" in the output.

        The decoder writes U+FFFD (\u{FFFD}) for each bad byte, and `\u{FFFD}` in code is fine.

        A damaged name: Caf\u{FFFD} menu.

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [Mojibake.self]) == ["a.md:14:20 DG406"])
    }
}
