import DocgenCore
import DocgenMarkup

/// How rules make the edits of their fixes: text is found in the file's own source lines (the
/// page's, or an include file's for findings inside one) and checked there, so an edit is only
/// made where the source says exactly what the rule expects. Columns count Unicode scalars, as
/// ``SourceText`` does; `docgen lint --fix` maps them back to the file's bytes.
public struct SourceEdits {
    /// The lines of the file the edits are for.
    public let source: SourceText

    /// Edits of the file whose lines are `source`.
    public init(_ source: SourceText) { self.source = source }

    /// How far after a finding's position a fix looks for the text it edits, in characters: a
    /// link's text and destination are shorter, and the bound keeps a line of many findings linear.
    static let searchWindow = 4_096

    /// Up to `count` scalars of line `number` from the 1-based `column` (clamped to 1), with the
    /// column of the first; found from the nearest column mark, so a long line is not walked
    /// from its start for every finding on it.
    func window(_ number: Int, from column: Int, count: Int) -> (column: Int, scalars: [Unicode.Scalar]) {
        let column = max(column, 1)
        let line = source.line(number)
        guard let offset = source.utf8Offset(line: number, column: column) else { return (column, []) }
        let start = line.utf8.index(line.utf8.startIndex, offsetBy: offset)
        return (column, Array(line[start...].unicodeScalars.prefix(count)))
    }

    /// The scalars of line `number` (empty when out of range).
    func scalars(_ number: Int) -> [Unicode.Scalar] { Array(source.line(number).unicodeScalars) }

    /// The span of `text` when line `position.line` holds it exactly at `position.column`.
    public func span(of text: String, at position: SourcePosition) -> SourceSpan? {
        let needle = Array(text.unicodeScalars)
        guard !needle.isEmpty, window(position.line, from: position.column, count: needle.count).scalars == needle, position.column >= 1 else { return nil }
        return SourceSpan(start: position, characters: needle.count)
    }

    /// The first place at or after `position` on its line (within ``searchWindow``) where `text`
    /// stands, followed by one of `followers` (any character when empty), as the span of `text`
    /// from `offset` scalars in.
    public func firstSpan(
        of text: String, from position: SourcePosition, followedBy followers: Set<Unicode.Scalar> = [], skipping offset: Int = 0
    ) -> SourceSpan? {
        let needle = Array(text.unicodeScalars)
        guard !needle.isEmpty, position.column >= 1 else { return nil }
        let (first, line) = window(position.line, from: position.column, count: Self.searchWindow + needle.count + 1)
        var start = 0
        while start + needle.count <= line.count {
            if line[start] == needle[0], Array(line[start..<start + needle.count]) == needle {
                let after = start + needle.count
                if followers.isEmpty || (after < line.count && followers.contains(line[after])) {
                    return SourceSpan(start: SourcePosition(line: position.line, column: first + start + offset), end: SourcePosition(line: position.line, column: first + after))
                }
            }
            start += 1
        }
        return nil
    }

    /// The span of the whole line `number` with its line break (or, for a last line without
    /// one, the line break before it), for deleting the line.
    public func wholeLine(_ number: Int) -> SourceSpan? {
        guard number >= 1, number <= source.lines.count else { return nil }
        if number < source.lines.count {
            return SourceSpan(start: SourcePosition(line: number, column: 1), end: SourcePosition(line: number + 1, column: 1))
        }
        guard number > 1 else { return nil }
        let previous = scalars(number - 1).count
        return SourceSpan(start: SourcePosition(line: number - 1, column: previous + 1), end: SourcePosition(line: number, column: scalars(number).count + 1))
    }
}

extension LintContext {
    /// Edits of the root-relative file `path` (a page or an include file).
    public func edits(in path: String) -> SourceEdits { SourceEdits(sourceLines(path)) }

    /// A fix that writes `link`'s destination as `replacement`, when the destination stands
    /// verbatim on the link's line after where the link starts (`](dest`, `](<dest`, or
    /// `source="dest"` in a `:::image`); nil otherwise (a reference definition elsewhere, escapes
    /// or entities in the destination, a destination over several lines). A replacement a
    /// bare destination cannot hold (spaces, parentheses, angle brackets, quotes) gets no fix.
    public func destinationFix(of link: LinkOccurrence, as replacement: String, summary: String) -> Fix? {
        let written = link.destination.trimmingSpaces()
        guard !written.isEmpty, written != replacement,
              !replacement.unicodeScalars.contains(where: { " \t()<>\"'\\".unicodeScalars.contains($0) }) else { return nil }
        let edits = edits(in: link.path)
        let span: SourceSpan?
        switch link.kind {
        case .link, .image:
            let ends: Set<Unicode.Scalar> = [")", " ", "\t", ">"]
            span = edits.firstSpan(of: "](" + written, from: link.position, followedBy: ends, skipping: 2)
                ?? edits.firstSpan(of: "](<" + written, from: link.position, followedBy: [">"], skipping: 3)
        case .imageDirective, .lightbox:
            let name = link.kind == .lightbox ? "lightbox" : "source"
            span = edits.firstSpan(of: name + "=\"" + written, from: link.position, followedBy: ["\""], skipping: name.count + 2)
        case .video:
            span = nil
        }
        return span.map { Fix(summary, replacing: $0, with: replacement) }
    }
}
