@testable import DocgenRender
import DocgenCore
import DocgenTestSupport
import Foundation
import Testing

/// Pages with zone pivots of a group the doc set defines get a picker, and each zone its label.
@Suite struct PivotPickerRenderTests {
    @Test func eachDocSetOffersItsOwnDefinitionOfAGroup() throws {
        // semantic-kernel and agent-framework both define programming-languages: Java in one, Go in the other.
        let group = { (last: String) in
            "### YamlMime:ZonePivotGroups\ngroups:\n- id: languages\n  title: Languages\n  prompt: Choose a language\n  pivots:\n  - id: lang-cs\n    title: C#\n  - id: lang-\(last.lowercased())\n    title: \(last)\n"
        }
        let page = "---\ntitle: A\nzone_pivot_groups: languages\n---\n# A\n\n:::zone pivot=\"lang-cs\"\nC# text.\n:::zone-end\n"
        let files = [
            "agents/zone-pivot-groups.yml": group("Go"), "agents/a.md": page,
            "kernel/zone-pivot-groups.yml": group("Java"), "kernel/a.md": page, "kernel/deep/b.md": page,
        ]
        let content = try TemporaryContent(files)
        let site = SiteLoader.load(root: content.url)
        #expect(site.zonePivotGroups.group("languages", forPage: "agents/a.md")?.pivots.map(\.title) == ["C#", "Go"])
        #expect(site.zonePivotGroups.group("languages", forPage: "kernel/deep/b.md")?.pivots.map(\.title) == ["C#", "Java"])
        // A page under neither folder gets the first definition in path order.
        #expect(site.zonePivotGroups.group("languages", forPage: "other.md")?.pivots.map(\.title) == ["C#", "Go"])
        let html = try #require(try RenderedSite.build(files)["kernel/deep/b.html"])
        #expect(html.contains("data-pivot-choice=\"lang-java\" aria-pressed=\"false\">Java</button>"))
        #expect(!html.contains("lang-go"))
    }

    @Test func labelsEachZoneAndOffersThePicker() throws {
        let files = [
            "zone-pivot-groups.yml": "### YamlMime:ZonePivotGroups\ngroups:\n- id: languages\n  title: Languages\n  prompt: Choose a language\n  pivots:\n  - id: lang-cs\n    title: C#\n  - id: lang-py\n    title: Python\n",
            "a.md": "---\ntitle: A\nzone_pivot_groups: languages\n---\n# A\n\n:::zone pivot=\"lang-cs\"\nC# text.\n:::zone-end\n\n:::zone pivot=\"lang-other\"\nOther text.\n:::zone-end\n",
        ]
        let content = try TemporaryContent(files)
        let site = SiteLoader.load(root: content.url)
        #expect(site.zonePivotGroups.group("languages", forPage: "a.md")?.pivots.map(\.title) == ["C#", "Python"])
        let html = try #require(try RenderedSite.build(files)["a.html"])
        #expect(html.contains("<div class=\"zone has-pivot\" data-pivot=\"lang-cs\">\n<p class=\"zone-label\">C#</p>\n<p>C# text.</p>\n</div>"))
        // A pivot the group does not define gets no label.
        #expect(html.contains("<div class=\"zone has-pivot\" data-pivot=\"lang-other\">\n<p>Other text.</p>"))
        #expect(html.contains("""
        <div class="pivot-picker needs-js" data-pivot-group="languages" role="group" aria-labelledby="pivot-prompt-languages">
        <span class="pivot-prompt" id="pivot-prompt-languages">Choose a language</span>
        <ul class="pivot-choices">
        <li><button type="button" class="pivot-choice" data-pivot-choice="lang-cs" aria-pressed="false">C#</button></li>
        <li><button type="button" class="pivot-choice" data-pivot-choice="lang-py" aria-pressed="false">Python</button></li>
        </ul>
        </div>
        """))
    }
}
