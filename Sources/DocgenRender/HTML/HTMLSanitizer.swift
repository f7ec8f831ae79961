import DocgenMarkup

/// The allow-list raw HTML in Markdown passes, modelled on Learn's sanitizer: known tags keep
/// known attributes; `script`, `style` and other active content are removed with their content;
/// event-handler attributes, `style` and unsafe URLs never reach a page. Output tags are
/// re-serialised from parsed attributes and balanced, so a stray `<div>` cannot break the layout.
///
/// A page's raw HTML fragments are one stream: a `<div>` opened in one HTML block is closed by a
/// `</div>` in a later block, with the Markdown between rendered inside it. The renderer marks
/// its own elements (paragraphs, list items, emphasis, ...) as scopes with ``enterScope()`` and
/// ``exitScope()``: raw tags opened in a scope are closed when it ends, and a close tag only
/// matches a tag opened in the current scope, so raw and generated markup always nest.
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
        "script", "style", "iframe", "object", "noscript", "template", "textarea", "select", "button",
        "form", "frameset", "applet", "svg", "math", "title", "xmp", "noembed", "noframes", "plaintext", "head",
    ]
    /// Of those, the ones whose content browsers read as text up to the close tag, not as tags.
    static let rawTextTags: Set<String> = [
        "script", "style", "iframe", "textarea", "title", "xmp", "noembed", "noframes", "plaintext", "noscript",
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
    static let booleanAttributes: Set<String> = ["controls", "open", "reversed", "muted", "loop", "itemscope"]

    /// Rewrites a URL attribute (relative `.md` links to built pages): the URL to write, nil to
    /// leave the attribute out, and the root-relative path of a file to copy, if it names one.
    public var rewriteURL: (String) -> (url: String?, asset: String?) = { ($0, nil) }
    /// The files that URL attributes written so far name (images, downloads), to copy to the site.
    public private(set) var assets = Set<String>()

    /// Raw tags open, outermost first.
    private var openTags: [String] = []
    /// How many tags of each name are open in the current scope, so that a stray close tag is
    /// recognised without searching `openTags` (which made 25,000 stray closes quadratic).
    private var openCounts: [String: Int] = [:]
    /// For each enclosing scope: where its tags start in `openTags`, and its `openCounts`.
    private var scopes: [(floor: Int, counts: [String: Int])] = []
    /// The element being removed with its content.
    private var dropping: Dropping?

    private struct Dropping {
        var name: String
        /// The scope depth it opened at: it ends there at the latest.
        var depth: Int
        /// Open elements of the same name inside it (for elements that are not raw text).
        var nesting: Int
    }

    /// Creates a sanitizer.
    public init(rewriteURL: @escaping (String) -> (url: String?, asset: String?) = { ($0, nil) }) {
        self.rewriteURL = rewriteURL
    }

    /// True while an element removed with its content (`<script>`, `<textarea>`, ...) is open:
    /// the renderer then writes nothing and passes only this scope's raw HTML on.
    public var isDropping: Bool { dropping != nil }

    /// Starts a scope: one of the renderer's own elements, which raw tags must not cross.
    public mutating func enterScope() {
        scopes.append((openTags.count, openCounts))
        openCounts = [:]
    }

    /// Ends the innermost scope: returns the close tags of raw tags still open in it, and ends
    /// an element being removed that opened in it without a close tag.
    public mutating func exitScope() -> String {
        if let dropping, dropping.depth == scopes.count { self.dropping = nil }
        guard let scope = scopes.popLast() else { return finish() }
        var closing = ""
        while openTags.count > scope.floor { closing += "</\(openTags.removeLast())>" }
        openCounts = scope.counts
        return closing
    }

    /// Closes every tag still open (at the end of a page) and forgets any unfinished removed element.
    public mutating func finish() -> String {
        dropping = nil
        scopes = []
        openCounts = [:]
        defer { openTags = [] }
        return openTags.reversed().map { "</\($0)>" }.joined()
    }

    /// Sanitises one raw HTML fragment (an HTML block or an inline HTML node) of the stream.
    public mutating func sanitize(_ html: String) -> String {
        var html = html
        return html.withUTF8 { sanitize(bytes: $0) }
    }

    private mutating func sanitize(bytes: UnsafeBufferPointer<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let current = dropping {
                index = skipDropped(current, bytes, from: index)
                continue
            }
            guard bytes[index] == UInt8(ascii: "<") else {
                let end = Self.find(UInt8(ascii: "<"), in: bytes, from: index) ?? bytes.count
                Self.appendText(bytes, index..<end, to: &output)
                index = end
                continue
            }
            if let end = Self.endOfMarkupDeclaration(bytes, at: index) {
                // Comments, processing instructions, declarations and CDATA are dropped: a
                // browser ignores them in a page body, and a comment can carry notes not meant for readers.
                index = end
                continue
            }
            switch Self.parseTag(bytes, at: index) {
            case .notATag:
                output.append(contentsOf: "&lt;".utf8)
                index += 1
            case .unterminated:
                // No `>` ends it: the rest is text, as written.
                Self.appendText(bytes, index..<bytes.count, to: &output)
                index = bytes.count
            case .tag(let tag):
                index = tag.end
                write(tag, to: &output)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Skips what a removed element holds; returns where to go on.
    private mutating func skipDropped(_ current: Dropping, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let lessThan = Self.find(UInt8(ascii: "<"), in: bytes, from: start) else { return bytes.count }
        if Self.rawTextTags.contains(current.name) {
            // Raw text ends at the first `</name`, whatever looks like a tag before it.
            guard Self.isCloseTag(named: current.name, in: bytes, at: lessThan),
                  case .tag(let tag) = Self.parseTag(bytes, at: lessThan) else { return lessThan + 1 }
            dropping = nil
            return tag.end
        }
        if let end = Self.endOfMarkupDeclaration(bytes, at: lessThan) { return end }
        switch Self.parseTag(bytes, at: lessThan) {
        case .notATag: return lessThan + 1
        case .unterminated: return bytes.count
        case .tag(let tag):
            if tag.name == current.name {
                if tag.closing {
                    dropping?.nesting -= 1
                    if current.nesting <= 1 { dropping = nil }
                } else if !tag.selfClosing {
                    dropping?.nesting += 1
                }
            }
            return tag.end
        }
    }

    private mutating func write(_ tag: Tag, to output: inout [UInt8]) {
        if Self.droppedWithContent.contains(tag.name) {
            if !tag.closing, !tag.selfClosing { dropping = Dropping(name: tag.name, depth: scopes.count, nesting: 1) }
            return
        }
        guard Self.allowedTags.contains(tag.name) else { return }
        if tag.closing {
            // A close tag with nothing of its name open in this scope is dropped.
            guard openCounts[tag.name, default: 0] > 0 else { return }
            while let last = openTags.last {
                openTags.removeLast()
                openCounts[last, default: 1] -= 1
                output.append(contentsOf: "</\(last)>".utf8)
                if last == tag.name { break }
            }
            return
        }
        var text = "<" + tag.name
        // A link that opens another window gets rel="noopener" in place of the author's rel, which
        // could have asked for `opener` (a browser keeps the first of two).
        let opensWindow = tag.attributes.contains { $0.0 == "target" && isAllowed("target", on: tag.name) }
        var wroteTarget = false
        for (name, value) in tag.attributes where isAllowed(name, on: tag.name) && !(opensWindow && name == "rel") {
            var value = value
            if Self.urlAttributes.contains(name) {
                guard HTMLEscaping.isSafeURL(value) else { continue }
                let (url, asset) = rewriteURL(value)
                guard let url else { continue }
                if let asset { assets.insert(asset) }
                value = HTMLEscaping.encodeSpacesAndControls(url)
            }
            if name == "target" {
                guard !wroteTarget else { continue }
                wroteTarget = true
                text += " rel=\"noopener\""
            }
            text += value.isEmpty && Self.booleanAttributes.contains(name) ? " \(name)" : " \(name)=\"\(HTMLEscaping.escape(value))\""
        }
        text += ">"
        if Self.voidTags.contains(tag.name) {
            // Nothing to close.
        } else if tag.selfClosing {
            // `<div/>` is an open tag to a browser; written as an empty element so it cannot swallow the page.
            text += "</\(tag.name)>"
        } else {
            openTags.append(tag.name)
            openCounts[tag.name, default: 0] += 1
        }
        output.append(contentsOf: text.utf8)
    }

    private func isAllowed(_ attribute: String, on tag: String) -> Bool {
        if attribute.hasPrefix("on") || attribute == "style" || attribute == "srcdoc" || attribute == "formaction" { return false }
        if attribute.hasPrefix("aria-") || attribute.hasPrefix("data-") {
            // Only names that read the same everywhere: no quotes or `<` carried into the output.
            return attribute.utf8.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
        }
        return Self.globalAttributes.contains(attribute) || Self.tagAttributes[tag]?.contains(attribute) == true
    }
}
