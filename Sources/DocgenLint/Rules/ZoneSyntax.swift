import DocgenCore
import DocgenMarkup

/// Reports `:::zone` lines with a bad pivot or target, nested zones and zones never closed.
public struct ZoneSyntax: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG302", alias: "zone-syntax",
        summary: ":::zone needs a valid pivot or target, no nesting, and a :::zone-end",
        severity: .error, tags: ["directives"],
        rationale: "Learn rejects a zone with an upper-case pivot, an unknown target or a zone inside a zone, and shows the directive as text; a zone that is never closed hides everything after it from readers of the other pivots.",
        bad: ":::zone pivot=\"Windows\"\nInstall with winget.\n",
        good: ":::zone pivot=\"windows\"\nInstall with winget.\n:::zone-end\n")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        document.findings(for: [], markupKinds: [.zoneDirective])
    }
}
