import DocgenCore
import DocgenMarkup

/// Reports a table whose delimiter row has another number of cells than its header row: GFM
/// (GitHub, cmark-gfm, docgen) then shows its lines as a paragraph of pipes and dashes.
public struct TableSyntax: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG307", alias: "table-syntax",
        summary: "A table's delimiter row has one cell per header cell",
        severity: .warning, tags: ["directives"],
        rationale: "GFM makes a table only when the header row and the delimiter row below it have the same number of cells. When a column is added to the header and not to the delimiter row, or the other way round, GitHub and docgen show the whole table as one paragraph of pipes and dashes, and the draft checks then read its last row as a sentence.",
        bad: "| Container | Minimum CPU | Maximum CPU |\n| --- | --- |\n| agent | 5 m | 50 m |\n",
        good: "| Container | Minimum CPU | Maximum CPU |\n| --- | --- | --- |\n| agent | 5 m | 50 m |\n",
        fix: "the delimiter row with as many cells as the header row: its own cells and alignments first, then '---' for each it lacks")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        document.findings(for: [], markupKinds: [.tableSyntax])
    }
}
