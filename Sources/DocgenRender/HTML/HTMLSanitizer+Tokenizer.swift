import DocgenMarkup

/// Reading raw HTML: tags with their attributes, and the comments, processing instructions,
/// declarations and CDATA sections that are dropped whole. Works on UTF-8 bytes; every scan
/// moves forward, so a fragment is read in time linear in its length.
extension HTMLSanitizer {
    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        /// Names lower-cased, values with character references decoded.
        var attributes: [(String, String)]
        /// Just past the `>`.
        var end: Int
    }

    enum ParsedTag {
        case tag(Tag)
        /// `<` not followed by a tag name: text.
        case notATag
        /// A tag that no `>` ends.
        case unterminated
    }

    /// The attributes of one tag written as text (`<div class="x">`), for Learn's `[!div]`.
    static func attributes(ofTag text: String) -> [(String, String)]? {
        var text = text
        return text.withUTF8 { bytes in
            if case .tag(let tag) = parseTag(bytes, at: 0) { return tag.attributes }
            return nil
        }
    }

    /// Parses the tag that starts at `start` (a `<`).
    static func parseTag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> ParsedTag {
        var index = start + 1
        var closing = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "/") { closing = true; index += 1 }
        let nameStart = index
        guard index < bytes.count, bytes[index].isASCIILetter else { return .notATag }
        while index < bytes.count, bytes[index].isASCIILetter || bytes[index].isASCIIDigit || bytes[index] == UInt8(ascii: "-") {
            index += 1
        }
        let name = lowercased(bytes, nameStart..<index)
        var attributes: [(String, String)] = []
        var selfClosing = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") {
                return .tag(Tag(name: name, closing: closing, selfClosing: selfClosing, attributes: attributes, end: index + 1))
            }
            if byte == UInt8(ascii: "/") { selfClosing = true; index += 1; continue }
            if byte.isHTMLSpace { index += 1; continue }
            selfClosing = false
            let attributeStart = index
            while index < bytes.count, !bytes[index].isHTMLSpace, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">"),
                  bytes[index] != UInt8(ascii: "/") {
                index += 1
            }
            // An `=` right at the start belongs to the name, as in browsers.
            if index == attributeStart { index += 1 }
            let attributeName = lowercased(bytes, attributeStart..<index)
            var value = ""
            var probe = index
            while probe < bytes.count, bytes[probe].isHTMLSpace { probe += 1 }
            if probe < bytes.count, bytes[probe] == UInt8(ascii: "=") {
                index = probe + 1
                while index < bytes.count, bytes[index].isHTMLSpace { index += 1 }
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    guard let close = find(bytes[index], in: bytes, from: index + 1) else { return .unterminated }
                    value = decodeCharacterReferences(bytes, index + 1..<close)
                    index = close + 1
                } else {
                    let valueStart = index
                    while index < bytes.count, !bytes[index].isHTMLSpace, bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = decodeCharacterReferences(bytes, valueStart..<index)
                }
            }
            attributes.append((attributeName, value))
        }
        return .unterminated
    }

    /// The end of a comment, processing instruction, declaration or CDATA section starting at
    /// `start`, or nil when none starts there. One never closed runs to the end of the fragment.
    static func endOfMarkupDeclaration(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        func hasPrefix(_ prefix: String, at offset: Int) -> Bool {
            var position = offset
            for byte in prefix.utf8 {
                guard position < bytes.count, bytes[position] == byte else { return false }
                position += 1
            }
            return true
        }
        func end(of terminator: String, from offset: Int) -> Int {
            let pattern = Array(terminator.utf8)
            var position = offset
            while let found = find(pattern[0], in: bytes, from: position) {
                if hasPrefix(terminator, at: found) { return found + pattern.count }
                position = found + 1
            }
            return bytes.count
        }
        guard start + 1 < bytes.count else { return nil }
        switch bytes[start + 1] {
        case UInt8(ascii: "?"):
            return end(of: "?>", from: start + 2)
        case UInt8(ascii: "!"):
            // `<!-->` and `<!--->` are empty comments, as in browsers: search from the opening dashes.
            if hasPrefix("<!--", at: start) { return end(of: "-->", from: start + 2) }
            if hasPrefix("<![CDATA[", at: start) { return end(of: "]]>", from: start + 9) }
            guard start + 2 < bytes.count, bytes[start + 2].isASCIILetter else { return nil }
            return end(of: ">", from: start + 2)
        default:
            return nil
        }
    }

    /// Whether `</name` followed by a space, `/` or `>` starts at `start`, in any case.
    static func isCloseTag(named name: String, in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var index = start
        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") else { return false }
        index += 2
        for byte in name.utf8 {
            guard index < bytes.count, bytes[index] | 0x20 == byte else { return false }
            index += 1
        }
        return index < bytes.count && (bytes[index].isHTMLSpace || bytes[index] == UInt8(ascii: "/") || bytes[index] == UInt8(ascii: ">"))
    }

    /// Text between tags as written, except `<` and `>`, which are escaped.
    static func appendText(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to output: inout [UInt8]) {
        for byte in UnsafeBufferPointer(rebasing: bytes[range]) {
            switch byte {
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            default: output.append(byte)
            }
        }
    }

    static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    private static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]).map(\.asciiLowercased), as: UTF8.self)
    }
}

extension UInt8 {
    /// The white space that separates attributes in HTML (ASCII white space but vertical tab).
    var isHTMLSpace: Bool {
        self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0C || self == 0x0D
    }
}
