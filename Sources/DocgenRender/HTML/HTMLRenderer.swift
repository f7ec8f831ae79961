import DocgenCore
import DocgenMarkup

/// Renders a page's Markdown tree to HTML: CommonMark and GFM as cmark-gfm would, Learn's
/// extensions as DocFX does (with accessible markup where DocFX's is not), every value from
/// content escaped, raw HTML through ``HTMLSanitizer`` and links through ``LinkRewriter``.
public struct HTMLRenderer {
    private let rewriter: LinkRewriter
    var output = ""
    var sanitizer: HTMLSanitizer
    private var assets = Set<String>()
    var pathStack: [String]
    /// Titles of the zone pivots the page's picker offers, by pivot id.
    var pivotTitles: [String: String] = [:]
    /// The page's versions, for the `data-moniker` of its moniker blocks.
    var monikers: PageMonikers?
    /// The Learn ids of headings inside moniker blocks, by page id (see ``MonikerHeadingIDs``).
    var versionIDs: [String: String] = [:]
    private var tightList = [false]
    /// The ids of the headings written: one inside a removed element (`<textarea>` ... `</textarea>`) is not.
    private var writtenHeadingIDs = Set<String>()
    /// When the page is rendered before the site is loaded: its links whose HTML depends on the
    /// site, each written as a placeholder.
    private var pending: PendingLinks?

    /// Renders `document` as the page at its output path.
    /// `pivotTitles` names the zone pivots the page's picker offers: each zone written for them is
    /// labelled with their titles, so that without JavaScript every zone says whom it is for.
    /// `monikers` are the page's versions (by default those the page itself names): each moniker
    /// block lists the versions it is for and is labelled with its range.
    /// `docfx` says what `~/` in a link stands for.
    /// With `pendingSiteLinks`, the page is rendered before every page of the site is read
    /// (`files` has no Learn URL paths, redirects or uids yet): links whose HTML depends on them
    /// are left pending (``RenderedArticle/resolvingPendingLinks(files:docfx:outputPath:)``).
    public static func render(
        _ document: Document, files: ContentFiles, docfx: DocfxProject = DocfxProject(), pivotTitles: [String: String] = [:], monikers: PageMonikers? = nil,
        pendingSiteLinks: Bool = false
    ) -> RenderedArticle {
        var renderer = HTMLRenderer(rewriter: LinkRewriter(files: files, pageOutputPath: document.outputPath, docfx: docfx), path: document.path)
        if pendingSiteLinks { renderer.pending = PendingLinks() }
        renderer.pivotTitles = pivotTitles
        let monikers = monikers ?? PageMonikers(document, declared: [])
        renderer.monikers = monikers
        renderer.versionIDs = MonikerHeadingIDs.versionIDs(document.root, monikers: monikers)
        var blocks = document.root.children
        var headingHTML = ""
        if let first = blocks.first, case .heading(1, _) = first.kind {
            headingHTML = renderer.inlineHTML(first.children)
            blocks.removeFirst()
        }
        for block in blocks { renderer.block(block) }
        renderer.output += renderer.closeRawTags()
        var facts = PageFacts()
        var root = document.root
        facts.monikers = monikers
        facts.collect(&root, zonePivots: [], versions: nil)
        return RenderedArticle(
            // Without spare room: a build keeps every page's outline until the page is written.
            headingHTML: headingHTML, bodyHTML: renderer.output, outline: facts.outline.filter { renderer.writtenHeadingIDs.contains($0.id) }.withoutSpareCapacity(),
            questions: facts.questions.filter { renderer.writtenHeadingIDs.contains($0.id) }.withoutSpareCapacity(),
            plainText: facts.text.joined(separator: " "), assets: renderer.assets.union(renderer.sanitizer.assets), pendingLinks: renderer.pending?.links.withoutSpareCapacity() ?? [])
    }

    /// Renders a fragment of blocks (for tests and for the long descriptions of images).
    public static func renderFragment(_ nodes: [MarkupNode], path: String, files: ContentFiles, docfx: DocfxProject = DocfxProject()) -> String {
        var renderer = HTMLRenderer(rewriter: LinkRewriter(files: files, pageOutputPath: Document.outputPath(for: path), docfx: docfx), path: path)
        for node in nodes { renderer.block(node) }
        return renderer.output + renderer.closeRawTags()
    }

