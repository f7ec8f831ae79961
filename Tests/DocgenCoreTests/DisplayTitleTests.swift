import DocgenCore
import DocgenTestSupport
import Testing

@Suite struct DisplayTitleTests {
    /// The site shows a page's title without a browser-tab site name written into it; a title
    /// that is only the site name, or that merely mentions it, stays as written.
    @Test(arguments: [
        ("Install the Azure CLI on Linux | Microsoft Docs", "Install the Azure CLI on Linux"),
        ("What is the Azure CLI? | MICROSOFT LEARN  ", "What is the Azure CLI?"),
        ("Azure Monitor - Microsoft Docs", "Azure Monitor"),
        ("| Microsoft Docs", "| Microsoft Docs"),
        ("From Microsoft Docs to Microsoft Learn", "From Microsoft Docs to Microsoft Learn"),
        ("Monitor a cluster", "Monitor a cluster"),
    ])
    func dropsASiteNameSuffix(title: String, shown: String) throws {
        let content = try TemporaryContent(["a.md": "---\ntitle: \"\(title)\"\n---\n# H\n"])
        let site = SiteLoader.load(root: content.url)
        let document = try #require(site.documents.first)
        #expect(document.title == title)
        #expect(document.displayTitle == shown)
    }
}

@Suite struct MarkdownTitleTests {
    /// Navigation, search and the window title show a title's text, not its Markdown; text that
    /// only looks like a block (a number and a dot, a hash) stays as written.
    @Test(arguments: [
        ("**`CStringT`** Class", "CStringT Class"),
        ("Use the [Azure CLI](https://learn.microsoft.com/cli) with *care*", "Use the Azure CLI with care"),
        ("1. Install", "1. Install"),
        ("# of pods", "# of pods"),
        ("C++ templates & `auto`", "C++ templates & auto"),
        ("snake_case_names stay", "snake_case_names stay"),
        ("AT&amp;T", "AT&T"),
        ("List<T> Class", "List<T> Class"),
        ("<script>alert(1)</script> **now**", "<script>alert(1)</script> now"),
        ("Plain title", "Plain title"),
    ])
    func showsTheTextOfInlineMarkdown(title: String, shown: String) {
        #expect(Document.plainText(ofInlineMarkdown: title) == shown)
    }
}
