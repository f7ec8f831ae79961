@testable import DocgenRender
import DocgenCore
import DocgenTestSupport
import Testing

/// `xref:` links: resolved from the doc set's uids and xrefmap.yml, and shown as text when
/// nothing defines the uid; a reader never sees "xref:".
@Suite struct XrefRenderTests {
    private static let files: [String: String] = [
        "api/alert-rule.md": "---\ntitle: AlertRule class\nuid: Contoso.Monitoring.AlertRule\n---\n# AlertRule class\n\n## Remarks\n",
        "refs/xrefmap.yml": """
        ### YamlMime:XRefMap
        references:
        - uid: System.String
          name: String
          fullName: System.String
          nameWithType: String
          href: https://learn.microsoft.com/dotnet/api/system.string
        - uid: Contoso.Local
          name: Local
          href: ../api/alert-rule.md#remarks
        """,
        "toc.yml": "- name: Guide\n  href: guide.md\n- uid: Contoso.Monitoring.AlertRule\n",
        "guide.md": """
        ---
        title: Guide
        ---
        # Guide

        - <xref:Contoso.Monitoring.AlertRule> and [the rule's remarks](xref:Contoso.Monitoring.AlertRule#remarks)
        - <xref:System.String?displayProperty=fullName>, [text](xref:System.String) and <xref:Contoso.Local>
        - Unresolved: <xref:System.String.Format%2A?displayProperty=nameWithType>, <xref:Contoso.Missing.Thing> and [a **missing** one](xref:Contoso.Missing)

        """,
    ]

    @Test func xrefLinksRender() throws {
        let site = try RenderedSite.build(Self.files)
        let body = Self.content(site["guide.html"] ?? "")
        #expect(!body.contains("xref:"))
        #expect(Golden.mismatch(body + "\n", golden: "render/xref.html") == nil)
    }

    @Test func aTOCEntryWithAUidOpensThatPage() throws {
        let site = try RenderedSite.build(Self.files)
        let nav = RenderedSite.element("nav", in: site["guide.html"] ?? "")
        #expect(nav.contains("href=\"api/alert-rule.html\""))
        #expect(nav.contains(">AlertRule class<"))
    }

    /// The article body of a built page.
    private static func content(_ html: String) -> String {
        guard let start = html.range(of: "<div class=\"content\">\n"), let end = html.range(of: "\n</div>\n<nav class=\"pager\"", range: start.upperBound..<html.endIndex) else { return "" }
        return String(html[start.upperBound..<end.lowerBound])
    }
}
