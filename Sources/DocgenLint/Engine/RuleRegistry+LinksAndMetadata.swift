extension RuleRegistry {
    /// Link, image and metadata rules.
    static let linkAndMetadataRules: [any LintRule.Type] = [
        MsDateFormat.self,
        MsDateStale.self,
        DescriptionLength.self,
        DescriptionMatchesTitle.self,
        DuplicateTitle.self,
        UnknownRoleOrLayer.self,
        NotInTOC.self,
        TOCEntry.self,
        YAMLPageError.self,
        BrokenAnchor.self,
        EmptyLink.self,
        OtherDocSetLinks.self,
        UnresolvedXref.self,
        MalformedLinkPath.self,
        LinkCaseMismatch.self,
        LearnLinkAbsolute.self,
        HardCodedLocale.self,
        DependentRepository.self,
        Redirect.self,
        MissingImage.self,
        ImageAltText.self,
        ImageDirectiveSyntax.self,
    ]
}
