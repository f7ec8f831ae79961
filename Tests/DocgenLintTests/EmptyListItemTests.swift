import DocgenLint
import DocgenMarkup
import DocgenTestSupport
import Testing

/// Parser bug in DocgenMarkup's CmarkTreeConverter: a container node without children (an
/// empty list item, an empty table cell) is appended on ENTER, and the EXIT that cmark still
/// sends pops its parent, so the rest of the tree is lost and the document root becomes the
/// last block. Tests that need such nodes record it as a known issue while the bug is there.
enum EmptyContainerBug {
    static var isPresent: Bool { MarkdownParser.parse("-\n\nText.\n").root.kind != .document }

    /// Runs `body`, as a known issue when the parser bug is present.
    static func check(_ body: () throws -> Void) rethrows {
        if isPresent {
            withKnownIssue("CmarkTreeConverter drops the tree after an empty list item or table cell") { try body() }
        } else {
            try body()
        }
    }
}

@Suite struct EmptyListItemTests {
    @Test func reportsBulletsAndNumbersWithNothingAfterThem() throws {
        let page = LintHarness.validFrontMatter + """
        # Lists

        - Create an availability test.
        -
        ## See also

        1. First step.
        2.
        3. Third step.

        - Real item.
        - <!-- later -->

        """
        try EmptyContainerBug.check { () throws in
            #expect(try LintHarness.findings(["a.md": page], rules: [EmptyListItem.self]) == ["a.md:11:1 DG403", "a.md:15:1 DG403", "a.md:19:1 DG403"])
            #expect(try LintHarness.diagnostics(["a.md": page], rules: [EmptyListItem.self]).first?.message == "Empty list item; write its text or remove the bullet.")
        }
    }

    @Test func staysQuietOnCompleteLists() throws {
        let page = LintHarness.validFrontMatter + "# Lists\n\n- One.\n- Two.\n\n1. First.\n   - Nested.\n2. Second.\n"
        #expect(try LintHarness.findings(["a.md": page], rules: [EmptyListItem.self]).isEmpty)
    }
}
