/// Counts a page's terms by their UTF-8 bytes in an open-addressing table: each word is hashed
/// once, with a cheap hash, and only distinct terms become Strings. Counting with a
/// `[String: Int]` made a String and a SipHash per word, a twentieth of a build.
struct TermCounter {
    /// The bytes of every distinct term, one after another.
    private var arena: [UInt8] = []
    private var entries: [(start: Int, length: Int, hash: UInt64, count: Int)] = []
    /// Entry numbers plus one; 0 marks a free slot. Its size is a power of two.
    private var slots = [Int32](repeating: 0, count: 1024)

    /// Counts one occurrence of the term whose bytes are `term`.
    mutating func add(_ term: UnsafeBufferPointer<UInt8>) {
        if entries.count * 2 >= slots.count { grow() }
        let hash = Self.hash(term)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let number = Int(slots[slot]) - 1
            if entries[number].hash == hash, holds(number, term) {
                entries[number].count += 1
                return
            }
            slot = (slot + 1) & mask
        }
        entries.append((arena.count, term.count, hash, 1))
        arena.append(contentsOf: term)
        slots[slot] = Int32(entries.count)
    }

    /// The counts by term. Terms that are equal as Strings (one spelled with a precomposed
    /// letter, one with a combining mark) are counted together, as a `[String: Int]` would.
    var counts: [String: Int] {
        var result: [String: Int] = [:]
        result.reserveCapacity(entries.count)
        arena.withUnsafeBufferPointer { bytes in
            for entry in entries {
                let term = String(decoding: UnsafeBufferPointer(rebasing: bytes[entry.start..<(entry.start + entry.length)]), as: UTF8.self)
                result[term, default: 0] += entry.count
            }
        }
        return result
    }

    private func holds(_ number: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let entry = entries[number]
        guard entry.length == term.count else { return false }
        return arena.withUnsafeBufferPointer { bytes in
            for offset in 0..<term.count where bytes[entry.start + offset] != term[offset] { return false }
            return true
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for number in entries.indices {
            var slot = Int(truncatingIfNeeded: entries[number].hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }

    /// FNV-1a over the bytes, with a final mix so the low bits used for slots depend on all of them.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }
}
