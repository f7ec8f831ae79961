import DocgenCore

/// The warnings and notes of a long report, one entry per rule: on a doc set of hundreds of pages
/// a reader first needs to know which rules fail and how often, then lists one rule's findings
/// with `--rule`. Errors are never summarised: they fail the build and each must be seen.
struct RuleGroups {
    /// One rule's summarised findings.
    struct Group {
        var ruleID: String
        var alias: String
        var severity: Severity
        /// What the rule asks for, from its metadata ("Every heading has content ...").
        var summary: String
        var members: [Diagnostic]
    }

    /// Groups of at least `minimum` findings, in rule id order.
    let groups: [Group]
    /// The findings not in a group, in their original order.
    let ungrouped: [Diagnostic]

    init(_ diagnostics: [Diagnostic], minimum: Int) {
        var byRule: [String: [Int]] = [:]
        for (index, diagnostic) in diagnostics.enumerated() where diagnostic.severity != .error {
            byRule[diagnostic.ruleID + "\u{0}" + diagnostic.severity.rawValue, default: []].append(index)
        }
        var grouped = Set<Int>()
        var groups: [Group] = []
        for key in byRule.keys.sorted() {
            let indices = byRule[key]!
            guard indices.count >= minimum else { continue }
            grouped.formUnion(indices)
            let members = indices.map { diagnostics[$0] }
            let summary = RuleRegistry.rule(named: members[0].ruleID)?.metadata.summary ?? members[0].alias
            groups.append(Group(ruleID: members[0].ruleID, alias: members[0].alias, severity: members[0].severity, summary: summary, members: members))
        }
        self.groups = groups
        ungrouped = diagnostics.indices.filter { !grouped.contains($0) }.map { diagnostics[$0] }
    }
}
