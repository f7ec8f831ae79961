import Foundation

/// Pretty-printed, key-sorted JSON, byte for byte as Foundation's `JSONSerialization` writes it
/// with `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`, but written straight into a
/// byte buffer: a report of a large doc set has tens of thousands of diagnostics, and
/// `JSONSerialization` spent a second on them, on one core, after the parallel lint was done.
enum PrettyJSON {
    /// An array written as `[Any]` is, whose elements are made one at a time as they are
    /// written: a report of 800,000 diagnostics as dictionaries took more memory than the rest
    /// of the run.
    struct Elements {
        let count: Int
        let element: (Int) -> Any
    }

    /// The text of `object`: dictionaries with string keys, arrays, strings, integers and Booleans.
    static func text(_ object: Any) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        write(object, indent: 0, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func write(_ value: Any, indent: Int, into output: inout [UInt8]) {
        switch value {
        case let string as String:
            writeString(string, into: &output)
        case let bool as Bool:
            output.append(contentsOf: Array((bool ? "true" : "false").utf8))
        case let int as Int:
            output.append(contentsOf: Array(String(int).utf8))
        case let array as Elements:
            output.append(UInt8(ascii: "["))
            output.append(UInt8(ascii: "\n"))
            for index in 0..<array.count {
                if index > 0 { output.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]) }
                writeIndent(indent + 1, into: &output)
                write(array.element(index), indent: indent + 1, into: &output)
            }
            output.append(UInt8(ascii: "\n"))
            writeIndent(indent, into: &output)
            output.append(UInt8(ascii: "]"))
        case let array as [Any]:
            output.append(UInt8(ascii: "["))
            output.append(UInt8(ascii: "\n"))
            for (index, element) in array.enumerated() {
                if index > 0 { output.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]) }
                writeIndent(indent + 1, into: &output)
                write(element, indent: indent + 1, into: &output)
            }
            output.append(UInt8(ascii: "\n"))
            writeIndent(indent, into: &output)
            output.append(UInt8(ascii: "]"))
        case let dictionary as [String: Any]:
            output.append(UInt8(ascii: "{"))
            output.append(UInt8(ascii: "\n"))
            for (index, key) in sortedKeys(dictionary).enumerated() {
                if index > 0 { output.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]) }
                writeIndent(indent + 1, into: &output)
                writeString(key, into: &output)
                output.append(contentsOf: Array(" : ".utf8))
                write(dictionary[key]!, indent: indent + 1, into: &output)
            }
            output.append(UInt8(ascii: "\n"))
            writeIndent(indent, into: &output)
            output.append(UInt8(ascii: "}"))
        default:
            // Not produced by the reports; Foundation writes anything else it accepts.
            let data = (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])) ?? Data("null".utf8)
            output.append(contentsOf: data)
        }
    }

    /// Foundation's `.sortedKeys` order: case-insensitive first, then by code point.
    static func sortedKeys(_ dictionary: [String: Any]) -> [String] {
        dictionary.keys.sorted { left, right in
            let (a, b) = (left.lowercased(), right.lowercased())
            return a == b ? left < right : a < b
        }
    }

    private static func writeIndent(_ level: Int, into output: inout [UInt8]) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func writeString(_ string: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0xF)])
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
