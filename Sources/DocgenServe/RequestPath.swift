/// Turns the target of an HTTP request into a root-relative path of the site, refusing anything
/// that could name a file outside it. The result is only ever used as a key into the in-memory
/// site and the content file list, never joined onto a folder, but it is checked as strictly as
/// if it were.
public enum RequestPath {
    /// What a request target resolves to.
    public enum Resolution: Equatable, Sendable {
        /// A root-relative, percent-decoded path such as `by-role/developer.html`; a target
        /// ending in `/` names that folder's `index.html`.
        case path(String)
        /// A malformed or hostile target: answer 400.
        case badRequest(String)
    }

    /// The longest target accepted.
    public static let maximumLength = 2048

    /// Resolves a request target (`/a/b.html?x=1`). Refused with `.badRequest`: a target that does
    /// not start with `/` (absolute or authority form), `..` or `.` segments (also when
    /// percent-encoded), empty (doubled) segments, backslashes, NUL and other control characters,
    /// encoded `/`, `\` or `%` (double encoding), malformed escapes and invalid UTF-8.
    public static func resolve(_ target: String) -> Resolution {
        guard target.utf8.count <= maximumLength else { return .badRequest("request target too long") }
        var raw = Substring(target)
        if let end = raw.firstIndex(where: { $0 == "?" || $0 == "#" }) { raw = raw[..<end] }
        guard raw.first == "/" else { return .badRequest("request target must start with /") }
        let body = raw.dropFirst()
        if body.isEmpty { return .path("index.html") }
        var segments: [String] = []
        let parts = body.split(separator: "/", omittingEmptySubsequences: false)
        for (offset, part) in parts.enumerated() {
            if part.isEmpty {
                // Only a trailing slash may leave an empty segment: `/a//b` and `//x` are refused.
                guard offset == parts.count - 1 else { return .badRequest("empty path segment") }
                segments.append("index.html")
                continue
            }
            switch decodeSegment(part) {
            case .failure(let refusal): return .badRequest(refusal.text)
            case .success(let segment): segments.append(segment)
            }
        }
        return .path(segments.joined(separator: "/"))
    }

    private static func decodeSegment(_ segment: Substring) -> Result<String, RequestPath.RefusalReason> {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(segment.utf8.count)
        var iterator = segment.utf8.makeIterator()
        while let byte = iterator.next() {
            var value = byte
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return .failure(.init("malformed percent escape"))
                }
                value = high << 4 | low
                switch value {
                case UInt8(ascii: "/"), UInt8(ascii: "\\"): return .failure(.init("encoded path separator"))
                case UInt8(ascii: "%"): return .failure(.init("double percent encoding"))
                default: break
                }
            }
            if value == UInt8(ascii: "\\") { return .failure(.init("backslash in path")) }
            if value < 0x20 || value == 0x7F { return .failure(.init("control character in path")) }
            bytes.append(value)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        // Decoding replaces invalid sequences, so a round trip that changes the bytes means invalid UTF-8.
        guard text.utf8.elementsEqual(bytes) else { return .failure(.init("invalid UTF-8 in path")) }
        if text == "." || text == ".." { return .failure(.init("dot segment in path")) }
        // Windows-style alternate spellings of the parent folder ("..." or ". .") are not names
        // a site uses; refuse segments made only of dots and spaces.
        if text.allSatisfy({ $0 == "." || $0 == " " }) { return .failure(.init("dot segment in path")) }
        return .success(text)
    }

    /// Why a segment was refused.
    struct RefusalReason: Error {
        var text: String
        init(_ text: String) { self.text = text }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
