import DocgenLint
import DocgenMarkup
import DocgenTestSupport
import Testing

/// The fixes of the draft rules that have one: where each finding is, the exact edit, and the
/// file after `docgen lint --fix`.
@Suite struct DraftFixTests {
    static let front = LintHarness.validFrontMatter

    @Test func repeatedWordRemovesTheSecondWordOnOneLine() throws {
        let fixture = MarkedFixture([
            "a.md": Self.front + "The layers of a1️⃣ 2️⃣a3️⃣ Kubernetes environment.\n\nThe4️⃣  5️⃣the6️⃣ nodes, and that that is fine.\n\nWatch the\n7️⃣the pods.\n\nUse Azure Monitor 8️⃣monitor the cluster. The 9️⃣the logs.\n",
        ])
        let sentence = fixture["9️⃣"]
        let findings = try LintHarness.diagnostics(fixture.files, rules: [RepeatedWord.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == [
            fixture.finding("2️⃣", "DG405"), fixture.finding("5️⃣", "DG405"), fixture.finding("7️⃣", "DG405"), fixture.finding("8️⃣", "DG405"), fixture.finding("9️⃣", "DG405"),
        ])
        #expect(findings.map { $0.fixes } == [
            [Fix("Remove the second 'a'", replacing: fixture.span("1️⃣", "3️⃣"), with: "")],
            [Fix("Remove the second 'the'", replacing: fixture.span("4️⃣", "6️⃣"), with: "")],
            // Across a line break the lines' indentation and markers decide: no fix.
            [],
            // A capital inside a sentence may be a product's name ("Azure Monitor monitor"): no fix.
            [],
            // A capital that starts a sentence is the slip.
            [Fix("Remove the second 'the'", replacing: SourceSpan(start: SourcePosition(line: sentence.line, column: sentence.column - 1), characters: 4), with: "")],
        ])
        let fixed = try LintHarness.fixed(fixture.files, rules: [RepeatedWord.self])
        #expect(fixed.files["a.md"] == Self.front + "The layers of a Kubernetes environment.\n\nThe nodes, and that that is fine.\n\nWatch the\nthe pods.\n\nUse Azure Monitor monitor the cluster. The logs.\n")
    }

    @Test func pastedPageTitleRemovesTheSiteSuffix() throws {
        let fixture = MarkedFixture([
            "a.md": Self.front + "See 1️⃣[Connect AKS logs2️⃣ | Microsoft Docs3️⃣](b.md).\n\n4️⃣Azure Defender for Kubernetes5️⃣ | Microsoft Learn6️⃣\n\nSee [Docs | Microsoft](b.md).\n",
            "b.md": Self.front + "# B\n",
        ])
        let findings = try LintHarness.diagnostics(fixture.files, rules: [PastedPageTitle.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == [fixture.finding("1️⃣", "DG407"), fixture.finding("4️⃣", "DG407")])
        #expect(findings.map { $0.fixes } == [
            [Fix("Remove '| Microsoft Docs'", replacing: fixture.span("2️⃣", "3️⃣"), with: "")],
            [Fix("Remove '| Microsoft Learn'", replacing: fixture.span("5️⃣", "6️⃣"), with: "")],
        ])
        let fixed = try LintHarness.fixed(fixture.files, rules: [PastedPageTitle.self])
        #expect(fixed.files["a.md"] == Self.front + "See [Connect AKS logs](b.md).\n\nAzure Defender for Kubernetes\n\nSee [Docs | Microsoft](b.md).\n")
    }

    @Test func emptyListItemRemovesTheItemsLine() throws {
        let fixture = MarkedFixture([
            "a.md": Self.front + "- Create a test.\n1️⃣- \n2️⃣- Add an alert.\n\n1. Open the portal.\n3️⃣2.\n\nText.\n\n- Last\n4️⃣-\nA paragraph line would join the item above.\n",
        ])
        let findings = try LintHarness.diagnostics(fixture.files, rules: [EmptyListItem.self])
        #expect(findings.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == [
            fixture.finding("1️⃣", "DG403"), fixture.finding("3️⃣", "DG403"), fixture.finding("4️⃣", "DG403"),
        ])
        let third = fixture["3️⃣"]
        #expect(findings.map { $0.fixes.flatMap(\.edits) } == [
            [TextEdit(range: fixture.span("1️⃣", "2️⃣"), replacement: "")],
            [TextEdit(range: SourceSpan(start: third, end: SourcePosition(line: third.line + 1, column: 1)), replacement: "")],
            [],
        ])
        let fixed = try LintHarness.fixed(fixture.files, rules: [EmptyListItem.self])
        #expect(fixed.files["a.md"] == Self.front + "- Create a test.\n- Add an alert.\n\n1. Open the portal.\n\nText.\n\n- Last\n-\nA paragraph line would join the item above.\n")
    }
}
