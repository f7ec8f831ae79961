import DocgenCore
import DocgenMarkup
import Foundation

/// Reports what drafts leave behind: TODO, TBD, FIXME and XXX, headings of leftover sections
/// ("Old stuff", "Parking lot") and notes to self ("need to add", "lorem ipsum"). Code is never
/// searched.
public struct DraftMarker: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG402", alias: "draft-marker",
        summary: "No TODO markers, leftover draft sections or notes to self",
        severity: .warning, tags: ["drafts"],
        rationale: "Markers and notes to self are the author's reminders that the page is not done. Published, they tell readers the page is unfinished; in CI, they keep an unfinished page from going out unnoticed.",
        bad: "## Old stuff\n\nTODO: alert thresholds, coming soon.\n",
        good: "## Alert thresholds\n\nAlert when a node stays above 90% memory for 15 minutes.\n",
        options: [
            "draft-headings": defaultHeadings.joined(separator: ", "),
            "draft-words": defaultWords.joined(separator: ", ") + " (all-capital entries match case-sensitively)",
        ])

    /// Markers matched as whole words, case-sensitively.
    static let markers = ["TODO", "TBD", "FIXME", "XXX"]
    static let defaultHeadings = ["Old stuff", "Notes", "Scratch", "Scratchpad", "Draft", "To do", "TODO", "Parking lot", "Leftovers", "Unused"]
    /// Phrases only a note to self uses. Bare "add more", "fill in" and "need to add" are common
    /// in finished instructions ("fill in the form"), so the defaults are the unambiguous forms.
    static let defaultWords = [
        "add more here", "add more later", "need to add more", "fill in later", "fill this in", "to be added", "to be written",
        "more to come", "coming soon", "[placeholder]", "placeholder text", "lorem ipsum", "TK", "TBA",
    ]

    private let headings: Set<String>
    /// The phrases, with the form to search for (lower-cased unless case-sensitive).
    private let phrases: [(text: String, caseSensitive: Bool, folded: String)]

    public init(options: RuleOptions) {
        headings = Set(options.strings("draft-headings", default: Self.defaultHeadings).map { Self.normalized($0) })
        phrases = (Self.markers.map { ($0, true) } + options.strings("draft-words", default: Self.defaultWords).map { word in
            (word, word == word.uppercased() && word != word.lowercased())
        }).map { ($0.0, $0.1, $0.1 ? $0.0 : $0.0.lowercased()) }
    }

    private static func normalized(_ heading: String) -> String {
        heading.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " :.")).split(separator: " ").joined(separator: " ")
    }

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        let sources = DraftSupport.Sources(document, context)
        var findings: [Finding] = []
        document.root.walk(in: document.path) { node, path, _ in
            switch node.kind {
            case .heading:
                let text = node.plainText
                if headings.contains(Self.normalized(text)) {
                    findings.append(Finding(
                        path: path, at: node.start ?? SourcePosition(line: 1, column: 1),
                        "Heading '\(text.trimmingSpaces())' marks leftover draft material; move what is still true into the article and remove the section."))
                    return
                }
                findings += scan(node, path, sources)
            case .paragraph, .tableCell:
                findings += scan(node, path, sources)
            default:
                break
            }
        }
        return findings
    }

    /// Markers and phrases in the prose text of one block; code and HTML are skipped.
    private func scan(_ block: MarkupNode, _ path: String, _ sources: DraftSupport.Sources) -> [Finding] {
        var findings: [Finding] = []
        for piece in DraftSupport.pieces(block) where piece.isProse {
            guard let start = piece.start else { continue }
            // Fold the text once per piece, and rule each phrase out with a byte search.
            let folded = piece.text.lowercased()
            for (phrase, caseSensitive, foldedPhrase) in phrases where (caseSensitive ? piece.text : folded).containsUTF8(foldedPhrase) {
                for offset in DraftSupport.wholeWordOffsets(of: phrase, in: piece.text, caseSensitive: caseSensitive) {
                    let found = String(Array(piece.text)[offset..<(offset + phrase.count)])
                    let at = sources.locate(found, near: SourcePosition(line: start.line, column: start.column + offset), in: path)
                    let message = Self.markers.contains(phrase)
                        ? "Draft marker '\(found)' left in the text; finish the work it marks and remove it."
                        : "'\(found)' reads as a note to self; write the missing content or remove the note."
                    findings.append(Finding(path: path, at: at, message))
                }
            }
        }
        return findings
    }
}
