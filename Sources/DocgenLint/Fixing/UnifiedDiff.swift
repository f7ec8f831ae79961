/// The unified diff (`diff -u`, three lines of context) of a file's bytes and the same bytes with
/// non-overlapping edits applied, made from the edited lines only: linear in the size of the file.
enum UnifiedDiff {
    private static let context = 3

    /// The diff of `original` with `edits` (sorted, not overlapping) applied, as `a/FILE` and `b/FILE`.
    static func make(file: String, original: [UInt8], edits: [(range: Range<Int>, replacement: [UInt8])], map: SourceByteMap) -> String {
        typealias Block = (first: Int, last: Int, edits: [(range: Range<Int>, replacement: [UInt8])])
        // Edits on the same lines make one block of removed and added lines; blocks whose context
        // would touch share a hunk, with the unchanged lines between them as context.
        var hunks: [[Block]] = []
        for edit in edits {
            let first = map.line(containing: edit.range.lowerBound)
            let last = max(first, map.line(containing: max(edit.range.upperBound - 1, edit.range.lowerBound)))
            // Changed in place, holding no copy of the block: a copy per edit would make a line of
            // many edits quadratic.
            let previousLast = hunks.last?.last?.last
            if let previousLast, first <= previousLast {
                let hunk = hunks.count - 1
                hunks[hunk][hunks[hunk].count - 1].last = max(previousLast, last)
                hunks[hunk][hunks[hunk].count - 1].edits.append(edit)
            } else if let previousLast, first <= previousLast + 2 * context + 1 {
                hunks[hunks.count - 1].append((first, last, [edit]))
            } else {
                hunks.append([(first, last, [edit])])
            }
        }
        let lineCount = map.line(containing: original.count)
        let name = file.hasPrefix("/") ? (old: file, new: file) : (old: "a/" + file, new: "b/" + file)
        var output = "--- \(name.old)\n+++ \(name.new)\n"
        var delta = 0
        for hunk in hunks {
            let before = max(1, hunk[0].first - context), after = min(lineCount, hunk[hunk.count - 1].last + context)
            var body = "", oldCount = 0, newCount = 0
            func add(_ prefix: String, _ lines: [(text: String, terminated: Bool)]) {
                for line in lines { body += prefix + line.text + "\n" + (line.terminated ? "" : noNewline) }
            }
            var unchangedFrom = before
            for block in hunk {
                let context = lines(original, from: map.lineStart(unchangedFrom)!, to: map.lineStart(block.first)!)
                let regionStart = map.lineStart(block.first)!, regionEnd = map.lineStart(block.last + 1) ?? original.count
                let region = FileFixer.applying(block.edits, to: original[regionStart..<regionEnd])
                let removed = lines(original, from: regionStart, to: regionEnd), added = lines(region, from: 0, to: region.count)
                add(" ", context)
                add("-", removed)
                add("+", added)
                oldCount += context.count + removed.count
                newCount += context.count + added.count
                unchangedFrom = block.last + 1
            }
            if unchangedFrom <= after {
                let trailing = lines(original, from: map.lineStart(unchangedFrom)!, to: map.lineStart(after + 1) ?? original.count)
                add(" ", trailing)
                oldCount += trailing.count
                newCount += trailing.count
            }
            output += "@@ -\(before),\(oldCount) +\(before + delta),\(newCount) @@\n" + body
            delta += newCount - oldCount
        }
        return output
    }

    private static let noNewline = "\\ No newline at end of file\n"

    /// The lines of `bytes[start..<end]`, without their line breaks.
    private static func lines(_ bytes: [UInt8], from start: Int, to end: Int) -> [(text: String, terminated: Bool)] {
        var result: [(text: String, terminated: Bool)] = []
        var lineStart = start, index = start
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                result.append((String(decoding: bytes[lineStart..<index], as: UTF8.self), true))
                index += byte == 0x0D && index + 1 < end && bytes[index + 1] == 0x0A ? 2 : 1
                lineStart = index
            } else {
                index += 1
            }
        }
        if lineStart < end { result.append((String(decoding: bytes[lineStart..<end], as: UTF8.self), false)) }
        return result
    }
}
