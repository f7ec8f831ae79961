import DocgenCore

/// Reports front matter that is not valid YAML or is never closed.
public struct FrontMatterInvalid: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG007", alias: "front-matter-invalid",
        summary: "Front matter must be valid YAML between two '---' lines",
        severity: .error, tags: ["metadata"],
        rationale: "When the YAML does not parse, every key in it is lost: the page has no title, no description and no date.",
        bad: "---\ntitle: Alerts: an overview\n---",
        good: "---\ntitle: \"Alerts: an overview\"\n---")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        document.findings(for: [.invalidYAML, .unterminatedFrontMatter])
    }
}
