import CDocgenSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// The UTF-8 offsets where `needle` starts, in order, found with `memmem`; occurrences do not
    /// overlap.
    public func utf8Offsets(of needle: StaticString) -> [Int] {
        var text = self
        return text.withUTF8 { bytes in
            var offsets: [Int] = []
            guard let base = bytes.baseAddress else { return offsets }
            var from = 0
            while from < bytes.count {
                let found = docgen_find_bytes(base + from, bytes.count - from, needle.utf8Start, needle.utf8CodeUnitCount)
                guard found >= 0 else { break }
                offsets.append(from + found)
                from += found + max(needle.utf8CodeUnitCount, 1)
            }
            return offsets
        }
    }

    /// The UTF-8 offsets where the bytes of `needle` start, in order, found with `memmem`;
    /// occurrences do not overlap.
    public func utf8Offsets(of needle: [UInt8]) -> [Int] {
        var text = self
        return text.withUTF8 { bytes in
            needle.withUnsafeBufferPointer { needle in
                var offsets: [Int] = []
                guard let base = bytes.baseAddress, let needleBase = needle.baseAddress else { return offsets }
                var from = 0
                while from < bytes.count {
                    let found = docgen_find_bytes(base + from, bytes.count - from, needleBase, needle.count)
                    guard found >= 0 else { break }
                    offsets.append(from + found)
                    from += found + needle.count
                }
                return offsets
            }
        }
    }

    /// The index of the first UTF-8 `byte` at or after `start`, found with `memchr` rather than
    /// the UTF-8 view's element-by-element `firstIndex(of:)`.
    public func utf8Index(of byte: UInt8, from start: String.Index) -> String.Index? {
        let startOffset = utf8.distance(from: utf8.startIndex, to: start)
        let found = utf8.withContiguousStorageIfAvailable { buffer -> Int? in
            guard startOffset < buffer.count, let base = buffer.baseAddress,
                  let hit = memchr(base + startOffset, Int32(byte), buffer.count - startOffset) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        guard let found else { return utf8[start...].firstIndex(of: byte) }
        return found.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }
}

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
        guard let first = scalars.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isWhitespace })!
        return String(text.unicodeScalars[first...last])
    }

    /// Whether the string starts with `prefix`, ignoring the case of ASCII letters.
    public func hasPrefixIgnoringASCIICase(_ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        var index = utf8.startIndex
        for offset in 0..<count {
            guard index != utf8.endIndex else { return false }
            guard utf8[index].asciiLowercased == prefix.utf8Start[offset].asciiLowercased else { return false }
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

extension UInt8 {
    /// The byte with an ASCII capital letter lowered; any other byte as it is.
    public var asciiLowercased: UInt8 {
        self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") ? self | 0x20 : self
    }

    /// Whether the byte is an ASCII letter, either case.
    public var isASCIILetter: Bool {
        self | 0x20 >= UInt8(ascii: "a") && self | 0x20 <= UInt8(ascii: "z")
    }

    /// Whether the byte is an ASCII digit.
    public var isASCIIDigit: Bool {
        self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9")
    }

    /// Whether the byte is ASCII white space: space, tab, line feed, vertical tab, form feed or
    /// carriage return, the ASCII part of Unicode's White_Space.
    public var isASCIIWhitespace: Bool {
        self == UInt8(ascii: " ") || (0x09...0x0D).contains(self)
    }
}

extension Unicode.Scalar {
    /// Whether the scalar has Unicode's White_Space property (what Foundation's
    /// `.whitespacesAndNewlines` holds), answered for ASCII without a property lookup.
    public var isWhitespace: Bool {
        isASCII ? UInt8(value).isASCIIWhitespace : properties.isWhitespace
    }
}
