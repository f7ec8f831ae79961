import DocgenCore
import DocgenMarkup

/// Notes, once per repository, the `~/` includes, code samples, links and images that lead into a
/// dependent repository of `.openpublishing.publish.config.json` which is not checked out where
/// Learn's build puts it: docgen cannot check them, and reporting each as missing would bury the
/// real findings.
public struct DependentRepository: SiteLintRule {
    public static let metadata = RuleMetadata(
        id: "DG108", alias: "dependent-repository",
        summary: "Paths into dependent repositories that are not checked out are noted, not checked",
        severity: .note, tags: ["links", "includes"],
        rationale: "Learn doc sets include shared content from other repositories (`~/reusable-content/...`) that the build checks out beside the doc set, as `.openpublishing.publish.config.json` lists. Without that checkout docgen cannot tell whether those files exist; it says so once per repository, at the first use, instead of reporting every use as broken. Clone the repository to its `path_to_root` to have them checked.",
        bad: "[!INCLUDE [cli](~/reusable-content/azure-cli/install.md)]   <!-- reusable-content not checked out -->\n",
        good: "<!-- git clone https://github.com/MicrosoftDocs/reusable-content reusable-content -->\n[!INCLUDE [cli](~/reusable-content/azure-cli/install.md)]\n")

    public init(options: RuleOptions) {}

    public func checkSite(_ context: LintContext) -> [Finding] {
        let docfx = context.site.docfx
        var uses: [String: (count: Int, first: (path: String, position: SourcePosition))] = [:]
        func use(_ name: String, _ path: String, _ position: SourcePosition) {
            if let known = uses[name] {
                let first = (path, position) < (known.first.path, known.first.position) ? (path, position) : known.first
                uses[name] = (known.count + 1, first)
            } else {
                uses[name] = (1, (path, position))
            }
        }
        let documents = context.site.documents
        // By index, not `for document in`: a copy of each page costs more than the rule on a save.
        for index in documents.indices {
            for problem in documents[index].problems where problem.kind == .inDependentRepository {
                use(problem.message, problem.path, problem.position)
            }
            // Kept with the page: serve runs this rule on every save, and only the saved page changed.
            for found in documents[index].memo.value(Self.memoKey, make: { Self.linkUses(in: documents[index], context) }) {
                use(found.repository, found.path, found.position)
            }
        }
        let known = Set(docfx.missingRepositories.map(\.name))
        return findings(uses, docfx: docfx, known: known)
    }

    /// A link of a page into a repository that is not checked out.
    struct RepositoryUse: Sendable {
        let repository: String
        let path: String
        let position: SourcePosition
    }

    /// The memo key of a page's ``RepositoryUse``s.
    static let memoKey = "dependent-repository"

    /// Whether the text of `document` holds `~/`, kept in its memo for when the text is dropped
    /// (``LintEngine/compile(_:in:keepingSource:timings:)``).
    @discardableResult
    static func writesTildeLinks(_ document: Document) -> Bool {
        document.memo.value(tildeKey) { document.source.text.containsBytes("~/") }
    }

    private static let tildeKey = "writes-tilde-links"

    /// The links of `document` into a repository that is not checked out.
    static func linkUses(in document: Document, _ context: LintContext) -> [RepositoryUse] {
        let docfx = context.site.docfx
        // Only `~/` links can lead into a repository no publish config names; most pages have none.
        guard !docfx.missingRepositories.isEmpty || (!docfx.hasPublishConfig && writesTildeLinks(document)) else { return [] }
        return LinkOccurrence.all(in: document, site: context.site).compactMap { link in
            guard case .missing(let path, _, _) = link.target,
                  let repository = docfx.missingRepository(containing: path) ?? (link.destination.hasPrefix("~/") ? docfx.unknownRepository(forTildePath: path) : nil) else { return nil }
            return RepositoryUse(repository: repository.name, path: link.path, position: link.position)
        }
    }

    private func findings(_ uses: [String: (count: Int, first: (path: String, position: SourcePosition))], docfx: DocfxProject, known: Set<String>) -> [Finding] {
        var findings: [Finding] = docfx.missingRepositories.compactMap { repository in
            guard let found = uses[repository.name] else { return nil }
            let times = found.count == 1 ? "1 path leads" : "\(found.count) paths lead"
            return Finding(
                path: found.first.path, at: found.first.position,
                "Not checked: \(times) into the dependent repository '\(repository.name)' (\(repository.url)), which is not checked out; clone it to '\(repository.folder)' to check them.")
        }
        // Without .openpublishing.publish.config.json, `~/` paths into a top folder the checkout lacks.
        for (name, found) in uses.sorted(by: { $0.key < $1.key }) where !known.contains(name) {
            let times = found.count == 1 ? "1 '~/' path leads" : "\(found.count) '~/' paths lead"
            findings.append(Finding(
                path: found.first.path, at: found.first.position,
                "Not checked: \(times) into '\(name)/', a folder the checkout does not have, and no .openpublishing.publish.config.json names the doc set's dependent repositories; if '\(name)' is one, clone it there to check them, otherwise fix the paths."))
        }
        return findings
    }
}

private func < (left: (String, SourcePosition), right: (String, SourcePosition)) -> Bool {
    (left.0, left.1.line, left.1.column) < (right.0, right.1.line, right.1.column)
}
