import DocgenCore
import DocgenMarkup

/// Reports a heading more than one level deeper than the heading before it (H2 then H4).
public struct HeadingIncrement: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG311", alias: "heading-increment",
        summary: "Heading levels go down one at a time",
        severity: .warning, tags: ["structure", "headings"],
        rationale: "Screen readers and the page outline present headings as a tree; a jump from H2 to H4 leaves a level with no heading, so the section seems to belong to a parent that does not exist.",
        bad: "## Configure alerts\n\n#### Metric alerts\n",
        good: "## Configure alerts\n\n### Metric alerts\n")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        var previous: DraftSupport.Heading?
        var findings: [Finding] = []
        for heading in DraftSupport.pageHeadings(document.root) {
            defer { previous = heading }
            guard let before = previous, heading.level > before.level + 1 else { continue }
            let wanted = before.level + 1
            findings.append(Finding(
                path: document.path, at: heading.position,
                "H\(heading.level) '\(heading.text)' follows H\(before.level) '\(before.text)' and skips a level; make it an H\(wanted).",
                suggestion: String(repeating: "#", count: wanted) + " " + heading.text))
        }
        return findings
    }
}
