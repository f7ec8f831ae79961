import Foundation

/// What the run cache keeps of a command's result, written in ``CacheWriter``'s compact binary
/// form. A build with nothing changed spends its time reading the entry back: Foundation's
/// JSON decoder took half a second for the 55,000 findings of a 10,000-page site.
public protocol CacheCodable {
    /// Writes the value.
    func write(to writer: inout CacheWriter)
    /// Reads a value written by ``write(to:)``; throws on bytes it did not write.
    init(from reader: inout CacheReader) throws(CacheReader.Malformed)
}

/// Writes integers as variable-length numbers and strings as UTF-8, each distinct string once:
/// a site's findings repeat the same files, rule ids and messages many times.
public struct CacheWriter {
    /// What has been written.
    public private(set) var bytes: [UInt8] = []
    /// Keyed by the strings' bytes: `String` compares by canonical equivalence, and an NFD "é"
    /// written as a reference to an NFC one would come back with the other's bytes.
    private var strings: [StringBytes: Int] = [:]

    private struct StringBytes: Hashable {
        let value: String

        static func == (lhs: StringBytes, rhs: StringBytes) -> Bool {
            guard lhs.value.utf8.count == rhs.value.utf8.count else { return false }
            // Native strings are contiguous: the bytes are compared in place, not one by one.
            var left = lhs.value, right = rhs.value
            return left.withUTF8 { leftBytes in
                right.withUTF8 { rightBytes in leftBytes.count == 0 || memcmp(leftBytes.baseAddress!, rightBytes.baseAddress!, leftBytes.count) == 0 }
            }
        }

        func hash(into hasher: inout Hasher) {
            var copy = value
            copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    /// Creates an empty writer.
    public init() {}

    /// Writes a whole number (zigzag, 7 bits a byte: small numbers of either sign take one byte).
    public mutating func write(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Writes a flag.
    public mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    /// Writes a string: the number of an earlier equal string, or 0 and the string's bytes.
    public mutating func write(_ value: String) {
        if let known = strings[StringBytes(value: value)] {
            write(known + 1)
            return
        }
        strings[StringBytes(value: value)] = strings.count
        write(0)
        write(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    /// Writes an optional string: a flag, then the string when there is one.
    public mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    /// Writes bytes another writer made, as they are: a part of an entry that a reader decodes
    /// only when it needs it (its strings are its own writer's).
    public mutating func write(bytes value: [UInt8]) {
        write(value.count)
        bytes.append(contentsOf: value)
    }

    /// Writes a list of values that write themselves.
    public mutating func write(_ values: [some CacheCodable]) {
        write(values) { $1.write(to: &$0) }
    }

    /// Writes a list: its length, then each element with `element`.
    public mutating func write<Element>(_ values: [Element], _ element: (inout CacheWriter, Element) -> Void) {
        write(values.count)
        for value in values { element(&self, value) }
    }
}

/// Reads what ``CacheWriter`` wrote, refusing anything else without trusting a length or an index.
public struct CacheReader {
    /// Bytes that ``CacheWriter`` did not write, or not for this type.
    public struct Malformed: Error {
        /// The error.
        public init() {}
    }

    private let bytes: [UInt8]
    private var offset = 0
    private var strings: [String] = []

    /// A reader of `bytes`.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset == bytes.count }

    /// Reads a whole number.
    public mutating func int() throws(Malformed) -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Malformed() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let value = Int64(bitPattern: result >> 1) ^ -Int64(bitPattern: result & 1)
        return Int(value)
    }

    /// Reads a count: a whole number no larger than what is left to read.
    public mutating func count() throws(Malformed) -> Int {
        let value = try int()
        guard value >= 0, value <= bytes.count - offset else { throw Malformed() }
        return value
    }

    /// Reads a flag.
    public mutating func bool() throws(Malformed) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Malformed() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    /// Reads a string.
    public mutating func string() throws(Malformed) -> String {
        let reference = try int()
        if reference > 0 {
            guard reference <= strings.count else { throw Malformed() }
            return strings[reference - 1]
        }
        guard reference == 0 else { throw Malformed() }
        let length = try count()
        let value = String(decoding: bytes[offset..<offset + length], as: UTF8.self)
        offset += length
        strings.append(value)
        return value
    }

    /// Reads bytes written by ``CacheWriter/write(bytes:)``.
    public mutating func rawBytes() throws(Malformed) -> [UInt8] {
        let length = try count()
        defer { offset += length }
        return Array(bytes[offset..<offset + length])
    }

    /// Reads an optional string (a flag, then the string when there is one).
    public mutating func optionalString() throws(Malformed) -> String? {
        try bool() ? try string() : nil
    }

    /// Reads a list of `Element`s, each written by its own ``CacheCodable/write(to:)``.
    public mutating func list<Element: CacheCodable>(of _: Element.Type) throws(Malformed) -> [Element] {
        try list { reader throws(Malformed) in try Element(from: &reader) }
    }

    /// Reads a list written by ``CacheWriter/write(_:_:)``.
    public mutating func list<Element>(_ element: (inout CacheReader) throws(Malformed) -> Element) throws(Malformed) -> [Element] {
        // Every element takes a byte at least, so a count is never larger than the bytes left.
        let count = try count()
        var result: [Element] = []
        // A count is checked against the bytes, not against memory: reserve no more than a little.
        result.reserveCapacity(min(count, 1024))
        for _ in 0..<count { result.append(try element(&self)) }
        return result
    }
}
