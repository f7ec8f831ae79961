@testable import DocgenRender
import Testing

/// Titles, paths and search terms go into `search-index.js` and `toc/*.js` as JSON string
/// literals that no content can break out of.
@Suite struct ScriptStringLiteralTests {
    @Test func plainTextIsQuotedAsItIs() {
        #expect(SearchIndexBuilder.json("Monitor AKS — Überblick 日本語") == "\"Monitor AKS — Überblick 日本語\"")
        #expect(SearchIndexBuilder.json("") == "\"\"")
    }

    @Test func quotesBackslashesAndControlCharactersAreEscaped() {
        #expect(SearchIndexBuilder.json("say \"hi\" \\ now") == #""say \"hi\" \\ now""#)
        #expect(SearchIndexBuilder.json("a\nb\rc\td\u{1}e\u{1F}") == #""a\nb\rc\td\u0001e\u001f""#)
    }

    /// `</script>` cannot close the script, and U+2028/U+2029 cannot end a line of it in older
    /// JavaScript; other characters starting with the same byte (E2) stay as they are.
    @Test func scriptBreakersAreEscaped() {
        #expect(SearchIndexBuilder.json("</script><b>") == #""\u003c/script>\u003cb>""#)
        #expect(SearchIndexBuilder.json("one\u{2028}two\u{2029}") == #""one\u2028two\u2029""#)
        #expect(SearchIndexBuilder.json("a – b → c\u{2027}\u{202A}") == "\"a – b → c\u{2027}\u{202A}\"")
        #expect(SearchIndexBuilder.json("\u{E2}") == "\"\u{E2}\"", "â (C3 A2) is not the byte E2")
    }
}
