import DocgenCore
import DocgenMarkup

/// Reports `[!INCLUDE]` targets that do not exist, include cycles, includes outside the content
/// root, targets that are not Markdown files and malformed include syntax.
public struct IncludeError: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG305", alias: "include-error",
        summary: "Includes must point to an existing Markdown file inside the content root, without cycles",
        severity: .error, tags: ["directives", "includes"],
        rationale: "A failed include leaves the literal [!INCLUDE ...] text in the page and drops the shared content, such as prerequisites, that the article depends on. Learn fails the build for missing includes and cycles.",
        bad: "[!INCLUDE [prerequisites](includes/prerequisite.md)]\n",
        good: "[!INCLUDE [prerequisites](includes/prerequisites.md)]\n")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        document.findings(for: [.includeNotFound, .includeCycle, .includeOutsideRoot, .includeInvalid], markupKinds: [.includeSyntax])
    }
}
