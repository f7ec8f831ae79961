import DocgenCore
import DocgenMarkup

/// Reports a page without an H1, and every H1 after the first that a reader sees together with
/// it. H1s in different pivot zones, moniker ranges or tabs are alternatives, not extras. A page
/// whose H1 comes from an include is not reported: it has a title, if not the recommended way.
public struct SingleH1: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG310", alias: "single-h1",
        summary: "A page has exactly one H1",
        severity: .error, tags: ["structure", "headings"],
        rationale: "The H1 is the article's title: Learn takes it as the page title when front matter has none, search shows it, and the right-hand navigation starts under it. A page without one has no visible title; a second H1 splits the article in two.",
        bad: "# Monitor nodes\n\nText.\n\n# Alerts\n\nText.\n",
        good: "# Monitor nodes\n\nText.\n\n## Alerts\n\nText.\n")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        let headings = DraftSupport.pageHeadings(document.root)
        let h1s = headings.filter { $0.level == 1 }
        guard let first = h1s.first else {
            // An include that failed, or is in a dependent repository, may hold the title; include-error and dependent-repository report it.
            let includeFailed = document.problems.contains { [.includeNotFound, .includeCycle, .includeOutsideRoot, .includeInvalid, .inDependentRepository].contains($0.kind) && $0.path == document.path }
            var includedH1 = false
            document.root.walk(in: document.path) { node, _ in if case .heading(1, _) = node.kind { includedH1 = true } }
            guard !includeFailed, !includedH1, let firstBlock = document.root.children.first(where: DraftSupport.isVisibleBlock) else { return [] }
            let at = firstBlock.start ?? SourcePosition(line: 1, column: 1)
            let hint = headings.first.map { " The first heading is H\($0.level) '\($0.text)'; make it '# \($0.text)' if it is the title." } ?? ""
            return [Finding(path: document.path, at: at, "The page has no H1; start it with '# Title'." + hint)]
        }
        var shown: [DraftSupport.Heading] = [first]
        var findings: [Finding] = []
        for heading in h1s.dropFirst() {
            if shown.allSatisfy({ DraftSupport.exclusive($0.visibility, heading.visibility) }) {
                shown.append(heading)
                continue
            }
            findings.append(Finding(
                path: document.path, at: heading.position,
                "Second H1 '\(heading.text)' (the title '\(first.text)' is on line \(first.position.line)); make it an H2 or move it to its own page.",
                suggestion: "## " + heading.text))
        }
        return findings
    }
}
