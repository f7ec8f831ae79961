import DocgenLint
import DocgenMarkup
import DocgenTestSupport
import Testing

/// The fixes of the link rules: where each finding is, the exact edit, and the file after
/// `docgen lint --fix`.
@Suite struct LinkFixTests {
    static let front = LintHarness.validFrontMatter

    @Test func linkCaseMismatchWritesTheFilesLetterCase() throws {
        let fixture = MarkedFixture([
            "docs/alerts.md": Self.front + "# Alerts\n",
            "docs/index.md": Self.front + "# Docs\n\nSee 1️⃣[alerts](2️⃣Alerts.md#setup3️⃣) and [alerts](./alerts.md), 4️⃣[ref][r].\n\n[r]: ALERTS.md\n",
        ])
        let findings = try LintHarness.diagnostics(fixture.files, rules: [LinkCaseMismatch.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == [fixture.finding("1️⃣", "DG105"), fixture.finding("4️⃣", "DG105")])
        #expect(findings.first?.fixes == [Fix("Write the link as 'alerts.md#setup'", replacing: fixture.span("2️⃣", "3️⃣"), with: "alerts.md#setup")])
        // The finding reaches from the link's start to the end of what its fix edits.
        #expect(findings.first?.range == fixture.span("1️⃣", "3️⃣"))
        // A reference definition is elsewhere: no certain place to edit from the link.
        #expect(findings.last?.fixes == [])
        #expect(findings.last?.range == SourceSpan(start: fixture["4️⃣"], characters: 1))
        let fixed = try LintHarness.fixed(fixture.files, rules: [LinkCaseMismatch.self])
        #expect(fixed.files["docs/index.md"] == Self.front + "# Docs\n\nSee [alerts](alerts.md#setup) and [alerts](./alerts.md), [ref][r].\n\n[r]: ALERTS.md\n")
        #expect(fixed.outcomes.map(\.applied) == [1])
    }

    @Test func aFindingInAnIncludeFileEditsTheIncludeFile() throws {
        let fixture = MarkedFixture([
            "docs/alerts.md": Self.front + "# Alerts\n",
            "docs/index.md": Self.front + "# Docs\n\n[!INCLUDE [note](includes/note.md)]\n",
            "docs/includes/note.md": "See 1️⃣[alerts](2️⃣../Alerts.md3️⃣).\n",
        ])
        let findings = try LintHarness.diagnostics(fixture.files, rules: [LinkCaseMismatch.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == [fixture.finding("1️⃣", "DG105")])
        #expect(findings.first?.fixes.first?.edits == [TextEdit(range: fixture.span("2️⃣", "3️⃣"), replacement: "../alerts.md")])
        let fixed = try LintHarness.fixed(fixture.files, rules: [LinkCaseMismatch.self])
        #expect(fixed.files["docs/includes/note.md"] == "See [alerts](../alerts.md).\n")
        #expect(fixed.files["docs/index.md"] == fixture.files["docs/index.md"])
    }

    @Test func missingImageWritesAnImagePathInTheFilesLetterCase() throws {
        let fixture = MarkedFixture([
            "a.md": Self.front + "1️⃣![Nodes](2️⃣media/Nodes.png3️⃣)\n\n4️⃣:::image type=\"content\" source=\"5️⃣media/NODES.png6️⃣\" alt-text=\"Nodes\":::\n\n7️⃣![Gone](media/gone.png)\n",
            "media/nodes.png": "png",
        ])
        let findings = try LintHarness.diagnostics(fixture.files, rules: [MissingImage.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == [fixture.finding("1️⃣", "DG201"), fixture.finding("4️⃣", "DG201"), fixture.finding("7️⃣", "DG201")])
        #expect(findings.map { $0.fixes.flatMap(\.edits) } == [
            [TextEdit(range: fixture.span("2️⃣", "3️⃣"), replacement: "media/nodes.png")],
            [TextEdit(range: fixture.span("5️⃣", "6️⃣"), replacement: "media/nodes.png")],
            [],
        ])
        let fixed = try LintHarness.fixed(fixture.files, rules: [MissingImage.self])
        #expect(fixed.files["a.md"] == Self.front + "![Nodes](media/nodes.png)\n\n:::image type=\"content\" source=\"media/nodes.png\" alt-text=\"Nodes\":::\n\n![Gone](media/gone.png)\n")
    }

    @Test func malformedLinkPathWritesSingleForwardSlashesAndEncodedSpaces() throws {
        let fixture = MarkedFixture([
            "docs/alerts.md": Self.front + "# Alerts\n",
            "docs/media/node view.png": "png",
            "docs/index.md": Self.front + "See 1️⃣[a](2️⃣..\\docs//alerts.md3️⃣) and 4️⃣![n](<5️⃣media/node view.png6️⃣>), not [b](alerts.md).\n",
        ])
        let findings = try LintHarness.diagnostics(fixture.files, rules: [MalformedLinkPath.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == [fixture.finding("1️⃣", "DG104"), fixture.finding("4️⃣", "DG104")])
        #expect(findings.map { $0.fixes.flatMap(\.edits) } == [
            [TextEdit(range: fixture.span("2️⃣", "3️⃣"), replacement: "../docs/alerts.md")],
            [TextEdit(range: fixture.span("5️⃣", "6️⃣"), replacement: "media/node%20view.png")],
        ])
        let fixed = try LintHarness.fixed(fixture.files, rules: [MalformedLinkPath.self])
        #expect(fixed.files["docs/index.md"] == Self.front + "See [a](../docs/alerts.md) and ![n](<media/node%20view.png>), not [b](alerts.md).\n")
    }

