import DocgenCore
import DocgenMarkup

/// Reports pages whose front matter lacks a key Learn requires.
public struct MetadataRequired: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG001", alias: "metadata-required",
        summary: "Front matter must have the required keys",
        severity: .error, tags: ["metadata"],
        rationale: "Learn's build rejects pages without title, description, ms.date, author and ms.author: search results, freshness reports and ownership all read them.",
        bad: "---\ntitle: Monitor nodes\n---\n# Monitor nodes",
        good: "---\ntitle: Monitor nodes\ndescription: How to watch node health and capacity in a Kubernetes cluster with metrics and logs.\nms.date: 11/20/2026\nauthor: octocat\nms.author: octo\n---\n# Monitor nodes",
        options: ["required-metadata": "title, description, ms.date, author, ms.author"])

    private let keys: [String]

    public init(options: RuleOptions) {
        keys = options.strings("required-metadata", default: ["title", "description", "ms.date", "author", "ms.author"])
    }

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        guard !document.problems.contains(where: { $0.kind == .binaryFile || $0.kind == .invalidYAML }) else { return [] }
        let line = document.frontMatter.startLine
        return keys.compactMap { key in
            if let entry = document.frontMatter.entry(key) {
                guard entry.value.string?.trimmingSpaces().isEmpty ?? (entry.value == .null) else { return nil }
                return Finding(path: document.path, at: SourcePosition(line: entry.line, column: entry.column), "Front matter key '\(key)' is empty; give it a value.")
            }
            let message = line == 0
                ? "The page has no front matter; add a '---' block with \(keys.joined(separator: ", "))."
                : "Front matter is missing '\(key)'; add '\(key): ...'."
            return Finding(path: document.path, at: SourcePosition(line: max(line, 1), column: 1), message)
        }.prefix(document.frontMatter.startLine == 0 ? 1 : keys.count).map { $0 }
    }
}
