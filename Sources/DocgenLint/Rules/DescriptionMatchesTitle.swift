import DocgenCore
import DocgenMarkup
import Foundation

/// Reports a `description` that only repeats the title.
public struct DescriptionMatchesTitle: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG005", alias: "description-matches-title",
        summary: "description must not repeat the title",
        severity: .warning, tags: ["metadata"],
        rationale: "Search results show the title and the description together; a description that repeats the title wastes the one sentence that could tell the reader what the page is for.",
        bad: "---\ntitle: Monitor nodes\ndescription: Monitor nodes\n---",
        good: "---\ntitle: Monitor nodes\ndescription: How to watch node health and capacity in a Kubernetes cluster with metrics and logs.\n---")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        guard let entry = document.frontMatter.entry("description"),
              let description = entry.value.string.map(Self.normalized), !description.isEmpty,
              let title = document.frontMatter.title.map(Self.normalized), description == title else { return [] }
        return [Finding(
            path: document.path, at: SourcePosition(line: entry.line, column: entry.column),
            "Description repeats the title '\(document.frontMatter.title ?? "")'; describe what the reader learns or does on the page.")]
    }

    /// Case-insensitive and without surrounding white space.
    private static func normalized(_ text: String) -> String {
        text.lowercased().trimmingWhitespace()
    }
}
