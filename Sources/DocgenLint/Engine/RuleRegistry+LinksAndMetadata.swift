extension RuleRegistry {
    /// Link, image and metadata rules.
    static let linkAndMetadataRules: [any LintRule.Type] = []
}
