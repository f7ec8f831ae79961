import DocgenCore
import DocgenTestSupport
import Testing

@Suite struct YAMLPageLoadingTests {
    @Test(arguments: [
        ("### YamlMime:Landing\ntitle: x\n", "Landing"), ("# YamlMime:ZonePivotGroups\n", "ZonePivotGroups"),
        ("\u{FEFF}### YamlMime:FAQ\r\n", "FAQ"), ("title: x\n", nil), ("### A heading\n", nil), ("### YamlMime:\n", nil),
    ] as [(String, String?)])
    func readsTheYamlMimeTypeFromTheFirstLine(text: String, type: String?) {
        #expect(YAMLPage.mimeType(in: text) == type)
    }

    @Test func findsLandingHubAndFAQPagesAndReportsTheRest() throws {
        let content = try TemporaryContent([
            "index.yml": "### YamlMime:Hub\ntitle: Contoso docs\nsummary: Everything about Contoso.\n",
            "guide/index.yml": "### YamlMime:Landing\ntitle: Guide\nmetadata:\n  description: The guide.\n",
            "guide/faq.yml": "### YamlMime:FAQ\nmetadata:\n  title: Questions\n",
            "guide/broken.yml": "### YamlMime:FAQ\ntitle: [unclosed\n",
            "training/unit-1.yml": "### YamlMime:ModuleUnit\ntitle: Unit 1\n",
            "training/unit-2.yml": "### YamlMime:ModuleUnit\ntitle: Unit 2\n",
            "zone-pivot-groups.yml": "### YamlMime:ZonePivotGroups\ngroups: []\n",
            "guide/toc.yml": "- name: Guide\n  href: index.yml\n",
            "config.yml": "key: value\n",
        ])
        let site = SiteLoader.load(root: content.url)
        #expect(site.yamlPages.map { "\($0.path) \($0.kind.rawValue) \($0.displayTitle) | \($0.description)" } == [
            "guide/faq.yml FAQ Questions | ",
            "guide/index.yml Landing Guide | The guide.",
            "index.yml Hub Contoso docs | Everything about Contoso.",
        ])
        #expect(site.yamlPageProblems.map { "\($0.path):\($0.position.line):\($0.position.column) \($0.message)" } == [
            "guide/broken.yml:2:8 guide/broken.yml is invalid YAML: did not find expected ',' or ']' while parsing a flow sequence that starts here; the page is not built.",
            "training/unit-1.yml:1:1 YamlMime:ModuleUnit pages are not built by docgen (and 1 other file); only Landing, Hub and FAQ pages are. Links to them stay as written.",
        ])
        #expect(site.files.isPage("guide/index.yml"))
        #expect(!site.files.isPage("training/unit-1.yml"))
    }
}
