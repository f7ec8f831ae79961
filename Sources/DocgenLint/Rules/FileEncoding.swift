import DocgenCore

/// Reports files that are not UTF-8 text.
public struct FileEncoding: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG501", alias: "file-encoding",
        summary: "Pages must be UTF-8 text",
        severity: .error, tags: ["files"],
        rationale: "Bytes that are not UTF-8 show as replacement characters on the published page, and a binary file among the pages is a mistake.",
        bad: "A Latin-1 encoded caf\\xE9",
        good: "A UTF-8 encoded café")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        document.findings(for: [.invalidEncoding, .binaryFile])
    }
}
