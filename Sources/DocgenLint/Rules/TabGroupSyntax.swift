import DocgenCore
import DocgenMarkup

/// Reports tab groups with duplicate tab ids or without the `---` line that ends them.
public struct TabGroupSyntax: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG304", alias: "tab-group",
        summary: "Tab groups need unique tab ids and a closing '---' line",
        severity: .warning, tags: ["directives"],
        rationale: "A tab group runs until a thematic break: without one, every later heading and paragraph of the article lands in the last tab, where readers of the other tabs never see it. Duplicate ids make two tabs answer to one selection.",
        bad: "# [Linux](#tab/linux)\nRun the script.\n\n# [Windows](#tab/windows)\nRun the installer.\n\n## Next steps\n",
        good: "# [Linux](#tab/linux)\nRun the script.\n\n# [Windows](#tab/windows)\nRun the installer.\n\n---\n\n## Next steps\n")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        document.findings(for: [], markupKinds: [.tabGroup])
    }
}
