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
        var taken: [(span: SourceSpan, edit: TextEdit)] = []
        var byteEdits: [(range: Range<Int>, replacement: [UInt8])] = []
        for diagnostic in diagnostics {
            for fix in diagnostic.fixes {
                let new = fix.edits.filter { edit in !taken.contains { $0.edit == edit } }
                // The same edit made for two findings (one link reported by two rules) is made once.
                if new.isEmpty { outcome.applied += 1; continue }
                let ranges = new.map { map.range(of: $0.range) }
                let overlaps = new.contains { edit in taken.contains { $0.span.overlaps(edit.range) } }
                    || zip(new.indices, new.indices.dropFirst()).contains { new[$0].range.overlaps(new[$1].range) }
                guard !overlaps, ranges.allSatisfy({ $0 != nil }) else {
                    outcome.skippedOverlapping.append(diagnostic)
                    continue
                }
                for (edit, range) in zip(new, ranges) {
                    taken.append((edit.range, edit))
                    byteEdits.append((range!, Array(edit.replacement.utf8)))
                }
                outcome.applied += 1
            }
        }
        guard !byteEdits.isEmpty else { return outcome }
        byteEdits.sort { $0.range.lowerBound < $1.range.lowerBound }
        var fixed = original
        for edit in byteEdits.reversed() { fixed.replaceSubrange(edit.range, with: edit.replacement) }
        outcome.diff = UnifiedDiff.make(file: file, original: original, edits: byteEdits, map: map)
        guard write else { return outcome }
        if let failure = AtomicFileWrite.replace(url, expecting: original, with: fixed) {
            outcome.failure = "\(file): \(failure)"
            outcome.applied = 0
        }
        return outcome
    }
}
