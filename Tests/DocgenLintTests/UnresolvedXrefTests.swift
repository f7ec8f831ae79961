import DocgenCore
import DocgenLint
import DocgenTestSupport
import Testing

/// `xref:` links whose uid nothing in the doc set defines.
@Suite struct UnresolvedXrefTests {
    @Test func reportsUnknownUidsInBothFormsAndNotKnownOnes() throws {
        let diagnostics = try LintHarness.diagnostics([
            "api.md": "---\ntitle: Alert rules\nuid: Contoso.AlertRule\n---\n# Alert rules\n",
            "xrefmap.yml": "### YamlMime:XRefMap\nreferences:\n- uid: System.String\n  name: String\n  href: https://learn.microsoft.com/dotnet/api/system.string\n",
            "a.md": LintHarness.validFrontMatter + """
            # A page

            See <xref:Contoso.AlertRule>, [strings](xref:System.String) and <xref:System.String?displayProperty=fullName>.

            Not found: <xref:System.String.Format%2A?displayProperty=nameWithType> and [the rule](xref:contoso.alertrule).

            """,
        ], rules: [UnresolvedXref.self])
        #expect(diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID) \($0.severity)" } == [
            "a.md:12:12 DG115 warning",
            "a.md:12:76 DG115 warning",
        ])
        #expect(diagnostics.first?.message == "Cross reference 'System.String.Format*' is not found: no page (uid: in front matter) or xrefmap.yml of this doc set defines it, so it shows as the text 'String.Format' without a link. Check the uid (uids are case-sensitive), or link the page by its path.")
    }

    @Test func docfxJSONXrefEntriesThatAreLocalFilesAreRead() throws {
        let diagnostics = try LintHarness.diagnostics([
            "docs/docfx.json": #"{"build": {"content": [{"files": ["**/*.md"]}], "xref": ["maps/api.yml", "https://example.com/xrefmap.yml"]}}"#,
            "docs/maps/api.yml": "references:\n- uid: Contoso.Api\n  name: Api\n  href: https://example.com/api\n",
            "docs/a.md": LintHarness.validFrontMatter + "# A page\n\nSee <xref:Contoso.Api> and <xref:Contoso.Other>.\n",
        ], rules: [UnresolvedXref.self])
        #expect(diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["docs/a.md:10:28 DG115"])
    }

    @Test func aDocSetThatDefinesNoUidGetsOneNote() throws {
        // Learn resolves .NET uids from its API reference: the links work there, so one note, not a warning each.
        let diagnostics = try LintHarness.diagnostics([
            "a.md": LintHarness.validFrontMatter + "# A page\n\nUse <xref:Microsoft.SemanticKernel.Kernel> and [plugins](xref:Microsoft.SemanticKernel.KernelPlugin).\n",
            "b.md": LintHarness.validFrontMatter.replacingOccurrences(of: "A page about", with: "Another page about") + "# B\n\nSee <xref:Microsoft.SemanticKernel.Kernel>.\n",
        ], rules: [UnresolvedXref.self])
        #expect(diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID) \($0.severity)" } == ["a.md:10:5 DG115 note"])
        #expect(diagnostics.first?.message == "3 xref links in 2 files name uids (such as 'Microsoft.SemanticKernel.Kernel') that this doc set defines nowhere; Learn resolves them from its API reference, and docgen shows their text without a link. To link them, add their xrefmap.yml to docfx.json's build.xref.")
    }

    @Test func displayTextOfUnresolvedXrefsFollowsDocfx() {
        #expect(XrefMap.Reference("xref:System.String.Format%2A")?.fallbackText == "Format")
        #expect(XrefMap.Reference("<xref:System.String.Format*?displayProperty=nameWithType>")?.fallbackText == "String.Format")
        #expect(XrefMap.Reference("xref:System.String.Format(System.String)?displayProperty=fullName")?.fallbackText == "System.String.Format")
        #expect(XrefMap.Reference("xref:\"Contoso.Rule\"#remarks")?.uid == "Contoso.Rule")
        #expect(XrefMap.Reference("<xref:\"A B?c\">")?.uid == "A B?c")
        #expect(XrefMap.Reference("xref:\"Contoso.Rule\"#remarks")?.fragment == "remarks")
        #expect(XrefMap.Reference("https://example.com") == nil)
    }

    @Test func tocEntriesWithAUidOpenThatPage() throws {
        let diagnostics = try LintHarness.diagnostics([
            "api.md": LintHarness.validFrontMatter.replacingOccurrences(of: "ms.author: octo\n", with: "ms.author: octo\nuid: Contoso.AlertRule\n") + "# Alert rules\n",
            "toc.yml": "- name: Alert rules\n  uid: Contoso.AlertRule\n- name: Unknown\n  uid: Contoso.Missing\n",
        ], rules: [TOCEntry.self, NotInTOC.self])
        #expect(diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" } == ["toc.yml:3:1 DG011"])
        #expect(diagnostics.first?.message == "toc entry 'Unknown' names uid 'Contoso.Missing', which no page (uid: in front matter) or xrefmap.yml of this doc set defines; fix the uid or link the page with href.")
    }
}
