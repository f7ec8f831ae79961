import DocgenCore
import DocgenMarkup

/// Reports `:::code source="..."` samples whose file does not exist.
public struct CodeSnippetNotFound: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG306", alias: "code-snippet-not-found",
        summary: ":::code must point to a sample file that exists",
        severity: .warning, tags: ["directives", "code"],
        rationale: "When the sample file is missing, the page shows an empty code block where the reader expects the example, and nothing else tells the author.",
        bad: ":::code language=\"bash\" source=\"samples/create-cluter.sh\":::\n",
        good: ":::code language=\"bash\" source=\"samples/create-cluster.sh\":::\n")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        document.findings(for: [.codeSnippetNotFound])
    }
}
