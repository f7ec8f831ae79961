import DocgenCore
import DocgenMarkup

/// What the page-level lists need from a page's tree: "On this page", the scenario questions
/// and the words for search, gathered in one walk.
struct PageFacts {
    /// H2 and H3 headings, each with the pivots of the zone it is in.
    var outline: [RenderedArticle.Heading] = []
    /// Headings phrased as a reader's question.
    var questions: [RenderedArticle.Heading] = []
    /// Heading, paragraph and table-cell text, in order.
    var text: [String] = []
    /// The page's versions, for the headings inside moniker blocks.
    var monikers: PageMonikers?

    /// Gathers from `node` and its descendants; `zonePivots` are those of the innermost zone
    /// pivot around `node`, `versions` those of the moniker block around it (nil outside one).
    /// The node is lent, never written.
    mutating func collect(_ node: inout MarkupNode, zonePivots: [String], versions: [String]?) {
        var pivots = zonePivots
        var inner = versions
        switch node.kind {
        case .heading(let level, let id):
            let plain = node.plainText.trimmingSpaces()
            // A heading inside a zone pivot is listed with it, so the list can hide it with its zone.
            if level == 2 || level == 3 { outline.append(.init(level: level, text: plain, id: id, pivots: zonePivots, monikers: versions)) }
            if level >= 2, HTMLRenderer.isQuestion(plain) { questions.append(.init(level: level, text: plain, id: id)) }
            text.append(plain)
        case .paragraph, .tableCell:
            text.append(node.plainText)
        case .zone(let zone, _) where !zone.isEmpty:
            pivots = zone
        case .moniker(let range):
            // Like a zone's: the list hides the heading with its block.
            inner = monikers?.versions(of: range) ?? []
        default:
            break
        }
        node.lendChildren { collect(&$0, zonePivots: pivots, versions: inner) }
    }
}
