import DocgenCore

/// The headings of a page that role pages list as scenario questions, digested: a cached build
/// makes the generated pages again after an edit only when what they show of the page changed.
public enum RoleQuestions {
    /// A digest of `document`'s question headings (text and id, in order, included content counted).
    public static func digest(of document: Document) -> String {
        var hash = StableHash()
        let questions = SiteStructure.questions(in: document)
        hash.add(UInt64(questions.count))
        for question in questions {
            hash.add(question.text)
            hash.add(question.id)
        }
        return hash.hex
    }
}
