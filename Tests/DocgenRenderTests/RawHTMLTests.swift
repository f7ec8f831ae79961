import DocgenCore
import DocgenMarkup
import DocgenRender
import DocgenTestSupport
import Foundation
import Testing

/// Raw HTML in Markdown: the exact HTML each construct becomes.
struct RawHTMLTests {
    static let content = try! TemporaryContent(["page.md": "# Page\n"])

    static func render(_ markdown: String) -> String {
        let parsed = MarkdownParser.parse(markdown)
        return HTMLRenderer.renderFragment(parsed.root.children, path: "page.md", files: ContentFiles(root: content.url))
    }

    // MARK: - One stream: tags close in later blocks

    @Test func aDivAroundMarkdownWrapsIt() {
        #expect(Self.render("<div>\n\n*Emphasized* text.\n\n</div>\n") == "<div>\n<p><em>Emphasized</em> text.</p>\n</div>\n")
    }

    @Test func detailsHideTheMarkdownTheyHold() {
        #expect(Self.render("<details><summary>More</summary>\n\nHidden *text*.\n\n</details>\n\nAfter.\n")
            == "<details><summary>More</summary>\n<p>Hidden <em>text</em>.</p>\n</details>\n<p>After.</p>\n")
    }

    @Test func aTableWrittenAcrossBlocksKeepsItsCells() {
        let markdown = "<table>\n<tr>\n<td>\n\nCell *one*\n\n</td>\n<td>Two</td>\n</tr>\n</table>\n"
        #expect(Self.render(markdown) == "<table>\n<tr>\n<td>\n<p>Cell <em>one</em></p>\n</td>\n<td>Two</td>\n</tr>\n</table>\n")
    }

    @Test func aTagLeftOpenClosesWithTheContainerItOpenedIn() {
        #expect(Self.render("- <div>\n\n  text\n\nafter\n") == "<ul>\n<li><div>\n<p>text</p>\n</div></li>\n</ul>\n<p>after</p>\n")
        #expect(Self.render("> <section>\n>\n> quoted\n\n</section>\n") == "<blockquote>\n<section>\n<p>quoted</p>\n</section></blockquote>\n")
        #expect(Self.render("<div>\n\nnever closed\n") == "<div>\n<p>never closed</p>\n</div>\n")
    }

    @Test func aCloseTagCannotCloseWhatItsParagraphOrEmphasisDidNotOpen() {
        #expect(Self.render("<div>\n\nPara with </div> inside.\n\n</div>\n") == "<div>\n<p>Para with  inside.</p>\n</div>\n")
        #expect(Self.render("*a <b>c* d</b>\n") == "<p><em>a <b>c</b></em> d</p>\n")
        #expect(Self.render("Some <b>bold\n\nand more</b>\n") == "<p>Some <b>bold</b></p>\n<p>and more</p>\n")
    }

    // MARK: - Character references in attributes

    @Test func attributeReferencesAreDecodedThenEscapedOnce() {
        #expect(Self.render("<a href=\"&ouml;&ouml;.html\" title=\"caf&eacute; &amp; &#x41;&#65;&#0;&bogus;\">x</a>\n")
            == "<p><a href=\"öö.html\" title=\"café &amp; AA\u{FFFD}&amp;bogus;\">x</a></p>\n")
        #expect(Self.render("<span title=\"&ThickSpace;&lt;&NotEqualTilde;&gt;\">x</span>\n")
            == "<p><span title=\"\u{205F}\u{200A}&lt;\u{2242}\u{338}&gt;\">x</span></p>\n")
    }

    @Test(arguments: ["jav&Tab;ascript:alert(1)", "&#106;avascript:alert(1)", "javascript&colon;alert(1)", "java&NewLine;script:x", "&#x6A;avascript&#x3A;x"])
    func aSchemeHiddenInReferencesIsStillRemoved(href: String) {
        #expect(Self.render("<a href=\"\(href)\">x</a>\n") == "<p><a>x</a></p>\n")
    }

    // MARK: - Comments, processing instructions, declarations, CDATA

    @Test func processingInstructionsDeclarationsAndCDATAAreRemoved() {
        #expect(Self.render("foo <?php echo $a; ?> bar\n") == "<p>foo  bar</p>\n")
        #expect(Self.render("foo <!ELEMENT br EMPTY> bar\n") == "<p>foo  bar</p>\n")
        #expect(Self.render("foo <![CDATA[>&<]]> bar\n") == "<p>foo  bar</p>\n")
        #expect(Self.render("<!DOCTYPE html>\n\nText\n") == "<p>Text</p>\n")
        #expect(Self.render("<?php\n\n  echo '>';\n\n?>\nokay\n") == "<p>okay</p>\n")
        #expect(Self.render("foo <!-- note --> bar\n") == "<p>foo  bar</p>\n")
    }

    // MARK: - Elements removed with their content

    @Test func aScriptBetweenInlinesGoesWithItsContent() {
        #expect(Self.render("Run <script>alert(1)</script> now.\n") == "<p>Run  now.</p>\n")
        #expect(Self.render("A <style>p { *color*: red }</style> b <xmp>*x*</xmp> c\n") == "<p>A  b  c</p>\n")
    }

    @Test func anUnclosedRemovedElementEndsWithItsParagraph() {
        #expect(Self.render("Mind the <textarea> field *here*.\n\nNext.\n") == "<p>Mind the </p>\n<p>Next.</p>\n")
    }

    @Test func aRemovedElementAcrossBlocksTakesTheMarkdownInsideIt() {
        #expect(Self.render("<textarea>\n\n*hidden*\n\n</textarea>\n\nShown\n") == "<p>Shown</p>\n")
        #expect(Self.render("<svg>\n<svg></svg>\n\n*hidden*\n\n</svg>\n\nShown\n") == "<p>Shown</p>\n")
        // Raw text ends at its own close tag only: a `</b>` or quotes inside do not end it.
        #expect(Self.render("<script>\nvar a = \"</b>\";\n\nx = 1\n</script>\nShown\n") == "<p>Shown</p>\n")
    }

    // MARK: - Self-closing tags, URLs

    @Test func aSelfClosingNonVoidTagIsAnEmptyElement() {
        #expect(Self.render("<div/>\n\nText\n") == "<div></div>\n<p>Text</p>\n")
        #expect(Self.render("Text <span/> more <br/>\n") == "<p>Text <span></span> more <br></p>\n")
    }

    @Test func urlsArePercentEncodedAsCmarkDoes() {
        #expect(Self.render("[a](</my uri>)\n") == "<p><a href=\"/my%20uri\">a</a></p>\n")
        #expect(Self.render("[a](https://example.com/ä?q=[1]&r=`2`)\n")
            == "<p><a href=\"https://example.com/%C3%A4?q=%5B1%5D&amp;r=%602%60\" class=\"external\" rel=\"noopener\">a</a></p>\n")
        #expect(Self.render("<a href=\"/my uri\">x</a>\n") == "<p><a href=\"/my%20uri\">x</a></p>\n")
        #expect(Self.render("![i](<my image.png>)\n") == "<p><img src=\"my%20image.png\" alt=\"i\" loading=\"lazy\"></p>\n")
    }

    // MARK: - Footnotes

    @Test func footnotesStayTextAsInDocFXsDefaultPipeline() {
        #expect(Self.render("Text[^1].\n\n[^1]: The note.\n") == "<p>Text[^1].</p>\n<p>[^1]: The note.</p>\n")
    }

    // MARK: - Safety across blocks

    @Test func handlersStylesAndScriptURLsNeverPass() {
        let markdown = "<div onclick=\"x()\" style=\"color:red\" class=\"c\">\n\n<a href=\"vbscript:x\" onmouseover=\"y()\">a</a> <img src=\"data:text/html,x\" alt=\"i\">\n\n</div>\n"
        #expect(Self.render(markdown) == "<div class=\"c\">\n<p><a>a</a> <img alt=\"i\"></p>\n</div>\n")
    }

    @Test func aLinkToAnotherWindowAlwaysHasNoopener() {
        #expect(Self.render("<a rel=\"opener\" href=\"https://example.com\" target=\"_blank\" target=\"x\">x</a>\n")
            == "<p><a href=\"https://example.com\" rel=\"noopener\" target=\"_blank\">x</a></p>\n")
        #expect(Self.render("<a rel=\"help\" href=\"/h\">x</a>\n") == "<p><a rel=\"help\" href=\"/h\">x</a></p>\n")
    }

    @Test func filesThatRawHTMLNamesAreCopiedAndURLsOutsideTheRootLeftOut() throws {
        let content = try TemporaryContent([
            "docs/page.md": "# Page\n\n<img src=\"media/chart one.png\" alt=\"Chart\"> <a href=\"files/data.csv\">data</a> <a href=\"../../secret.txt\">out</a>\n",
            "docs/media/chart one.png": "png", "docs/files/data.csv": "a,b",
        ])
        let site = SiteLoader.load(root: content.url)
        let document = try #require(site.document(at: "docs/page.md"))
        let article = HTMLRenderer.render(document, files: site.files)
        #expect(article.assets == ["docs/media/chart one.png", "docs/files/data.csv"])
        #expect(article.bodyHTML == "<p><img src=\"media/chart%20one.png\" alt=\"Chart\"> <a href=\"files/data.csv\">data</a> <a>out</a></p>\n")
    }

    @Test func dataAttributesWithOddNamesAreDropped() {
        #expect(Self.render("<div data-x\"y=\"1\" data-<z=\"3\" data-ok=\"2\" aria-label=\"L\">s</div>\n") == "<div data-ok=\"2\" aria-label=\"L\">s</div>\n")
    }

    @Test func aHeadingInsideARemovedElementIsNotOnThisPage() throws {
        let content = try TemporaryContent(["page.md": "# Page\n\n## Shown\n\n<textarea>\n\n## Hidden\n\n</textarea>\n"])
        let site = SiteLoader.load(root: content.url)
        let document = try #require(site.document(at: "page.md"))
        let article = HTMLRenderer.render(document, files: site.files)
        #expect(article.outline.map(\.id) == ["shown"])
        #expect(article.bodyHTML == "<h2 id=\"shown\">Shown</h2>\n")
    }

    // MARK: - Stray close tags

    @Test func strayCloseTagsAfterManyOpenTagsAreDroppedAndEveryOpenTagClosed() {
        let count = 25_000
        let markdown = String(repeating: "<em>", count: count) + String(repeating: "</b>", count: count) + "\n"
        let expected = "<p>" + String(repeating: "<em>", count: count) + String(repeating: "</em>", count: count) + "</p>\n"
        #expect(Self.render(markdown) == expected)
        let balanced = String(repeating: "<b>", count: count) + "x" + String(repeating: "</b>", count: count) + "\n"
        #expect(Self.render(balanced) == "<p>" + balanced.dropLast() + "</p>\n")
    }
}
