import DocgenMarkup
/// Finds the bookmark targets in raw HTML: every `id` and `name` attribute value of a tag, in any
/// syntax HTML allows (`name="x"`, `name='x'`, `name = "x"`, `name=x`, any letter case).
public enum HTMLAnchors {
    /// The `id` and `name` values in `html`.
    public static func ids(in html: String) -> [String] {
        guard html.utf8.contains(UInt8(ascii: "=")) else { return [] }
        let bytes = Array(html.utf8)
        var result: [String] = []
        var index = 0
        // One pass: inside a tag, read `name [= value]` pairs; outside, skip to the next `<`.
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, bytes[index + 1].isASCIILetter else { index += 1; continue }
            index += 1
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                if isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1; continue }
                let nameStart = index
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") { index += 1 }
                let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
                var after = index
                while after < bytes.count, isSpace(bytes[after]) { after += 1 }
                guard after < bytes.count, bytes[after] == UInt8(ascii: "=") else { continue }
                index = after + 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count else { break }
                let value: ArraySlice<UInt8>
                if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let start = index + 1
                    index = start
                    while index < bytes.count, bytes[index] != quote { index += 1 }
                    value = bytes[start..<index]
                    index += 1
                } else {
                    let start = index
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = bytes[start..<index]
                }
                if name == "id" || name == "name" { result.append(String(decoding: value, as: UTF8.self)) }
            }
        }
        return result
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
