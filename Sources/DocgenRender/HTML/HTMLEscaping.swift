import DocgenMarkup

/// Escaping for text and attribute values that came from content.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>`, `"` and `'`, safe both in text and in quoted attribute values.
    public static func escape(_ text: String) -> String {
        // Bytes, not Characters: faster, and a quote followed by a combining mark (one Character)
        // is escaped too, where comparing Characters would have let it through.
        var text = text
        let escaped = text.withUTF8 { bytes -> String? in
            func isSpecial(_ byte: UInt8) -> Bool {
                byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
            }
            // Most text has nothing to escape: the same string is returned then.
            guard let first = bytes.firstIndex(where: isSpecial) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            for byte in UnsafeBufferPointer(rebasing: bytes[first...]) {
                switch byte {
                case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): result.append(contentsOf: "&#39;".utf8)
                default: result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// Percent-encodes a URL as cmark-gfm does for `href` and `src`: bytes outside the characters
    /// URLs use (letters, digits and `-_.+!*'(),%#@?=;:/&$~`) become `%XX`, so `/my uri` is
    /// `/my%20uri` and `%20` already written stays. Escape the result for HTML after this.
    public static func encodeURL(_ url: String) -> String {
        func isKept(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "-_.+!*'(),%#@?=;:/&$~".utf8.contains(byte)
            }
        }
        // Most URLs need nothing: the same string is returned then.
        guard url.utf8.contains(where: { !isKept($0) }) else { return url }
        let hex = Array("0123456789ABCDEF".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(url.utf8.count + 16)
        for byte in url.utf8 {
            if isKept(byte) {
                result.append(byte)
            } else {
                result.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Percent-encodes only spaces and control characters, which no URL may hold as written: for
    /// URLs in raw HTML, which cmark-gfm passes on as written. Nothing a browser reads
    /// differently is changed (a `\\` stays, where `%5C` would not be read as `/`).
    public static func encodeSpacesAndControls(_ url: String) -> String {
        guard url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else { return url }
        let hex = Array("0123456789ABCDEF".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(url.utf8.count + 16)
        for byte in url.utf8 {
            if byte <= 0x20 || byte == 0x7F {
                result.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// True when a URL is safe to put in `href`/`src`: no `javascript:`, `vbscript:` or `data:`
    /// (except `data:image/` raster images), checked after removing the control characters and
    /// spaces browsers ignore.
    public static func isSafeURL(_ url: String) -> Bool {
        // Most URLs start with a byte that begins none of the schemes ("h", "/", ".", "#"): decided there.
        if let first = url.utf8.first(where: { $0 > 0x20 }), first < 0x80 {
            let lower = first.asciiLowercased
            if lower != UInt8(ascii: "j"), lower != UInt8(ascii: "v"), lower != UInt8(ascii: "d") { return true }
        }
        // Only the start matters: its first scalars above U+0020, lower-cased. ASCII is folded
        // byte by byte; anything else takes Unicode's lower-casing, as browsers compare schemes.
        let leading = url.unicodeScalars.lazy.filter { $0.value > 0x20 }.prefix(16)
        let compact = leading.allSatisfy(\.isASCII)
            ? String(String.UnicodeScalarView(leading.map { $0.value >= 0x41 && $0.value <= 0x5A ? Unicode.Scalar($0.value | 0x20)! : $0 }))
            : String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
        if compact.hasPrefix("javascript:") || compact.hasPrefix("vbscript:") { return false }
        if compact.hasPrefix("data:") {
            return compact.hasPrefix("data:image/png") || compact.hasPrefix("data:image/jpeg") || compact.hasPrefix("data:image/gif") || compact.hasPrefix("data:image/webp")
        }
        return true
    }
}
