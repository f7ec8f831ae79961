import DocgenCore

/// The warnings and notes of a long report, one entry per rule: on a doc set of hundreds of pages
/// a reader first needs to know which rules fail and how often, then lists one rule's findings
/// with `--rule`. Errors are never summarised: they fail the build and each must be seen.
struct RuleGroups {
    /// Groups of at least `minimum` findings, in rule id order; each summary is what the rule
    /// asks for, from its metadata ("Every heading has content ...").
    let groups: [DiagnosticGroup]
    /// The findings not in a group, in their original order.
    let ungrouped: [Diagnostic]

    init(_ diagnostics: [Diagnostic], minimum: Int) {
        let (groups, ungrouped) = DiagnosticGroup.partition(
            diagnostics, minimum: minimum, key: { $0.severity == .error ? nil : $0.ruleID + "\u{0}" + $0.severity.rawValue },
            summary: { RuleRegistry.rule(named: $0[0].ruleID)?.metadata.summary ?? $0[0].alias })
        self.groups = groups.sorted { ($0.ruleID, $0.severity.rawValue) < ($1.ruleID, $1.severity.rawValue) }
        self.ungrouped = ungrouped
    }
}
