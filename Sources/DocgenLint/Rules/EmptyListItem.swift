import DocgenCore
import DocgenMarkup

/// Reports list items with nothing in them: a bullet or number left on a line of its own.
public struct EmptyListItem: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG403", alias: "empty-list-item",
        summary: "List items have content",
        severity: .warning, tags: ["drafts", "lists"],
        rationale: "An empty bullet renders as a dangling dot, or a number with nothing after it, usually where the author meant to add one more step.",
        bad: "- Create an availability test.\n- \n",
        good: "- Create an availability test.\n- Add an alert on the test's failures.\n",
        fix: "the empty item's line removed, when the lines around it keep their meaning")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        document.root.walk(in: document.path) { node, path in
            guard case .listItem = node.kind, !node.children.contains(where: DraftSupport.isVisibleBlock) else { return }
            let position = node.start ?? SourcePosition(line: 1, column: 1)
            findings.append(Finding(
                path: path, at: position, "Empty list item; write its text or remove the bullet.",
                fix: context.edits(in: path).emptyListItemLine(at: position).map { Fix("Remove the empty list item", replacing: $0, with: "") }))
        }
        return findings
    }
}
