import DocgenCore
import DocgenMarkup
import Foundation

/// Reports a `description` shorter or longer than Learn's search-snippet range.
public struct DescriptionLength: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG004", alias: "description-length",
        summary: "description must be between 75 and 300 characters",
        severity: .warning, tags: ["metadata"],
        rationale: "Search engines show the description under the title. Learn asks for 75 to 300 characters: shorter says too little to choose the page, longer is cut off mid-sentence.",
        bad: "---\ntitle: Monitor nodes\ndescription: Node monitoring.\n---",
        good: "---\ntitle: Monitor nodes\ndescription: How to watch node health and capacity in a Kubernetes cluster with metrics and logs.\n---",
        options: ["description-min": "75", "description-max": "300"])

    private let minimum: Int
    private let maximum: Int

    public init(options: RuleOptions) {
        minimum = options.int("description-min", default: 75)
        maximum = options.int("description-max", default: 300)
    }

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        // A missing or empty description is DG001's to report.
        guard let entry = document.frontMatter.entry("description"),
              let value = entry.value.string?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return [] }
        let length = value.count
        guard length < minimum || length > maximum else { return [] }
        let advice = length < minimum ? "say more about what the page covers" : "shorten it so search results do not cut it off"
        return [Finding(
            path: document.path, at: SourcePosition(line: entry.line, column: entry.column),
            "Description is \(length) characters long; it should be \(minimum) to \(maximum) characters, so \(advice).")]
    }
}
