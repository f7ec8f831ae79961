import DocgenCore
import DocgenRender
import DocgenTestSupport
import Testing

/// What reaches a page from content: escaped text, and only URLs that cannot run script.
struct HTMLEscapingTests {
    @Test func escapesEveryMarkupCharacterIncludingOneWithACombiningMark() {
        #expect(HTMLEscaping.escape("Tom & \"Jerry\" <b>'hi'</b>") == "Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;hi&#39;&lt;/b&gt;")
        // A quote followed by a combining mark is one Character; it must not end an attribute.
        #expect(HTMLEscaping.escape("x\"\u{301} onmouseover=alert(1)") == "x&quot;\u{301} onmouseover=alert(1)")
        #expect(HTMLEscaping.escape("Ünïcödé only") == "Ünïcödé only")
    }

    @Test(arguments: [
        ("javascript:alert(1)", false), ("  JavaScript:alert(1)", false), ("java\u{9}script:alert(1)", false),
        ("java\u{0}script:alert(1)", false), ("VBScript:msgbox", false), ("data:text/html,<script>", false),
        ("DATA:image/png;base64,AAAA", true), ("data:image/svg+xml,<svg onload=alert(1)>", false),
        ("https://example.com/a", true), ("../media/chart.png", true), ("#top", true),
        ("ｊavascript:alert(1)", true),
    ])
    func allowsOnlySafeURLs(url: String, safe: Bool) {
        #expect(HTMLEscaping.isSafeURL(url) == safe)
    }
}

/// Link destinations become URLs of the built site that keep pointing at the same file.
struct LinkRewriterTests {
    @Test func percentEncodesWhatWouldEndAPathAndKeepsTheRest() throws {
        let content = try TemporaryContent(["a.md": "# A\n", "media/chart 100%#1?.png": "png", "media/plain.png": "png"])
        let rewriter = LinkRewriter(files: ContentFiles(root: content.url), pageOutputPath: "a.html", docfx: DocfxProject())
        #expect(rewriter.rewrite("media/plain.png", from: "a.md").url == "media/plain.png")
        #expect(rewriter.rewrite("media/chart 100%25%231%3F.png", from: "a.md").url == "media/chart%20100%25%231%3F.png")
        #expect(rewriter.rewrite("a.md#my part", from: "a.md").url == "a.html#my%20part")
    }
}
