import DocgenCore
import DocgenMarkup

/// Reports `[text](xref:uid)` and `<xref:uid>` links whose uid no page of the doc set and no
/// xrefmap.yml defines. A doc set that defines no uid at all links only uids Learn resolves
/// from its API reference (.NET, Java, Python): those links work on Learn, and docgen notes them
/// once for the doc set instead of warning at each.
public struct UnresolvedXref: SiteLintRule {    public static let metadata = RuleMetadata(
        id: "DG115", alias: "unresolved-xref",
        summary: "xref: links must name a uid the doc set or its xrefmap defines",
        severity: .warning, tags: ["links"],
        rationale: "An xref link names a page by its uid (`uid:` in a page's front matter or YAML page, or an entry of an xrefmap.yml the doc set has, such as one docfx.json's build.xref names). When nothing defines the uid, the reader gets plain text instead of a link: the link text, or for <xref:uid> the uid's last name part. Learn reports the same as xref-not-found (a warning); the shorthand @uid is never reported, as on Learn. UIDs are case-sensitive. A doc set that defines no uid and has no xrefmap links only uids Learn resolves from its API reference; one note for the doc set says so instead of a warning at each link.",
        bad: "See <xref:Contoso.Monitoring.AlertRule>, which no page defines.",
        good: "---\nuid: Contoso.Monitoring.AlertRule\n---\n# Alert rules\n\nSee <xref:Contoso.Monitoring.AlertRule>.")

    /// Reads the uids of every page.
    public static let readsLoadedSite = true

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        let xrefs = context.site.files.xrefs
        // With no uid defined anywhere, nothing here could have been meant: see checkSite.
        guard xrefs.count > 0 else { return [] }
        return Self.unresolved(in: document, context).map { written in
            Finding(path: written.path, at: written.position,
                "Cross reference '\(written.reference.uid)' is not found: no page (uid: in front matter) or xrefmap.yml of this doc set defines it, so it shows as the text '\(written.shown)' without a link. Check the uid (uids are case-sensitive), or link the page by its path.")
        }
    }

    /// One note for a doc set that defines no uid: its xrefs name Learn's API reference.
    public func checkSite(_ context: LintContext) -> [Finding] {
        let xrefs = context.site.files.xrefs
        guard xrefs.count == 0 else { return [] }
        var first: (path: String, position: SourcePosition, uid: String)?
        var links = 0
        var files = Set<String>()
        let documents = context.site.documents
        // By index, not `for document in`: a copy of each page costs more than the rule on a save.
        for index in documents.indices {
            // Kept with the page: serve runs this rule on every save, and only the saved page changed.
            let found = documents[index].memo.value(Self.memoKey) { Self.uses(in: documents[index], context) }
            for use in found {
                if first == nil { first = (use.path, use.position, use.uid) }
                links += 1
                files.insert(use.path)
            }
        }
        guard let first else { return [] }
        let count = links == 1 ? "1 xref link" : "\(links) xref links"
        let inFiles = files.count == 1 ? "1 file" : "\(files.count) files"
        return [Finding(path: first.path, at: first.position,
            "\(count) in \(inFiles) name uids (such as '\(first.uid)') that this doc set defines nowhere; Learn resolves them from its API reference, and docgen shows their text without a link. To link them, add their xrefmap.yml to docfx.json's build.xref.",
            severity: .note)]
    }

    /// The memo key of a page's ``XrefUse``s.
    static let memoKey = "unresolved-xref"

    /// The xref links of `document` that no uid of the doc set resolves, when it defines none.
    static func uses(in document: Document, _ context: LintContext) -> [XrefUse] {
        guard context.site.files.xrefs.count == 0 else { return [] }
        return unresolved(in: document, context).map { written in
            XrefUse(path: written.path, position: written.position, uid: written.reference.uid)
        }
    }

    /// An xref link no uid of the doc set resolves, as a doc set without uids has them.
    struct XrefUse: Sendable {
        let path: String
        let position: SourcePosition
        let uid: String
    }

    /// Whether the text of a page or of a file it includes holds `xref:` in any letter case:
    /// most pages have none, and a byte scan of the text costs a fraction of walking the tree.
    static func mayLinkXrefs(_ document: Document, _ context: LintContext) -> Bool {
        if containsXref(document.source) { return true }
        return document.includedFiles.contains { containsXref(context.sourceLines($0)) }
    }

    /// Whether `source` holds `xref:` in any letter case.
    static func containsXref(_ source: SourceText) -> Bool {
        var text = source.text
        return text.withUTF8 { bytes in
            guard bytes.count >= 5 else { return false }
            for index in 0...(bytes.count - 5) where bytes[index] | 0x20 == UInt8(ascii: "x") {
                if bytes[index + 1] | 0x20 == UInt8(ascii: "r"), bytes[index + 2] | 0x20 == UInt8(ascii: "e"),
                   bytes[index + 3] | 0x20 == UInt8(ascii: "f"), bytes[index + 4] == UInt8(ascii: ":") { return true }
            }
            return false
        }
    }

    /// The xref links of a page (and its includes) that name no uid of `context`'s site, with the
    /// text shown instead.
    private static func unresolved(in document: Document, _ context: LintContext) -> [WrittenXref] {
        let xrefs = context.site.files.xrefs
        return written(in: document, context).filter { xrefs.target(for: $0.reference.uid) == nil }
    }

    /// An xref link as written: the file it is in, where, the uid it names and the text shown
    /// when no uid resolves it.
    struct WrittenXref: Sendable {
        let path: String
        let position: SourcePosition
        let reference: XrefMap.Reference
        let shown: String
    }

    /// The xref links of `document` and its includes: those ``record(_:_:)`` kept in its memo,
    /// else walked from its tree when its text names `xref:` at all.
    private static func written(in document: Document, _ context: LintContext) -> [WrittenXref] {
        if let recorded: [WrittenXref] = document.memo.recorded(writtenKey) { return recorded }
        return mayLinkXrefs(document, context) ? walk(document) : []
    }

    private static let writtenKey = "written-xrefs"

    /// The pages whose uids the xref links of `document` (and its includes) name: such a link
    /// shows the page's title.
    static func pages(linkedBy document: Document, _ context: LintContext) -> Set<String> {
        let xrefs = context.site.files.xrefs
        guard xrefs.count > 0 else { return [] }
        return Set(written(in: document, context).compactMap { xrefs.target(for: $0.reference.uid)?.page })
    }

    /// Keeps the page's xref links in its memo, for checking it once its tree is dropped (the uids
    /// are known only when every page is loaded). A page whose text names no `xref:` has none.
    static func record(_ document: Document, _ context: LintContext) {
        _ = document.memo.value(writtenKey) { written(in: document, context) }
    }

    private static func walk(_ document: Document) -> [WrittenXref] {
        var found: [WrittenXref] = []
        document.root.walk(in: document.path) { node, path in
            guard case .link(let destination, _, let autolink) = node.kind, let reference = XrefMap.Reference(destination) else { return }
            found.append(WrittenXref(path: path, position: node.start ?? SourcePosition(line: 1, column: 1), reference: reference, shown: autolink ? reference.fallbackText : node.plainText))
        }
        return found
    }
}
