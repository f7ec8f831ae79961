import DocgenMarkup

extension Document {
    /// Whether `other` (another version of this page) shows the rest of the site the same facts:
    /// title, front matter (roles, layers, draft, pivots), anchors, and every heading's level,
    /// text and id, included content counted. Other pages' findings (broken anchors, duplicate
    /// titles), the navigation, role paths and questions, reading order and redirect pages read
    /// only these; when they are the same, an edit changes this page's body and nothing else.
    public func hasSameSiteFacts(as other: Document) -> Bool {
        path == other.path && displayTitle == other.displayTitle && frontMatter == other.frontMatter && anchors == other.anchors
            && headingFacts == other.headingFacts
    }

    /// Every heading's level, text and id, in order, included content counted.
    private var headingFacts: [String] {
        var facts: [String] = []
        root.walk { node in
            guard case .heading(let level, let id) = node.kind else { return }
            facts.append("\(level)\u{0}\(id)\u{0}\(node.plainText)")
        }
        return facts
    }
}
