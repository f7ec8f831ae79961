/// Escaping for text and attribute values that came from content.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>`, `"` and `'`, safe both in text and in quoted attribute values.
    public static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "'" }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// True when a URL is safe to put in `href`/`src`: no `javascript:`, `vbscript:` or `data:`
    /// (except `data:image/` raster images), checked after removing the control characters and
    /// spaces browsers ignore.
    public static func isSafeURL(_ url: String) -> Bool {
        let compact = url.unicodeScalars.filter { $0.value > 0x20 }.map(String.init).joined().lowercased()
        if compact.hasPrefix("javascript:") || compact.hasPrefix("vbscript:") { return false }
        if compact.hasPrefix("data:") {
            return compact.hasPrefix("data:image/png") || compact.hasPrefix("data:image/jpeg") || compact.hasPrefix("data:image/gif") || compact.hasPrefix("data:image/webp")
        }
        return true
    }
}
