@testable import DocgenRender

/// Puts HTML in a canonical form so that docgen's output and the HTML the spec expects compare
/// equal when they mean the same, in the spirit of cmark-gfm's `test/normalize.py`:
///
/// - character references are decoded and text re-escaped one way (`&`, `<`, `>`, `"`);
/// - tags are written lower-case with their attributes sorted and no self-closing `/`
///   (`<br />` is `<br>`);
/// - runs of white space outside `<pre>` become one space, and white space next to a block-level
///   tag (`p`, `li`, `table`, `div`, ...) goes;
/// - the markup docgen adds to every page by design goes: the `id` of headings (Learn's heading
///   ids), the scrollable region around tables, `scope="col"` on header cells,
///   `loading="lazy"` on images, `class="external" rel="noopener"` on external links; a cell's
///   `style="text-align: X"` reads as cmark's `align="X"` and a code block's `lang-X` class as
///   cmark's `language-X`; the line breaks that end a code block go (docgen leaves out the
///   last, so that the block has no empty last line).
///
/// Everything else that differs is a difference, named in ``SpecConformanceTests``.
enum HTMLNormalizer {
    static let blockTags: Set<String> = [
        "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map", "button", "object",
        "canvas", "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd", "progress", "div", "section", "dl",
        "table", "td", "dt", "tbody", "embed", "textarea", "fieldset", "tfoot", "figcaption", "th", "figure", "thead",
        "footer", "tr", "form", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "video", "script", "style", "details", "summary",
    ]

    static func normalize(_ html: String) -> String {
        var html = html
        while html.contains("\n</code></pre>") { html = html.replacingOccurrences(of: "\n</code></pre>", with: "</code></pre>") }
        return html.withUTF8 { normalize(bytes: $0) }
    }

    private static func normalize(bytes: UnsafeBufferPointer<UInt8>) -> String {
        var output = ""
        var inPre = 0
        var pendingSpace = false
        var atBoundary = true
        // For each open `div`: whether it is docgen's table wrapper, whose end tag goes too.
        var divs: [Bool] = []
        func emitText(_ text: String) {
            for character in text {
                if inPre == 0, character.isWhitespace {
                    pendingSpace = true
                    continue
                }
                if pendingSpace, !atBoundary { output += " " }
                pendingSpace = false
                atBoundary = false
                switch character {
                case "&": output += "&amp;"
                case "<": output += "&lt;"
                case ">": output += "&gt;"
                case "\"": output += "&quot;"
                default: output.append(character)
                }
            }
        }
        func emitMarkup(_ markup: String, block: Bool) {
            if block {
                pendingSpace = false
            } else if pendingSpace, !atBoundary {
                output += " "
            }
            pendingSpace = false
            output += markup
            atBoundary = block
        }
        var index = 0
        var textStart = 0
        func flushText(upTo end: Int) {
            if end > textStart { emitText(HTMLSanitizer.decodeCharacterReferences(bytes, textStart..<end)) }
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if let end = HTMLSanitizer.endOfMarkupDeclaration(bytes, at: index) {
                flushText(upTo: index)
                emitMarkup(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self), block: true)
                index = end
                textStart = end
                continue
            }
            guard case .tag(var tag) = HTMLSanitizer.parseTag(bytes, at: index) else { index += 1; continue }
            flushText(upTo: index)
            index = tag.end
            textStart = tag.end
            if tag.name == "div" {
                if tag.closing {
                    if divs.popLast() == true { continue }
                } else {
                    let wrapper = tag.attributes.contains { $0 == ("class", "table-scroll") }
                    divs.append(wrapper)
                    if wrapper { continue }
                }
            }
            if tag.name == "pre" { inPre += tag.closing ? -1 : 1 }
            tag.attributes = tag.attributes.compactMap { docgenless($0, on: tag.name) }.sorted { $0.0 < $1.0 }
            var markup = tag.closing ? "</" + tag.name : "<" + tag.name
            for (name, value) in tag.attributes {
                markup += " \(name)=\"\(HTMLEscaping.escape(value).replacingOccurrences(of: "&#39;", with: "'"))\""
            }
            emitMarkup(markup + ">", block: blockTags.contains(tag.name))
        }
        flushText(upTo: bytes.count)
        return output
    }

    /// An attribute as cmark-gfm would write it, or nil for one docgen adds by design.
    private static func docgenless(_ attribute: (String, String), on tag: String) -> (String, String)? {
        let (name, value) = attribute
        switch (tag, name, value) {
        case ("h1", "id", _), ("h2", "id", _), ("h3", "id", _), ("h4", "id", _), ("h5", "id", _), ("h6", "id", _),
             ("th", "scope", "col"), ("img", "loading", "lazy"), ("a", "class", "external"), ("a", "rel", "noopener"):
            return nil
        case ("th", "style", _) where value.hasPrefix("text-align: "), ("td", "style", _) where value.hasPrefix("text-align: "):
            return ("align", String(value.dropFirst("text-align: ".count)))
        case ("code", "class", _) where value.hasPrefix("lang-"):
            return ("class", "language-" + value.dropFirst(5))
        default:
            return attribute
        }
    }
}
