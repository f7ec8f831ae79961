import DocgenCore

/// Findings of one rule that the text report shows as one entry instead of listing each:
/// repeats of one cause (``RepeatedCauseGroups``) or, in a long report, a rule's warnings and
/// notes (``RuleGroups``).
struct DiagnosticGroup {
    var ruleID: String
    var alias: String
    var severity: Severity
    /// What the entry says the findings have in common.
    var summary: String
    var members: [Diagnostic]

    /// Splits `diagnostics` by `key` (nil keeps a finding out of every group) into groups of at
    /// least `minimum` findings, in the order of their first finding, and the findings left over
    /// in their original order. `summary` words a group from its members.
    static func partition(
        _ diagnostics: [Diagnostic], minimum: Int, key: (Diagnostic) -> String?, summary: ([Diagnostic]) -> String
    ) -> (groups: [DiagnosticGroup], ungrouped: [Diagnostic]) {
        var byKey: [String: [Int]] = [:]
        var order: [String] = []
        for (index, diagnostic) in diagnostics.enumerated() {
            guard let key = key(diagnostic) else { continue }
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(index)
        }
        var grouped = Set<Int>()
        var groups: [DiagnosticGroup] = []
        for key in order {
            let indices = byKey[key]!
            guard indices.count >= minimum else { continue }
            grouped.formUnion(indices)
            let members = indices.map { diagnostics[$0] }
            groups.append(DiagnosticGroup(
                ruleID: members[0].ruleID, alias: members[0].alias, severity: members[0].severity,
                summary: summary(members), members: members))
        }
        return (groups, diagnostics.indices.filter { !grouped.contains($0) }.map { diagnostics[$0] })
    }
}
