import DocgenCore
import DocgenMarkup

/// Reports `:::image` directives the parser could not accept: missing source or alt-text, bad
/// type, unknown or malformed attributes, a complex image never closed or without description.
public struct ImageDirectiveSyntax: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG203", alias: "image-directive-syntax",
        summary: ":::image directives must be well-formed",
        severity: .error, tags: ["images", "directives"],
        rationale: "Learn renders a malformed :::image as its literal source text and fails the build with invalid-image. The alt-text attribute is required for every type except icon.",
        bad: ":::image type=\"content\" source=\"media/node-view.png\":::",
        good: ":::image type=\"content\" source=\"media/node-view.png\" alt-text=\"Node health view with two nodes under memory pressure.\":::")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        // The parser already found these; problems it marks as non-errors keep warning severity.
        document.findings(for: [], markupKinds: [.imageDirective])
    }
}
