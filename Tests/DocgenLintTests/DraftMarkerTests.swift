@testable import DocgenLint
import DocgenMarkup
import DocgenTestSupport
import Testing

@Suite struct DraftMarkerTests {
    let page = LintHarness.validFrontMatter + """
    # Release plan

    TODO: add the alert thresholds.

    The todo list and a TODOS file are fine, and so is `TODO` in code.

    Numbers are TBD and the FIXME is here.

    ```bash
    # TODO inside code
    ```

    ## Old stuff

    Note to self: support for this is coming soon.

    ## Notes:

    | Setting | Value |
    |---|---|
    | Retention | TK |
    | Sampling | tk |

    """

    @Test func reportsMarkersDraftHeadingsAndNotesToSelf() throws {
        #expect(try LintHarness.findings(["a.md": page], rules: [DraftMarker.self])
            == ["a.md:10:1 DG402", "a.md:14:13 DG402", "a.md:14:25 DG402", "a.md:20:1 DG402", "a.md:22:1 DG402", "a.md:24:1 DG402", "a.md:28:15 DG402"])
        let messages = try LintHarness.diagnostics(["a.md": page], rules: [DraftMarker.self]).map(\.message)
        #expect(messages[0] == "Draft marker 'TODO' left in the text; finish the work it marks and remove it.")
        #expect(messages[3] == "Heading 'Old stuff' marks leftover draft material; move what is still true into the article and remove the section.")
        #expect(messages[4] == "'Note to self' reads as a note to self; write the missing content or remove the note.")
    }

    @Test func staysQuietOnFinishedInstructions() throws {
        let page = LintHarness.validFrontMatter + """
        # Install

        Fill in the form, and add more rules later if you need to add them. Replace the placeholder values with your own.

        ## Release notes

        See the to-do list in the project board. The object to be added to this list is the one the
        command returns; the values to be written are in the table. Support for Java is coming soon,
        with more to come.

        """
        #expect(try LintHarness.findings(["a.md": page], rules: [DraftMarker.self]).isEmpty)
    }

    @Test func readsHeadingsAndPhrasesFromConfiguration() throws {
        let page = LintHarness.validFrontMatter + "# Release plan\n\n## Backlog\n\nThis section needs review.\n\n## Old stuff\n\nTODO later.\n"
        let files = ["docgen.yml": "lint:\n  rules:\n    draft-marker:\n      draft-headings: [Backlog]\n      draft-words: [needs review]\n", "a.md": page]
        // The four markers are always on; the lists replace the default headings and phrases.
        #expect(try LintHarness.findings(files, rules: [DraftMarker.self]) == ["a.md:10:1 DG402", "a.md:12:14 DG402", "a.md:16:1 DG402"])
    }

    /// The one-pass phrase search finds what a byte search of the lower-cased text finds, for
    /// case-sensitive and folded phrases, one-byte phrases, phrases at either end of the text and
    /// ones cut by the end.
    @Test func phraseIndexFindsWhatASearchOfEachPhraseFinds() {
        let phrases: [(bytes: [UInt8], caseSensitive: Bool)] = [
            (Array("TODO".utf8), true), (Array("tbd".utf8), false), (Array("to be added".utf8), false), (Array("x".utf8), false),
            (Array("TK".utf8), true), (Array("[placeholder]".utf8), false),
        ]
        let index = PhraseIndex(phrases)
        for text in ["", "T", "todo", "TODO", "Todo: To Be Added", "to be adde", "TK is TBD", "t k", "X", "[Placeholder]", "tbdTODO\u{0}tk"] {
            let bytes = Array(text.utf8)
            let expected = phrases.map { phrase in
                (phrase.caseSensitive ? bytes : bytes.map(\.asciiLowercased)).containsBytes(phrase.bytes)
            }
            #expect(bytes.withUnsafeBufferPointer { index.occurring(in: $0) } == expected, "\(text)")
        }
    }
}
