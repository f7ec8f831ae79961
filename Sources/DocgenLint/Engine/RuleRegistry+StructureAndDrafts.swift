extension RuleRegistry {
    /// Directive, structure and draft-gap rules.
    static let structureAndDraftRules: [any LintRule.Type] = []
}
