import DocgenCore
import DocgenMarkup

/// Reports a heading followed by a heading of the same or a higher level, or by the end of the
/// page (or of its tab), with nothing in between. HTML comments, empty anchors and thematic
/// breaks are not content; a deeper sub-heading and included content are. A zone pivot that holds
/// only a heading ("Not supported at this time") says all it has to say.
public struct EmptySection: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG312", alias: "empty-section",
        summary: "Every heading has content before the next heading of its level",
        severity: .warning, tags: ["structure", "headings", "drafts"],
        rationale: "An empty section is a promise the page does not keep: the reader clicks it in the outline and finds the next heading. It is almost always a section the author meant to write later.",
        bad: "### Can I use my own alerting?\n\n### Choose an alert type\n\nMetric alerts respond faster.\n",
        good: "### Can I use my own alerting?\n\nYes: send the alerts to your own receiver with an action group.\n\n### Choose an alert type\n\nMetric alerts respond faster.\n")

    private enum Event {
        /// A heading, with the pivots of the zone it is in (nil outside pivot zones).
        case heading(MarkupNode, level: Int, pivots: Set<String>?)
        case content
        /// The end of a tab: what follows is in another tab.
        case boundary
    }

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        var events: [Event] = []
        collect(document.root.children, into: &events)
        var findings: [Finding] = []
        for (index, event) in events.enumerated() {
            guard case .heading(let node, let level, let pivots) = event else { continue }
            // Headings of other pivots are never shown with this one: ":::zone pivot=csharp ###
            // A :::zone-end :::zone pivot=python ### B :::zone-end" names one section two ways,
            // and its content follows the zones.
            var following = index + 1
            while following < events.count, case .heading(_, _, let other?) = events[following], let pivots, other.isDisjoint(with: pivots) {
                following += 1
            }
            let next = following < events.count ? events[following] : nil
            let name = node.plainText.trimmingSpaces()
            switch next {
            case .content?:
                continue
            case .heading(_, let nextLevel, _)? where nextLevel > level:
                continue
            case .heading(let followingHeading, _, _)?:
                let line = followingHeading.start?.line ?? 0
                findings.append(Finding(
                    path: document.path, at: node.start ?? SourcePosition(line: 1, column: 1),
                    "Section '\(name)' is empty: the heading on line \(line) follows it directly; add content or remove the heading."))
            case .boundary?, nil:
                let place = next == nil ? "page" : "tab"
                findings.append(Finding(
                    path: document.path, at: node.start ?? SourcePosition(line: 1, column: 1),
                    "Section '\(name)' is empty: the \(place) ends after its heading; add content or remove the heading."))
            }
        }
        return findings
    }

    /// Whether a block's only visible content is one heading.
    private static func isHeadingOnly(_ block: MarkupNode) -> Bool {
        var headings = 0, other = 0
        for child in block.children {
            if case .heading = child.kind { headings += 1 } else if DraftSupport.isVisibleBlock(child) { other += 1 }
        }
        return headings == 1 && other == 0
    }

    /// Flattens the blocks into headings and content; zones, monikers and rows are transparent.
    private func collect(_ blocks: [MarkupNode], into events: inout [Event]) {
        // What is left to do, last first: a stack instead of recursion, so zones nested as deep
        // as the input cannot overflow the thread's stack. Headings inside a zone carry its pivots.
        enum Task { case blocks([MarkupNode], next: Int, pivots: Set<String>?), boundary }
        var tasks: [Task] = [.blocks(blocks, next: 0, pivots: nil)]
        while let task = tasks.popLast() {
            guard case .blocks(let blocks, let next, let pivots) = task else {
                events.append(.boundary)
                continue
            }
            guard next < blocks.count else { continue }
            tasks.append(.blocks(blocks, next: next + 1, pivots: pivots))
            let block = blocks[next]
            switch block.kind {
            case .heading(let level, _):
                events.append(.heading(block, level: level, pivots: pivots))
            case .zone(let zonePivots, _) where !zonePivots.isEmpty && Self.isHeadingOnly(block):
                // "::: zone pivot=java / ## Not supported at this time / ::: zone-end": the
                // heading is the pivot's whole message, not a section waiting for content.
                events.append(.content)
            case .zone(let zonePivots, _) where !zonePivots.isEmpty:
                tasks.append(.blocks(block.children, next: 0, pivots: Set(zonePivots)))
            case .zone, .moniker, .row, .column:
                tasks.append(.blocks(block.children, next: 0, pivots: pivots))
            case .tabGroup:
                // The tab strip is content for the heading above the group; each tab is a scope.
                events.append(.content)
                for tab in block.children.reversed() {
                    tasks.append(.boundary)
                    tasks.append(.blocks(tab.children, next: 0, pivots: pivots))
                }
            default:
                if DraftSupport.isVisibleBlock(block) { events.append(.content) }
            }
        }
    }
}
