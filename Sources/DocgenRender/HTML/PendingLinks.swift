import DocgenCore
import DocgenMarkup
import Foundation

/// A link of a page rendered before every page of the site was read, whose HTML depends on what
/// only the loaded site knows: which root-relative Learn URLs lead to the doc set's own pages,
/// where the redirects of a missing file lead, and which page defines an xref's uid. The page's
/// HTML holds a placeholder for it, written once the site is loaded
/// (``RenderedArticle/resolvingPendingLinks(files:docfx:outputPath:)``), with the same functions
/// a page rendered from the loaded site uses.
public struct PendingLink: Sendable {
    enum Element: Sendable {
        /// The start of `[text](destination "title")`: its text follows in the HTML, up to the
        /// closing placeholder of this link (``PendingLink/closingPlaceholder(_:)``).
        case linkStart(destination: String, title: String)
        /// The start of `[text](xref:uid)`, whose text follows likewise.
        case xrefStart(destination: String)
        /// `![alt](source "title")`, its alt text escaped (boxed, as the largest case: a page keeps
        /// its links until it is written, and every link of the list would take its size).
        indirect case image(source: String, title: String, alt: String)
        /// `:::image:::` with any of its URLs depending on the site (boxed: the directive is large,
        /// and every link of the list would take its size).
        indirect case imageDirective(ImageDirective, describedBy: String?)
        /// `<xref:uid>`, which shows what the uid names.
        case xrefAutolink(destination: String)
        /// A URL attribute of raw HTML, written encoded and escaped.
        case rawURL(String)
    }

    var element: Element
    /// The file the link is written in: the page or one of its includes.
    var from: String

    /// What starts every placeholder: letters and digits only, which escaping and URL encoding
    /// leave as they are, with a part drawn at random for each process, which no content has.
    static let marker: [UInt8] = Array(("dgpending" + String(UInt64.random(in: 1...UInt64.max), radix: 16) + "n").utf8)

    private static let markerText = String(decoding: marker, as: UTF8.self)

    /// The placeholder of the link numbered `index`: the marker, the number and `x`.
    static func placeholder(_ index: Int) -> String {
        markerText + String(index) + "x"
    }

    /// The placeholder of the end of the link numbered `index`, whose text comes before it: the
    /// marker, the number and `y`. The end is not a link of the list: it is written as its start says.
    static func closingPlaceholder(_ index: Int) -> String {
        markerText + String(index) + "y"
    }
}

/// The pending links of a page being rendered, shared with the raw-HTML sanitizer's URL rewriting.
final class PendingLinks {
    private(set) var links: [PendingLink] = []

    /// Records a link and returns its placeholder.
    func add(_ element: PendingLink.Element, from path: String) -> String {
        links.append(PendingLink(element: element, from: path))
        return PendingLink.placeholder(links.count - 1)
    }

    /// Records a link whose rendered `text` stays in the HTML between the placeholders of its
    /// start and its end, and returns the three.
    func add(start: PendingLink.Element, text: String, from path: String) -> String {
        let number = links.count
        return add(start, from: path) + text + PendingLink.closingPlaceholder(number)
    }
}

extension RenderedArticle {
    /// The article with its pending links written for the loaded site whose files (with their
    /// Learn URL paths, redirects and uids) are `files`, as the page at `outputPath`.
    public func resolvingPendingLinks(files: ContentFiles, docfx: DocfxProject, outputPath: String) -> RenderedArticle {
        guard !pendingLinks.isEmpty else { return self }
        let rewriter = LinkRewriter(files: files, pageOutputPath: outputPath, docfx: docfx)
        var resolved = self
        resolved.headingHTML = Self.resolve(headingHTML, pendingLinks, rewriter)
        resolved.bodyHTML = Self.resolve(bodyHTML, pendingLinks, rewriter)
        resolved.pendingLinks = []
        return resolved
    }

    /// `html` with each placeholder replaced by its link's HTML; a link's end follows its start,
    /// which says how the link ends (an element that leads nowhere is a `<span>`).
    private static func resolve(_ html: String, _ links: [PendingLink], _ rewriter: LinkRewriter) -> String {
        var ends: [Int: String] = [:]
        var html = html
        html.makeContiguousUTF8()
        let marker = PendingLink.marker
        // The marker is found with `memmem`, and the text between placeholders is appended as
        // substrings of the article: no copy of its bytes, and no check that they are UTF-8.
        let cuts: [(start: Int, end: Int, number: Int, closes: Bool)] = html.utf8.withContiguousStorageIfAvailable { bytes in
            html.utf8Offsets(of: marker).compactMap { start -> (start: Int, end: Int, number: Int, closes: Bool)? in
                var end = start + marker.count
                var number = 0
                while end < bytes.count, bytes[end].isASCIIDigit, number < links.count {
                    number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                    end += 1
                }
                guard end < bytes.count, bytes[end] == UInt8(ascii: "x") || bytes[end] == UInt8(ascii: "y"), end > start + marker.count, number < links.count else { return nil }
                return (start, end + 1, number, bytes[end] == UInt8(ascii: "y"))
            }
        } ?? []
        guard !cuts.isEmpty else { return html }
        let utf8 = html.utf8
        var result = ""
        result.reserveCapacity(utf8.count)
        var copied = utf8.startIndex
        for cut in cuts {
            // Placeholders are ASCII, so their bounds are character boundaries.
            let start = utf8.index(utf8.startIndex, offsetBy: cut.start)
            result += html[copied..<start]
            result += cut.closes ? ends.removeValue(forKey: cut.number) ?? "" : replacement(for: cut.number, links, rewriter, ends: &ends)
            copied = utf8.index(utf8.startIndex, offsetBy: cut.end)
        }
        result += html[copied...]
        return result
    }

    private static func replacement(for number: Int, _ links: [PendingLink], _ rewriter: LinkRewriter, ends: inout [Int: String]) -> String {
        let link = links[number]
        let url = { (destination: String) in rewriter.rewrite(destination, from: link.from).url }
        switch link.element {
        case .linkStart(let destination, let title):
            let tags = HTMLRenderer.linkTags(href: url(destination), title: title)
            ends[number] = tags.end
            return tags.start
        case .xrefStart(let destination):
            guard let reference = XrefMap.Reference(destination) else { return "" }
            let tags = HTMLRenderer.xrefTags(reference, rewriter: rewriter)
            ends[number] = tags.end
            return tags.start
        case .image(let source, let title, let alt):
            return HTMLRenderer.imageHTML(src: url(source), alt: alt, title: title)
        case .imageDirective(let image, let describedBy):
            return HTMLRenderer.imageDirectiveHTML(image, describedBy: describedBy, url: url)
        case .xrefAutolink(let destination):
            guard let reference = XrefMap.Reference(destination) else { return "" }
            return HTMLRenderer.xrefHTML(reference, text: nil, rewriter: rewriter)
        case .rawURL(let value):
            // Never nil: a URL that depends on the site is root-relative or a missing file, and
            // the rewriter gives both a URL (see `LinkRewriter.rewriteUnlessSiteDependent`).
            return HTMLEscaping.escape(HTMLEscaping.encodeSpacesAndControls(url(value) ?? ""))
        }
    }
}
