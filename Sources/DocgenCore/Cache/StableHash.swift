/// A 128-bit hash of bytes that is the same in every process and on every run (Swift's `Hasher`
/// is seeded per process), for telling whether a cache entry's inputs changed. It is not
/// cryptographic: it guards against accidental change, not against someone forging a file.
public struct StableHash: Sendable {
    private var low: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var high: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var length: UInt64 = 0

    /// An empty hash.
    public init() {}

    /// Adds `bytes`; eight at a time, in two lanes with different multipliers.
    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        let count = bytes.count
        while offset + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            low = Self.mix(low ^ word, 0xFF51_AFD7_ED55_8CCD)
            high = Self.mix(high &+ word, 0xC4CE_B9FE_1A85_EC53)
            offset += 8
        }
        if offset < count {
            var tail: UInt64 = 0
            for index in offset..<count { tail = tail << 8 | UInt64(bytes[index]) }
            // The tail's length goes in too, so "a" and "\0a" differ.
            tail ^= UInt64(count - offset) << 56
            low = Self.mix(low ^ tail, 0xFF51_AFD7_ED55_8CCD)
            high = Self.mix(high &+ tail, 0xC4CE_B9FE_1A85_EC53)
        }
        length &+= UInt64(count)
    }

    /// Adds a string's UTF-8 bytes and a terminator, so that ("ab", "c") and ("a", "bc") differ.
    public mutating func add(_ string: String) {
        var string = string
        string.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        add(UInt64.max)
    }

    /// Adds an integer.
    public mutating func add(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { add($0) }
    }

    /// Adds the bytes of `data`.
    public mutating func add(_ data: [UInt8]) {
        data.withUnsafeBytes { add($0) }
        add(UInt64(data.count))
    }

    /// The hash as 32 lowercase hex digits.
    public var hex: String {
        var a = low ^ length
        var b = high ^ (length &* 0x9E37_79B9_7F4A_7C15)
        a = Self.finish(a &+ b)
        b = Self.finish(b ^ a)
        return Self.hex(a) + Self.hex(b)
    }

    /// The hash of one string.
    public static func of(_ string: String) -> String {
        var hash = StableHash()
        hash.add(string)
        return hash.hex
    }

    private static func mix(_ value: UInt64, _ multiplier: UInt64) -> UInt64 {
        let product = value &* multiplier
        return (product << 29 | product >> 35) &* 0x9E37_79B9_7F4A_7C15
    }

    /// MurmurHash3's 64-bit finaliser: every input bit reaches every output bit.
    private static func finish(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value = value &* 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value = value &* 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
