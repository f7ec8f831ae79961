import DocgenMarkup
/// The allow-list raw HTML in Markdown passes, modelled on Learn's sanitizer: known tags keep
/// known attributes; `script`, `style` and other active content are removed with their content;
/// event-handler attributes, `style` and unsafe URLs never reach a page. Output tags are
/// re-serialised from parsed attributes and balanced, so a stray `<div>` cannot break the layout.
public struct HTMLSanitizer {
    /// Tags kept (without their disallowed attributes).
    static let allowedTags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
        "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
        "img", "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section",
        "small", "source", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
        "time", "tr", "u", "ul", "var", "video", "wbr",
    ]
    /// Tags removed together with everything inside them.
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "object", "embed", "noscript", "template", "textarea", "select", "button",
        "form", "frame", "frameset", "applet", "svg", "math", "title", "xmp", "noembed", "noframes", "plaintext",
        "head", "meta", "link", "base",
    ]
    static let voidTags: Set<String> = ["br", "hr", "img", "col", "source", "wbr"]
    static let globalAttributes: Set<String> = ["id", "class", "title", "role", "lang", "dir", "name", "itemprop", "itemscope", "itemtype"]
    static let tagAttributes: [String: Set<String>] = [
        "a": ["href", "rel", "target", "hreflang", "download"],
        "img": ["src", "alt", "width", "height", "loading", "srcset", "sizes"],
        "source": ["src", "srcset", "type", "media", "sizes"],
        "video": ["src", "controls", "width", "height", "poster", "muted", "loop", "preload"],
        "td": ["colspan", "rowspan", "headers", "align"], "th": ["colspan", "rowspan", "headers", "scope", "align"],
        "ol": ["start", "type", "reversed"], "li": ["value"], "col": ["span"], "colgroup": ["span"],
        "time": ["datetime"], "del": ["datetime", "cite"], "ins": ["datetime", "cite"], "q": ["cite"],
        "blockquote": ["cite"], "details": ["open"], "abbr": ["title"],
    ]
    static let urlAttributes: Set<String> = ["href", "src", "poster", "cite"]

    /// Rewrites a URL attribute (relative `.md` links to built pages); identity by default.
    public var rewriteURL: (String) -> String = { $0 }

    private var openTags: [String] = []
    private var droppingUntil: String?

    /// Creates a sanitizer.
    public init(rewriteURL: @escaping (String) -> String = { $0 }) {
        self.rewriteURL = rewriteURL
    }

    /// Sanitises a fragment. State carries over between calls, so inline HTML split across
    /// several nodes (`<kbd>`, text, `</kbd>`) stays balanced; call ``finish()`` at the end of a block.
    public mutating func sanitize(_ html: String) -> String {
        var output = ""
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            guard character == "<" else {
                if droppingUntil == nil { output += character == ">" ? "&gt;" : String(character) }
                index = html.index(after: index)
                continue
            }
            let rest = html[index...]
            if rest.hasPrefix("<!--") {
                let end = rest.range(of: "-->")?.upperBound ?? html.endIndex
                index = end
                continue
            }
            guard let tag = Self.parseTag(rest) else {
                if droppingUntil == nil { output += "&lt;" }
                index = html.index(after: index)
                continue
            }
            index = tag.end
            if let dropping = droppingUntil {
                if tag.closing, tag.name == dropping { droppingUntil = nil }
                continue
            }
            if Self.droppedWithContent.contains(tag.name) {
                if !tag.closing, !tag.selfClosing { droppingUntil = tag.name }
                continue
            }
            guard Self.allowedTags.contains(tag.name) else { continue }
            if tag.closing {
                if let position = openTags.lastIndex(of: tag.name) {
                    while openTags.count > position { output += "</\(openTags.removeLast())>" }
                }
                continue
            }
            output += "<" + tag.name
            for (name, value) in tag.attributes where isAllowed(name, on: tag.name) {
                var value = value
                if Self.urlAttributes.contains(name) {
                    guard HTMLEscaping.isSafeURL(value) else { continue }
                    value = rewriteURL(value)
                }
                if name == "target" { output += " rel=\"noopener\"" }
                output += value.isEmpty && (name == "controls" || name == "open" || name == "reversed" || name == "muted" || name == "loop" || name == "itemscope")
                    ? " \(name)" : " \(name)=\"\(HTMLEscaping.escape(value))\""
            }
            output += ">"
            if !Self.voidTags.contains(tag.name), !tag.selfClosing { openTags.append(tag.name) }
        }
        return output
    }

    /// Closes every tag still open and forgets any unfinished dropped element.
    public mutating func finish() -> String {
        droppingUntil = nil
        defer { openTags = [] }
        return openTags.reversed().map { "</\($0)>" }.joined()
    }

    private func isAllowed(_ attribute: String, on tag: String) -> Bool {
        if attribute.hasPrefix("on") || attribute == "style" || attribute == "srcdoc" || attribute == "formaction" { return false }
        if attribute.hasPrefix("aria-") || attribute.hasPrefix("data-") { return true }
        return Self.globalAttributes.contains(attribute) || Self.tagAttributes[tag]?.contains(attribute) == true
    }

    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: [(String, String)]
        var end: String.Index
    }

    /// Parses one tag at the start of `text`; nil when it is not a tag.
    static func parseTag(_ text: Substring) -> Tag? {
        var index = text.index(after: text.startIndex)
        var closing = false
        if index < text.endIndex, text[index] == "/" { closing = true; index = text.index(after: index) }
        let nameStart = index
        while index < text.endIndex, text[index].isASCII, text[index].isLetter || text[index].isNumber || text[index] == "-" {
            index = text.index(after: index)
        }
        guard index > nameStart, text[nameStart].isLetter else { return nil }
        let name = text[nameStart..<index].lowercased()
        var attributes: [(String, String)] = []
        var selfClosing = false
        while index < text.endIndex {
            let character = text[index]
            if character == ">" { return Tag(name: name, closing: closing, selfClosing: selfClosing, attributes: attributes, end: text.index(after: index)) }
            if character == "/" { selfClosing = true; index = text.index(after: index); continue }
            if character.isWhitespace { index = text.index(after: index); continue }
            selfClosing = false
            let attributeStart = index
            while index < text.endIndex, !text[index].isWhitespace, text[index] != "=", text[index] != ">", text[index] != "/" {
                index = text.index(after: index)
            }
            let attributeName = text[attributeStart..<index].lowercased()
            var value = ""
            var probe = index
            while probe < text.endIndex, text[probe].isWhitespace { probe = text.index(after: probe) }
            if probe < text.endIndex, text[probe] == "=" {
                index = text.index(after: probe)
                while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
                if index < text.endIndex, text[index] == "\"" || text[index] == "'" {
                    let quote = text[index]
                    let valueStart = text.index(after: index)
                    guard let close = text[valueStart...].firstIndex(of: quote) else { return nil }
                    value = String(text[valueStart..<close])
                    index = text.index(after: close)
                } else {
                    let valueStart = index
                    while index < text.endIndex, !text[index].isWhitespace, text[index] != ">" { index = text.index(after: index) }
                    value = String(text[valueStart..<index])
                }
            }
            if !attributeName.isEmpty { attributes.append((attributeName, decodeEntities(value))) }
        }
        return nil
    }

    /// Decodes the character references that could hide a `javascript:` URL.
    static func decodeEntities(_ value: String) -> String {
        guard value.containsBytes("&") else { return value }
        var result = ""
        var index = value.startIndex
        while index < value.endIndex {
            if value[index] == "&", let semicolon = value[index...].firstIndex(of: ";"), value.distance(from: index, to: semicolon) <= 10 {
                let entity = value[value.index(after: index)..<semicolon]
                var scalar: Unicode.Scalar?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") { scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if entity.hasPrefix("#") { scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init) }
                else { scalar = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n"][String(entity)].flatMap { $0.unicodeScalars.first } }
                if let scalar {
                    result.unicodeScalars.append(scalar)
                    index = value.index(after: semicolon)
                    continue
                }
            }
            result.append(value[index])
            index = value.index(after: index)
        }
        return result
    }
}
