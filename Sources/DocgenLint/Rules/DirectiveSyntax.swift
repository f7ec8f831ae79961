import DocgenCore
import DocgenMarkup

/// Reports `:::row`, `:::column`, `:::moniker`, `:::code`, `:::form` and `:::video` lines the
/// parser could not read, stray `-end` lines, and `:::` lines with a name Learn does not know.
public struct DirectiveSyntax: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG301", alias: "directive-syntax",
        summary: "Triple-colon directives must be known, well formed and closed",
        severity: .error, tags: ["directives"],
        rationale: "Learn renders a directive it cannot read as literal ':::' text in the published page, and an unclosed :::row or :::moniker swallows the rest of the article. Unknown names are usually typos of a real directive.",
        bad: ":::row:::\n   :::column:::\n   Text.\n   :::column-end:::\n",
        good: ":::row:::\n   :::column:::\n   Text.\n   :::column-end:::\n:::row-end:::\n")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        // The parser classifies these problems; the rule only gives them an id and a severity.
        document.findings(for: [], markupKinds: [.otherDirective, .unknownDirective])
    }
}
