import DocgenCore
import DocgenLint
import DocgenMarkup
import DocgenTestSupport
import Testing

/// An include file is parsed once per load and its tree shared by every page that includes it:
/// each page must still get the content, and a finding inside the include must be reported once,
/// at the include file's own line and column.
@Suite struct SharedIncludeTests {
    private static func texts(of document: Document) -> [String] {
        var found: [String] = []
        document.root.walk { node in
            if case .text(let text) = node.kind { found.append(text) }
        }
        return found
    }

    @Test func everyIncludingPageGetsTheContentAndAFindingInItIsReportedOnce() throws {
        let fixture = MarkedFixture([
            "docs/a.md": LintHarness.validFrontMatter + "# A\n\n[!INCLUDE [part](includes/part.md)]\n",
            "docs/sub/b.md": LintHarness.validFrontMatter + "# B\n\nBefore [!INCLUDE [part](../includes/part.md)] after.\n",
            "docs/includes/part.md": "Shared words.\n\n- See 1️⃣[later]().\n",
        ])
        let content = try TemporaryContent(fixture.files)
        let site = SiteLoader.load(root: content.url)
        let pages = Dictionary(uniqueKeysWithValues: site.documents.map { ($0.path, $0) })
        #expect(pages["docs/a.md"]?.includedFiles == ["docs/includes/part.md"])
        #expect(pages["docs/sub/b.md"]?.includedFiles == ["docs/includes/part.md"])
        #expect(pages["docs/a.md"].map(Self.texts)?.contains("Shared words.") == true)
        // The inline include takes the first paragraph's inline content.
        #expect(pages["docs/sub/b.md"].map(Self.texts)?.contains("Shared words.") == true)
        #expect(try LintHarness.findings(fixture.files, rules: [EmptyLink.self]) == [fixture.finding("1️⃣", "DG103")])
    }

    @Test func nestedIncludesResolveFromTheIncludeAndACycleIsReportedForEachIncludingPage() throws {
        let fixture = MarkedFixture([
            "a.md": LintHarness.validFrontMatter + "# A\n\n[!INCLUDE [b](includes/b.md)]\n",
            "guide/c.md": LintHarness.validFrontMatter + "# C\n\n[!INCLUDE [b](../includes/b.md)]\n",
            "includes/b.md": "Text of b.\n\n[!INCLUDE [n](nested/n.md)]\n",
            "includes/nested/n.md": "Text of n.\n\n1️⃣[!INCLUDE [b](../b.md)]\n",
        ])
        let content = try TemporaryContent(fixture.files)
        let site = SiteLoader.load(root: content.url)
        for document in site.documents {
            #expect(document.includedFiles == ["includes/b.md", "includes/nested/n.md"])
            #expect(Self.texts(of: document).contains("Text of n."))
        }
        // The cycle closes in the include file, at its own line, once per page's include chain.
        let diagnostics = try LintHarness.diagnostics(fixture.files, rules: [IncludeError.self])
        #expect(diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == [fixture.finding("1️⃣", "DG305"), fixture.finding("1️⃣", "DG305")])
        #expect(Set(diagnostics.map(\.message)) == [
            "Include cycle: a.md -> includes/b.md -> includes/nested/n.md -> includes/b.md; remove one of these includes.",
            "Include cycle: guide/c.md -> includes/b.md -> includes/nested/n.md -> includes/b.md; remove one of these includes.",
        ])
    }
}
