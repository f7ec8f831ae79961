import DocgenCore
import DocgenMarkup

/// Reports YAML pages (YamlMime:Landing, Hub, FAQ) that do not parse, and YamlMime page types
/// docgen does not build, once per type.
public struct YAMLPageError: SiteLintRule {
    public static let metadata = RuleMetadata(
        id: "DG010", alias: "yaml-page",
        summary: "YAML pages must parse and be of a type docgen builds",
        severity: .error, tags: ["metadata", "yaml-pages"],
        rationale: "Learn builds landing, hub and FAQ pages from YAML. One that does not parse is not published, and every link and TOC entry to it breaks; a YamlMime type docgen does not build (such as a training module) is reported once so that nothing is dropped without a word.",
        bad: "<!-- index.yml -->\n### YamlMime:Landing\ntitle: [Azure CLI\nlandingContent: []",
        good: "<!-- index.yml -->\n### YamlMime:Landing\ntitle: Azure CLI documentation\nlandingContent: []")

    public init(options: RuleOptions) {}

    public func checkSite(_ context: LintContext) -> [Finding] {
        context.site.yamlPageProblems.map { problem in
            Finding(path: problem.path, at: problem.position, problem.message, severity: problem.isError ? nil : .note)
        }
    }
}
