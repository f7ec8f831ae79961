import DocgenMarkup

/// Character references in attribute values, decoded before an attribute is checked.
extension HTMLSanitizer {
    /// Decodes character references as CommonMark and browsers do: every HTML5 named reference
    /// (with its `;`), and decimal and hexadecimal ones (invalid code points become U+FFFD).
    /// The value is escaped again when written, so a browser reads exactly what was checked.
    static func decodeCharacterReferences(_ value: String) -> String {
        var value = value
        return value.withUTF8 { decodeCharacterReferences($0, 0..<$0.count) }
    }

    static func decodeCharacterReferences(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        var result = ""
        var index = range.lowerBound
        var copied = index
        while index < range.upperBound {
            guard bytes[index] == UInt8(ascii: "&"),
                  let (decoded, end) = characterReference(bytes, at: index, before: range.upperBound) else {
                index += 1
                continue
            }
            result += String(decoding: UnsafeBufferPointer(rebasing: bytes[copied..<index]), as: UTF8.self)
            result += decoded
            index = end
            copied = end
        }
        result += String(decoding: UnsafeBufferPointer(rebasing: bytes[copied..<range.upperBound]), as: UTF8.self)
        return result
    }

    /// The reference starting at `start` (an `&`) and the index past its `;`.
    private static func characterReference(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, before limit: Int) -> (String, Int)? {
        var index = start + 1
        if index < limit, bytes[index] == UInt8(ascii: "#") {
            index += 1
            var radix: UInt32 = 10
            if index < limit, bytes[index] | 0x20 == UInt8(ascii: "x") { radix = 16; index += 1 }
            let digitsStart = index
            var code: UInt32 = 0
            while index < limit, index - digitsStart < 8, let digit = Self.digit(bytes[index], radix: radix) {
                code = code * radix + digit
                index += 1
            }
            // CommonMark: 1-7 decimal or 1-6 hexadecimal digits, then `;`.
            let count = index - digitsStart
            guard count > 0, count <= (radix == 10 ? 7 : 6), index < limit, bytes[index] == UInt8(ascii: ";") else { return nil }
            let scalar = code == 0 ? nil : Unicode.Scalar(code)
            return (String(Character(scalar ?? "\u{FFFD}")), index + 1)
        }
        let nameStart = index
        while index < limit, index - nameStart <= HTMLEntities.longestName, bytes[index].isASCIILetter || bytes[index].isASCIIDigit {
            index += 1
        }
        guard index > nameStart, index < limit, bytes[index] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<index]), as: UTF8.self)
        guard let value = HTMLEntities.value(named: Substring(name)) else { return nil }
        return (value, index + 1)
    }

    private static func digit(_ byte: UInt8, radix: UInt32) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
