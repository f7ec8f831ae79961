import DocgenCore
import DocgenMarkup

/// Reports `> [!NOTE] text` with text on the marker line, unknown alert types and `[!VIDEO]`
/// without a URL.
public struct AlertSyntax: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG303", alias: "alert-syntax",
        summary: "Alerts need the [!TYPE] marker alone on its line and a known type",
        severity: .warning, tags: ["directives"],
        rationale: "With text after the marker, or a type other than NOTE, TIP, IMPORTANT, CAUTION and WARNING, Learn renders a plain block quote that shows the literal [!...] marker instead of an alert box.",
        bad: "> [!NOTE] Restart the node after the upgrade.\n",
        good: "> [!NOTE]\n> Restart the node after the upgrade.\n")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        // The parser marks these problems as errors, but Learn only warns (invalid-note-section)
        // and renders a plain quote, so the rule's own severity applies.
        document.findings(for: [], markupKinds: [.alertSyntax]).map { finding in
            var finding = finding
            finding.severity = nil
            return finding
        }
    }
}
