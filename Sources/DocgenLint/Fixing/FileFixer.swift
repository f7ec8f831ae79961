import DocgenCore
import DocgenMarkup
import Foundation

/// Applies the fixes of one file's diagnostics to its bytes: every edit is mapped to the bytes
/// the file holds (byte order mark, line endings and everything around the edits kept); a fix
/// that overlaps one taken before it is left for the next run; and the file is only written when
/// it still holds the bytes the fixes were made for.
public struct FileFixer {
    /// What fixing one file did or would do.
    public struct Outcome: Sendable {
        /// The file as the diagnostics name it.
        public var file: String
        /// Fixes applied (or, for a dry run, that would be).
        public var applied = 0
        /// Fixes left out because they overlap one applied before them.
        public var skippedOverlapping: [Diagnostic] = []
        /// The change as a unified diff; empty when nothing changes.
        public var diff = ""
        /// Why the file was not fixed, when it was not.
        public var failure: String?
    }

    /// The file as the diagnostics name it.
    public let file: String
    /// Where it is on disk.
    public let url: URL

    /// A fixer for `file`, found at `url`.
    public init(file: String, url: URL) {
        self.file = file
        self.url = url
    }

    /// Fixes `diagnostics` (those of this file) in the file; `linted` is the text the findings
    /// were made from, so a file edited since is left alone. With `write` false, only the diff
    /// is made.
    public func fix(_ diagnostics: [Diagnostic], linted: SourceText?, write: Bool) -> Outcome {
        var outcome = Outcome(file: file)
        guard let data = try? Data(contentsOf: url) else {
            outcome.failure = "\(file): cannot be read; its fixes were not applied."
            return outcome
        }
        let original = [UInt8](data)
        let decoded = FileText(data)
        guard decoded.invalidUTF8Line == nil, !decoded.isBinary else {
            outcome.failure = "\(file): is not valid UTF-8 text; its fixes were not applied."
            return outcome
        }
        if let linted, SourceText(decoded.text).lines != linted.lines {
            outcome.failure = "\(file): changed since it was linted; its fixes were not applied. Run docgen lint --fix again."
            return outcome
        }
        let map = SourceByteMap(original)
        let offsets = map.offsets(of: diagnostics.flatMap { $0.fixes.flatMap { $0.edits.flatMap { [$0.range.start, $0.range.end] } } })
        var made = Set<TextEdit>()
        // Taken byte ranges, sorted and not overlapping: a new one is checked against its neighbours.
        var byteEdits: [(range: Range<Int>, replacement: [UInt8])] = []
        for diagnostic in diagnostics {
            for fix in diagnostic.fixes {
                // The same edit made for two findings (one link reported by two rules) is made once.
                let new = fix.edits.filter { !made.contains($0) }
                if new.isEmpty { outcome.applied += 1; continue }
                let ranges = new.compactMap { edit -> Range<Int>? in
                    guard let start = offsets[edit.range.start], let end = offsets[edit.range.end], start <= end else { return nil }
                    return start..<end
                }
                let clashes = ranges.count != new.count
                    || ranges.indices.contains { index in ranges[(index + 1)...].contains { Self.overlap($0, ranges[index]) } }
                    || ranges.contains { range in
                        let index = Self.insertionIndex(of: range, in: byteEdits)
                        return (max(index - 1, 0)..<min(index + 1, byteEdits.count)).contains { Self.overlap(byteEdits[$0].range, range) }
                    }
                guard !clashes else {
                    outcome.skippedOverlapping.append(diagnostic)
                    continue
                }
                for (edit, range) in zip(new, ranges) {
                    made.insert(edit)
                    byteEdits.insert((range, Array(edit.replacement.utf8)), at: Self.insertionIndex(of: range, in: byteEdits))
                }
                outcome.applied += 1
            }
        }
        guard !byteEdits.isEmpty else { return outcome }
        let fixed = Self.applying(byteEdits, to: original[...])
        outcome.diff = UnifiedDiff.make(file: file, original: original, edits: byteEdits, map: map)
        guard write else { return outcome }
        if let failure = AtomicFileWrite.replace(url, expecting: original, with: fixed) {
            outcome.failure = "\(file): \(failure)"
            outcome.applied = 0
        }
        return outcome
    }

    /// `bytes` (a slice of the file, indexed as the file) with `edits` (sorted, not overlapping,
    /// inside the slice) applied, built front to back in one pass.
    static func applying(_ edits: [(range: Range<Int>, replacement: [UInt8])], to bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var copied = bytes.startIndex
        for edit in edits {
            result += bytes[copied..<edit.range.lowerBound]
            result += edit.replacement
            copied = edit.range.upperBound
        }
        result += bytes[copied...]
        return result
    }

    /// Whether two byte ranges share a byte, or one inserts inside (or at the start of) the other.
    static func overlap(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        if a.isEmpty || b.isEmpty {
            return a.lowerBound == b.lowerBound || (a.lowerBound > b.lowerBound && a.lowerBound < b.upperBound) || (b.lowerBound > a.lowerBound && b.lowerBound < a.upperBound)
        }
        return a.overlaps(b)
    }

    /// Where `range` goes among `edits` sorted by start.
    private static func insertionIndex(of range: Range<Int>, in edits: [(range: Range<Int>, replacement: [UInt8])]) -> Int {
        var low = 0, high = edits.count
        while low < high {
            let middle = (low + high) / 2
            if edits[middle].range.lowerBound < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
