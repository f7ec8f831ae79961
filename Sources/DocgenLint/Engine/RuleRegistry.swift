/// The rule catalogue, in id order. Retired ids are never reused; list them here as comments.
public enum RuleRegistry {
    /// Every rule docgen knows.
    public static let all: [any LintRule.Type] = (coreRules + linkAndMetadataRules + structureAndDraftRules)
        .sorted { $0.metadata.id < $1.metadata.id }

    /// Rules over files and front matter validity.
    static let coreRules: [any LintRule.Type] = [
        MetadataRequired.self,
        FrontMatterInvalid.self,
        BrokenLink.self,
        FileEncoding.self,
        ContentLimit.self,
    ]

    /// The rule with this id or alias.
    public static func rule(named name: String) -> (any LintRule.Type)? {
        all.first { $0.metadata.id.lowercased() == name.lowercased() || $0.metadata.alias == name.lowercased() }
    }
}
