import DocgenMarkup
import Testing

/// The examples of the Learn heading-id algorithm (shared/reference/learn-markdown.md §3.2).
@Suite struct HeadingSluggerTests {
    @Test(arguments: [
        ("Hello World", "hello-world"),
        ("1. Deploying the network", "1-deploying-the-network"),
        ("Section for myproduct-4.1 and Later", "section-for-myproduct-41-and-later"),
        ("Note / Section / Video", "note--section--video"),
        ("This - is a &@! heading _ with . and ! -", "this---is-a--heading-_-with--and---"),
        ("What's new?", "whats-new"),
        ("Step 1: Create a resource group", "step-1-create-a-resource-group"),
        ("Use C# / .NET", "use-c--net"),
        ("C++ & C#", "c--c"),
        ("Prerequisites (optional)", "prerequisites-optional"),
        ("Install .NET 8.0 (LTS) — Windows/Linux", "install-net-80-lts--windowslinux"),
        ("--Leading and trailing--", "--leading-and-trailing--"),
        ("snake_case_name", "snake_case_name"),
        ("Über uns", "über-uns"),
        ("Québec", "québec"),
        ("如何使用 Visual C++", "如何使用-visual-c"),
        ("x² + y²", "x--y"),
        ("Emoji 😄 test", "emoji--test"),
    ])
    func slugsHeadingTextLikeLearn(text: String, id: String) {
        var slugger = HeadingSlugger()
        #expect(slugger.issue(for: text) == id)
    }

    @Test func deduplicatesWithNumericSuffixes() {
        var slugger = HeadingSlugger()
        let ids = ["Overview", "Overview", "Overview-1", "Overview"].map { slugger.issue(for: $0) }
        #expect(ids == ["overview", "overview-1", "overview-1-1", "overview-2"])
    }

    @Test func usesSectionForHeadingsWithoutLetters() {
        var slugger = HeadingSlugger()
        #expect([slugger.issue(for: "!!!"), slugger.issue(for: "!!!")] == ["section", "section-1"])
    }

    @Test func stripsHeadingMarkupLikeLearn() {
        let parsed = MarkdownParser.parse("# This is *a* title using @b & `<`\n\n## <a id=\"custom\"></a>Explicit\n\n## Hello [link](x.md) <b>bold</b>\n")
        var ids: [String] = []
        parsed.root.walk { node in if case .heading(_, let id) = node.kind { ids.append(id) } }
        #expect(ids == ["this-is-a-title-using-b--", "custom", "hello-link-bold"])
    }
}