    /// True for headings phrased as a reader's question: "How do I ...?" or "How can I ...?".
    public static func isQuestion(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("how do i ") || lower.hasPrefix("how can i ")) && text.hasSuffix("?")
    }

    private init(rewriter: LinkRewriter, path: String) {
        self.rewriter = rewriter
        self.pathStack = [path]
        self.sanitizer = HTMLSanitizer()
    }

    private var currentPath: String { pathStack.last ?? "" }

    /// The close tags of raw tags still open at the end of the page, on a line of their own.
    private mutating func closeRawTags() -> String {
        let closing = sanitizer.finish()
        return closing.isEmpty ? "" : closing + "\n"
    }

    private mutating func url(_ destination: String) -> String? {
        let (url, asset) = rewriter.rewrite(destination, from: currentPath)
        if let asset { assets.insert(asset) }
        return url
    }

    /// The URL for `destination` as `url` gives it, or, when the page's links that depend on the
    /// site are pending and this is one, `.pending` (the destination is resolved once).
    private mutating func urlUnlessPending(_ destination: String) -> PendingOr<String?> {
        guard pending != nil else { return .now(url(destination)) }
        guard let (url, asset) = rewriter.rewriteUnlessSiteDependent(destination, from: currentPath) else { return .pending }
        if let asset { assets.insert(asset) }
        return .now(url)
    }

    private mutating func raw(_ html: String) -> String {
        let path = currentPath
        let rewriter = self.rewriter
        if let pending {
            sanitizer.rewriteURL = { value in
                rewriter.rewriteUnlessSiteDependent(value, from: path) ?? (pending.add(.rawURL(value), from: path), nil)
            }
        } else {
            sanitizer.rewriteURL = { value in rewriter.rewrite(value, from: path) }
        }
        return sanitizer.sanitize(html)
    }

    // MARK: - Blocks

    mutating func block(_ node: MarkupNode) {
        if sanitizer.isDropping {
            // Inside a removed element (`<script>` ... `</script>`): only its scope's raw HTML can end it.
            if case .htmlBlock(let html) = node.kind { htmlBlock(html) }
            return
        }
        switch node.kind {
        case .document:
            node.lendChildren { block($0) }
        case .paragraph:
            if tightList.last == true {
                output += inlineHTML(node.children) + "\n"
            } else {
                output += "<p>" + inlineHTML(node.children) + "</p>\n"
            }
        case .heading(let level, let id):
            writtenHeadingIDs.insert(id)
            // Included headings have ids of their own scope: only the page's own are looked up.
            let versionID = pathStack.count == 1 ? versionIDs[id].map { " data-version-ids=\"\(HTMLEscaping.escape($0))\"" } ?? "" : ""
            output += "<h\(level) id=\"\(HTMLEscaping.escape(id))\"\(versionID)>" + inlineHTML(node.children) + "</h\(level)>\n"
        case .blockQuote:
            container("<blockquote>\n", node.children, "</blockquote>\n")
        case .list(let ordered, let start, let tight):
            let open = ordered ? (start != 1 ? "<ol start=\"\(start)\">\n" : "<ol>\n") : "<ul>\n"
            tightList.append(tight)
            output += open
            node.lendChildren { block($0) }
            output += ordered ? "</ol>\n" : "</ul>\n"
            tightList.removeLast()
        case .listItem(let task):
            if let task {
                let done = task == .checked
                output += "<li class=\"task\"><span class=\"task-box\" role=\"img\" aria-label=\"\(done ? "done" : "not done")\">\(done ? "☑" : "☐")</span> "
            } else {
                output += "<li>"
            }
            sanitizer.enterScope()
            node.lendChildren { block($0) }
            output += sanitizer.exitScope() + "</li>\n"
        case .codeBlock(let info, let literal, _):
            output += codeBlock(language: String(info.split(separator: " ").first ?? ""), code: literal)
        case .htmlBlock(let html):
            htmlBlock(html)
        case .thematicBreak:
            output += "<hr>\n"
        case .table(let alignments):
            table(node, alignments: alignments)
        default:
            learnBlock(node)
        }
    }

    /// An HTML block: its tags stay open across blocks, so `<div>`, Markdown, `</div>` wraps the Markdown.
    private mutating func htmlBlock(_ html: String) {
        let sanitized = raw(html)
        // A block that was all removed (a script, a comment) leaves no empty line.
        guard sanitized.utf8.contains(where: { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: " ") }) else { return }
        output += sanitized.hasSuffix("\n") ? sanitized : sanitized + "\n"
    }

    mutating func container(_ open: String, _ children: [MarkupNode], _ close: String) {
        output += open
        tightList.append(false)
        sanitizer.enterScope()
        children.lendEach { block($0) }
        output += sanitizer.exitScope()
        tightList.removeLast()
        output += close
    }

    func codeBlock(language: String, code: String) -> String {
        var language = language
        if language.hasSuffix("-interactive") { language = String(language.dropLast(12)) }
        let attribute = language.isEmpty ? "" : " class=\"lang-\(HTMLEscaping.escape(language))\""
        var body = code
        if body.hasSuffix("\n") { body.removeLast() }
        return "<pre><code\(attribute)>\(HTMLEscaping.escape(body))</code></pre>\n"
    }

    private mutating func table(_ node: MarkupNode, alignments: [TableAlignment]) {
        output += "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table\"><table>\n"
        var inBody = false
        for row in node.children {
            guard case .tableRow(let header) = row.kind else { continue }
            if header { output += "<thead>\n" } else if !inBody { output += "<tbody>\n"; inBody = true }
            output += "<tr>"
            let tag = header ? "th" : "td"
            for (index, cell) in row.children.enumerated() {
                var style = ""
                switch index < alignments.count ? alignments[index] : .none {
                case .left: style = " style=\"text-align: left\""
                case .center: style = " style=\"text-align: center\""
                case .right: style = " style=\"text-align: right\""
                case .none: break
                }
                let scope = header ? " scope=\"col\"" : ""
                output += "<\(tag)\(scope)\(style)>" + inlineHTML(cell.children) + "</\(tag)>"
            }
            output += "</tr>\n"
            if header { output += "</thead>\n" }
        }
        if inBody { output += "</tbody>\n" }
        output += "</table></div>\n"
    }

    // MARK: - Inlines

    /// The HTML of a paragraph's, heading's or cell's inlines; raw tags opened in them close at their end.
    mutating func inlineHTML(_ nodes: [MarkupNode]) -> String {
        var result = ""
        sanitizer.enterScope()
        nodes.lendEach { result += inline($0) }
        return result + sanitizer.exitScope()
    }

    private mutating func inline(_ node: MarkupNode) -> String {
        if sanitizer.isDropping {
            if case .html(let html) = node.kind { return raw(html) }
            return ""
        }
        switch node.kind {
        case .text(let text): return HTMLEscaping.escape(text)
        case .softBreak: return "\n"
        case .lineBreak: return "<br>\n"
        case .code(let code): return "<code>\(HTMLEscaping.escape(code))</code>"
        case .html(let html): return raw(html)
        case .emphasis: return "<em>" + scopedChildren(node) + "</em>"
        case .strong: return "<strong>" + scopedChildren(node) + "</strong>"
        case .strikethrough: return "<del>" + scopedChildren(node) + "</del>"
        case .link(let destination, let title, let autolink):
            if let reference = XrefMap.Reference(destination) { return xref(reference, destination, node, autolink: autolink) }
            let text = scopedChildren(node)
            guard case .now(let href) = urlUnlessPending(destination) else {
                return pending?.add(start: .linkStart(destination: destination, title: title), text: text, from: currentPath) ?? ""
            }
            return Self.linkHTML(href: href, title: title, text: text)
        case .image(let source, let title):
            let alt = HTMLEscaping.escape(node.plainText)
            guard case .now(let src) = urlUnlessPending(source) else {
                return pending?.add(.image(source: source, title: title, alt: alt), from: currentPath) ?? ""
            }
            return Self.imageHTML(src: src, alt: alt, title: title)
        case .inlineImage(let image):
            return imageHTML(image, describedBy: nil)
        case .noLoc(let text):
            return "<span class=\"no-loc\" dir=\"ltr\" lang=\"en-us\">\(HTMLEscaping.escape(text))</span>"
        case .includedContent(let path):
            pathStack.append(path)
            defer { pathStack.removeLast() }
            return children(node)
        case .inlineDirectiveText(let text):
            return HTMLEscaping.escape(text)
        default:
            return children(node)
        }
    }

    /// An `xref:` link: a link to what the uid names, shown with the link's own text, or for
    /// `<xref:uid>` the xrefmap's name (the page's title); when nothing defines the uid, the text
    /// alone (`<xref:uid>`: the uid's last name part), never "xref:" (lint reports it).
    private mutating func xref(_ reference: XrefMap.Reference, _ destination: String, _ node: MarkupNode, autolink: Bool) -> String {
        let text = autolink ? nil : scopedChildren(node)
        // Any page may define the uid: it waits for the loaded site.
        if let pending {
            guard let text else { return pending.add(.xrefAutolink(destination: destination), from: currentPath) }
            return pending.add(start: .xrefStart(destination: destination), text: text, from: currentPath)
        }
        return Self.xrefHTML(reference, text: text, rewriter: rewriter)
    }

    /// A link's HTML given its URL: an element that says it leads nowhere when the URL is nil.
    static func linkHTML(href url: String?, title: String, text: String) -> String {
        let tags = linkTags(href: url, title: title)
        return tags.start + text + tags.end
    }

    /// The tags around a link's text given its URL.
    static func linkTags(href url: String?, title: String) -> (start: String, end: String) {
        guard let href = url.map(HTMLEscaping.encodeURL) else { return ("<span class=\"link-unresolved\">", "</span>") }
        let titleAttribute = title.isEmpty ? "" : " title=\"\(HTMLEscaping.escape(title))\""
        let external = href.containsBytes("://") ? " class=\"external\" rel=\"noopener\"" : ""
        return ("<a href=\"\(HTMLEscaping.escape(href))\"\(titleAttribute)\(external)>", "</a>")
    }

    /// An image's HTML given its URL: the escaped alt text alone when the URL is nil.
    static func imageHTML(src url: String?, alt: String, title: String) -> String {
        guard let src = url.map(HTMLEscaping.encodeURL) else { return alt }
        let titleAttribute = title.isEmpty ? "" : " title=\"\(HTMLEscaping.escape(title))\""
        return "<img src=\"\(HTMLEscaping.escape(src))\" alt=\"\(alt)\"\(titleAttribute) loading=\"lazy\">"
    }

    /// An xref's HTML with the xrefmap `rewriter`'s files hold; nil `text` for `<xref:uid>`,
    /// which shows what the uid names.
    static func xrefHTML(_ reference: XrefMap.Reference, text written: String?, rewriter: LinkRewriter) -> String {
        let target = rewriter.files.xrefs.target(for: reference.uid)
        let text = written ?? HTMLEscaping.escape(target.map(reference.text(for:)) ?? reference.fallbackText)
        let tags = xrefTags(reference, rewriter: rewriter)
        return tags.start + text + tags.end
    }

    /// The tags around an xref's text: a link to what the uid names, or a `<span>` when nothing does.
    static func xrefTags(_ reference: XrefMap.Reference, rewriter: LinkRewriter) -> (start: String, end: String) {
        guard let target = rewriter.files.xrefs.target(for: reference.uid), let href = rewriter.url(of: target, reference: reference) else {
            return ("<span class=\"xref\">", "</span>")
        }
        let external = href.containsBytes("://") ? " class=\"external\" rel=\"noopener\"" : ""
        return ("<a href=\"\(HTMLEscaping.escape(HTMLEscaping.encodeURL(href)))\"\(external)>", "</a>")
    }

    /// The children of one of the renderer's own inline elements, which raw tags must not cross.
    private mutating func scopedChildren(_ node: MarkupNode) -> String {
        sanitizer.enterScope()
        return children(node) + sanitizer.exitScope()
    }

    private mutating func children(_ node: MarkupNode) -> String {
        var result = ""
        node.lendChildren { result += inline($0) }
        return result
    }

    // MARK: - Learn extensions

    mutating func imageHTML(_ image: ImageDirective, describedBy: String?) -> String {
        guard let pending else { return Self.imageDirectiveHTML(image, describedBy: describedBy) { url($0) } }
        // A URL that waits stands in as a URL (the loaded site gives it one); the URLs the HTML
        // reads that do not wait are rewritten as they would be, so the files shown are copied.
        var waits = false
        let html = Self.imageDirectiveHTML(image, describedBy: describedBy) { destination in
            guard case .now(let url) = urlUnlessPending(destination) else {
                waits = true
                return ""
            }
            return url
        }
        return waits ? pending.add(.imageDirective(image, describedBy: describedBy), from: currentPath) : html
    }

    /// An image directive's HTML given how its URLs are rewritten (in the order the HTML needs
    /// them: a link's URL only when the image has one, the lightbox's only without a link).
    static func imageDirectiveHTML(_ image: ImageDirective, describedBy: String?, url: (String) -> String?) -> String {
        guard let src = url(image.source) else { return HTMLEscaping.escape(image.altText ?? "") }
        var img = "<img src=\"\(HTMLEscaping.escape(src))\""
        if image.type == .icon {
            img += " alt=\"\" role=\"presentation\""
        } else {
            img += " alt=\"\(HTMLEscaping.escape(image.altText ?? ""))\""
        }
        if let describedBy { img += " aria-describedby=\"\(describedBy)\"" }
        img += " loading=\"lazy\">"
        if let link = image.link, let href = url(link) {
            img = "<a href=\"\(HTMLEscaping.escape(href))\">\(img)</a>"
        } else if let lightbox = image.lightbox, let href = url(lightbox) {
            img = "<a class=\"lightbox\" href=\"\(HTMLEscaping.escape(href))\">\(img)</a>"
        }
        let border = image.border ? " has-border" : ""
        return describedBy == nil ? "<span class=\"docgen-image\(border)\">\(img)</span>" : img
    }
}

/// A value known now, or one that waits for the loaded site.
enum PendingOr<Value> {
    case now(Value)
    case pending
}