    @Test func learnLinkAbsoluteMakesTheLinkSiteRelative() throws {
        let fixture = MarkedFixture([
            "a.md": Self.front + "See 1️⃣[AKS](2️⃣https://learn.microsoft.com/en-us/azure/aks/monitor-aks#alerts3️⃣) and [Bing](https://www.bing.com/).\n",
        ])
        let findings = try LintHarness.diagnostics(fixture.files, rules: [LearnLinkAbsolute.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == [fixture.finding("1️⃣", "DG106")])
        #expect(findings.first?.fixes == [Fix("Write the link as '/azure/aks/monitor-aks#alerts'", replacing: fixture.span("2️⃣", "3️⃣"), with: "/azure/aks/monitor-aks#alerts")])
        let fixed = try LintHarness.fixed(fixture.files, rules: [LearnLinkAbsolute.self])
        #expect(fixed.files["a.md"] == Self.front + "See [AKS](/azure/aks/monitor-aks#alerts) and [Bing](https://www.bing.com/).\n")
    }

    @Test func hardCodedLocaleRemovesTheLocale() throws {
        let fixture = MarkedFixture([
            "a.md": Self.front + "See 1️⃣[blog](2️⃣https://www.microsoft.com/en-us/security/blog/3️⃣), 4️⃣[AKS](5️⃣/de-de/azure/aks/6️⃣) and [x](/azure/en-us/).\n",
        ])
        let findings = try LintHarness.diagnostics(fixture.files, rules: [HardCodedLocale.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == [fixture.finding("1️⃣", "DG107"), fixture.finding("4️⃣", "DG107")])
        #expect(findings.map { $0.fixes.flatMap(\.edits) } == [
            [TextEdit(range: fixture.span("2️⃣", "3️⃣"), replacement: "https://www.microsoft.com/security/blog/")],
            [TextEdit(range: fixture.span("5️⃣", "6️⃣"), replacement: "/azure/aks/")],
        ])
        let fixed = try LintHarness.fixed(fixture.files, rules: [HardCodedLocale.self])
        #expect(fixed.files["a.md"] == Self.front + "See [blog](https://www.microsoft.com/security/blog/), [AKS](/azure/aks/) and [x](/azure/en-us/).\n")
    }

    @Test func findsTheDestinationInsideIndentedDirectiveContentAndFarIntoANonASCIILine() throws {
        let fixture = MarkedFixture([
            "docs/alerts.md": Self.front + "# Alerts\n",
            "docs/index.md": Self.front + ":::row:::\n    :::column:::\n        See 1️⃣[alerts](2️⃣Alerts.md3️⃣).\n    :::column-end:::\n:::row-end:::\n\n"
                + String(repeating: "Über 日本 ", count: 500) + "4️⃣[alerts](5️⃣ALERTS.md6️⃣).\n",
        ])
        let findings = try LintHarness.diagnostics(fixture.files, rules: [LinkCaseMismatch.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == [fixture.finding("1️⃣", "DG105"), fixture.finding("4️⃣", "DG105")])
        #expect(findings.map { $0.fixes.flatMap(\.edits) } == [
            [TextEdit(range: fixture.span("2️⃣", "3️⃣"), replacement: "alerts.md")],
            [TextEdit(range: fixture.span("5️⃣", "6️⃣"), replacement: "alerts.md")],
        ])
        let fixed = try LintHarness.fixed(fixture.files, rules: [LinkCaseMismatch.self])
        #expect(fixed.files["docs/index.md"] == fixture.files["docs/index.md"]!.replacingOccurrences(of: "(Alerts.md)", with: "(alerts.md)").replacingOccurrences(of: "(ALERTS.md)", with: "(alerts.md)"))
    }
}
