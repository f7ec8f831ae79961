extension RuleRegistry {
    /// Directive, structure and draft-gap rules.
    static let structureAndDraftRules: [any LintRule.Type] = [
        DirectiveSyntax.self,
        UnknownMoniker.self,
        ZoneSyntax.self,
        AlertSyntax.self,
        TabGroupSyntax.self,
        TableSyntax.self,
        IncludeError.self,
        CodeSnippetNotFound.self,
        SingleH1.self,
        HeadingIncrement.self,
        EmptySection.self,
        DuplicateHeading.self,
        TruncatedSentence.self,
        DraftMarker.self,
        EmptyListItem.self,
        IncompleteTable.self,
        RepeatedWord.self,
        Mojibake.self,
        PastedPageTitle.self,
    ]
}
