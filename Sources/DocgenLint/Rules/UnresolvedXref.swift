import DocgenCore
import DocgenMarkup

/// Reports `[text](xref:uid)` and `<xref:uid>` links whose uid no page of the doc set and no
/// xrefmap.yml defines.
public struct UnresolvedXref: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG115", alias: "unresolved-xref",
        summary: "xref: links must name a uid the doc set or its xrefmap defines",
        severity: .warning, tags: ["links"],
        rationale: "An xref link names a page by its uid (`uid:` in a page's front matter or YAML page, or an entry of an xrefmap.yml the doc set has, such as one docfx.json's build.xref names). When nothing defines the uid, the reader gets plain text instead of a link: the link text, or for <xref:uid> the uid's last name part. Learn reports the same as xref-not-found (a warning); the shorthand @uid is never reported, as on Learn. UIDs are case-sensitive.",
        bad: "See <xref:Contoso.Monitoring.AlertRule>, which no page defines.",
        good: "---\nuid: Contoso.Monitoring.AlertRule\n---\n# Alert rules\n\nSee <xref:Contoso.Monitoring.AlertRule>.")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        let xrefs = context.site.files.xrefs
        var findings: [Finding] = []
        document.root.walk(in: document.path) { node, path in
            guard case .link(let destination, _, let autolink) = node.kind, let reference = XrefMap.Reference(destination),
                  xrefs.target(for: reference.uid) == nil else { return }
            let shown = autolink ? reference.fallbackText : node.plainText
            findings.append(Finding(path: path, at: node.start ?? SourcePosition(line: 1, column: 1),
                "Cross reference '\(reference.uid)' is not found: no page (uid: in front matter) or xrefmap.yml of this doc set defines it, so it shows as the text '\(shown)' without a link. Check the uid (uids are case-sensitive), or link the page by its path."))
        }
        return findings
    }
}
