import DocgenCore
import DocgenMarkup

/// Reports where a page passes one of docgen's size limits (``MarkupLimits``): containers or
/// directives nested too deep, or a table too wide or too large.
public struct ContentLimit: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG502", alias: "content-limit",
        summary: "Nesting and tables must stay within docgen's limits",
        severity: .error, tags: ["files"],
        rationale: "docgen stops following nesting past \(MarkupLimits.maximumNesting) levels and refuses tables past \(MarkupLimits.maximumTableColumns) columns or \(MarkupLimits.maximumTableCells) cells, so that no page can take quadratic time or memory. Such a page is almost always generated or pasted by mistake, and it does not render as written.",
        bad: String(repeating: ">", count: MarkupLimits.maximumNesting + 1) + " Quoted too deep to follow.",
        good: "> Quoted once.")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        // The parser finds these; the rule only gives them an id and a severity.
        document.findings(for: [], markupKinds: [.contentLimit])
    }
}
