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
