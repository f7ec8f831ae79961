import CDocgenSystem

extension StringProtocol {
    /// Whether `needle` occurs in the string, compared byte by byte in UTF-8 with `memmem`. Much
    /// faster than Foundation's `contains(_:)`, which goes through NSString; used on every line
    /// of every page.
    public func containsBytes(_ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard count > 0 else { return true }
        let fast = utf8.withContiguousStorageIfAvailable { haystack -> Bool in
            guard let base = haystack.baseAddress, haystack.count >= count else { return false }
            return docgen_contains_bytes(base, haystack.count, needle.utf8Start, count) != 0
        }
        if let fast { return fast }
        var copy = String(self)
        return copy.withUTF8 { haystack in
            guard let base = haystack.baseAddress, haystack.count >= count else { return false }
            return docgen_contains_bytes(base, haystack.count, needle.utf8Start, count) != 0
        }
    }
}

extension StringProtocol {
    /// Whether `needle` occurs in the string, compared byte by byte in UTF-8 (`memmem`).
    public func containsUTF8(_ needle: String) -> Bool {
        var pattern = needle
        return pattern.withUTF8 { needleBytes in
            guard let needleBase = needleBytes.baseAddress, !needleBytes.isEmpty else { return true }
            var haystack = String(self)
            return haystack.withUTF8 { bytes in
                guard let base = bytes.baseAddress, bytes.count >= needleBytes.count else { return false }
                return docgen_contains_bytes(base, bytes.count, needleBase, needleBytes.count) != 0
            }
        }
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces (U+0020 only), found by scanning UTF-8
    /// bytes instead of going through NSString as `trimmingCharacters(in:)` does.
    public func trimmingSpaces() -> String {
        let text = Substring(self)
        guard let first = text.utf8.firstIndex(where: { $0 != 0x20 }) else { return "" }
        let last = text.utf8.lastIndex(where: { $0 != 0x20 })!
        return String(text[first...last])
    }

    /// The string without leading and trailing white space and line breaks: the characters
    /// Foundation's `.whitespacesAndNewlines` holds (Unicode's White_Space property), found by
    /// scanning scalars instead of going through NSString.
    public func trimmingWhitespace() -> String {
        let text = Substring(self)
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(text.unicodeScalars[first...last])
    }

    /// Whether the string starts with `prefix`, ignoring the case of ASCII letters.
    public func hasPrefixIgnoringASCIICase(_ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        var index = utf8.startIndex
        for offset in 0..<count {
            guard index != utf8.endIndex else { return false }
            let expected = prefix.utf8Start[offset]
            let byte = utf8[index]
            let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            let wanted = expected >= 0x41 && expected <= 0x5A ? expected | 0x20 : expected
            guard folded == wanted else { return false }
            index = utf8.index(after: index)
        }
        return true
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs in the bytes (`memmem`).
    public func containsBytes(_ needle: some Collection<UInt8>) -> Bool {
        let pattern = Array(needle)
        guard !pattern.isEmpty else { return true }
        guard count >= pattern.count else { return false }
        return withUnsafeBufferPointer { haystack in
            pattern.withUnsafeBufferPointer { needle in
                docgen_contains_bytes(haystack.baseAddress!, haystack.count, needle.baseAddress!, needle.count) != 0
            }
        }
    }
}
