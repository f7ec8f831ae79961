import DocgenMarkup
import Testing

/// Pages of pathological shape (the ones Benchmarks/scaling.py times) at sizes that used to
/// crash the build or give wrong output: they must parse, give the documented finding at the
/// right place, and keep what they say.
@Suite struct LargeInputTests {
    private func limitProblems(_ parsed: ParsedMarkup) -> [String] {
        parsed.problems.filter { $0.kind == .contentLimit }.map { "\($0.position.line):\($0.position.column)" }
    }

    /// The depth of the deepest node, the document being 0, found without recursion.
    private func depth(_ root: MarkupNode) -> Int {
        var deepest = 0
        var pending: [(node: MarkupNode, depth: Int)] = [(root, 0)]
        while let (node, depth) = pending.popLast() {
            deepest = max(deepest, depth)
            pending += node.children.map { ($0, depth + 1) }
        }
        return deepest
    }

    @Test func boundsUnclosedZonesNestedFortyThousandDeep() {
        let parsed = MarkdownParser.parse(String(repeating: ":::zone pivot=\"a\"\n", count: 40_000) + "Text.\n")
        // The 65th zone is the first one past the limit; it and those after it are kept flat.
        #expect(limitProblems(parsed) == ["65:1"])
        #expect(depth(parsed.root) <= MarkupLimits.maximumNesting + 2)
        #expect(parsed.problems.count { $0.message.contains("is never closed") } == 40_000)
        var text: [String] = []
        parsed.root.walk { if case .text(let value) = $0.kind { text.append(value) } }
        #expect(text == ["Text."])
    }

    @Test func boundsUnclosedMonikersAndPairsTheirEndsPastTheLimit() {
        let markdown = String(repeating: "::: moniker range=\"x\"\n", count: 12_000) + "Inner.\n"
            + String(repeating: "::: moniker-end\n", count: 12_000) + "Outer.\n"
        let parsed = MarkdownParser.parse(markdown)
        #expect(limitProblems(parsed) == ["65:1"])
        #expect(!parsed.problems.contains { $0.message.contains("never closed") || $0.message.contains("no matching") })
        // Every -end found its opener, so the text after them is back at the top level.
        #expect(parsed.root.children.last?.plainText == "Outer.")
        #expect(depth(parsed.root) <= MarkupLimits.maximumNesting + 2)
    }

    @Test func boundsDirectivesInsideDeepQuotesByTheirDepthInThePage() {
        let quote = String(repeating: ">", count: 40) + " "
        let markdown = String(repeating: quote + ":::zone pivot=\"a\"\n", count: 100) + quote + "Text.\n"
        let parsed = MarkdownParser.parse(markdown)
        // 40 quotes leave room for 24 zones; the 25th is the first past the limit.
        #expect(limitProblems(parsed) == ["25:42"])
        #expect(depth(parsed.root) <= MarkupLimits.maximumNesting + 2)
    }

    @Test(arguments: [String(repeating: ">", count: 5_000) + " deep\n", String(repeating: "- ", count: 1_000) + "x\n"])
    func flattensDeepQuotesAndListsWithAFinding(markdown: String) {
        let parsed = MarkdownParser.parse(markdown)
        // The 65th container (quote, or list and item counted apart) starts at column 65.
        #expect(limitProblems(parsed) == ["1:65"])
        #expect(parsed.root.plainText.hasSuffix(markdown.hasPrefix(">") ? "deep" : "x"))
        #expect(depth(parsed.root) <= MarkupLimits.maximumNesting + 1)
    }

    @Test func numbersEightThousandIdenticalHeadingsInOrder() {
        let parsed = MarkdownParser.parse("## Same\n\n## Same-2\n\n" + String(repeating: "## Same\n\n", count: 8_000))
        var ids: [String] = []
        parsed.root.walk { if case .heading(_, let id) = $0.kind { ids.append(id) } }
        // same-2 is taken by the second heading, so the numbering skips it.
        #expect(ids.prefix(5) == ["same", "same-2", "same-1", "same-3", "same-4"])
        #expect(ids.last == "same-8001")
        #expect(Set(ids).count == ids.count)
    }

    @Test func readsAnIncludeAfterThousandsOfUnclosedBrackets() {
        let line = String(repeating: "[!", count: 8_000) + String(repeating: "[!include [", count: 500) + "x [!INCLUDE [a [b]](part.md)] end"
        let parsed = MarkdownParser.parse(line + "\n")
        var includes: [String] = []
        parsed.root.walk { node in
            if case .include(let path, let title, true) = node.kind { includes.append("\(title) \(path) \(node.start!.column)") }
        }
        #expect(includes == ["a [b] part.md \(16_000 + 500 * 11 + 3)"])
    }

    @Test func keepsCharacterColumnsOnALongNonASCIILine() {
        let parsed = MarkdownParser.parse(String(repeating: "é *a* [l](x.md) ", count: 20_000) + "\n")
        var emphasis: [Int] = []
        var links: [Int] = []
        parsed.root.walk { node in
            if node.kind == .emphasis { emphasis.append(node.start!.column) }
            if case .link = node.kind { links.append(node.start!.column) }
        }
        // Each repetition is 16 characters: "é " then "*a*" at 3 and the link at 7.
        #expect(emphasis == (0..<20_000).map { $0 * 16 + 3 })
        #expect(links == (0..<20_000).map { $0 * 16 + 7 })
    }

    @Test func refusesATableThatCmarkWouldPadToMillionsOfCells() {
        let markdown = "Intro.\n\n|" + String(repeating: " a |", count: 2_000) + "\n|" + String(repeating: "-|", count: 2_000) + "\n"
            + String(repeating: "|x|\n", count: 2_000) + "\nAfter.\n"
        let parsed = MarkdownParser.parse(markdown)
        #expect(limitProblems(parsed) == ["4:1"])
        #expect(parsed.problems.first { $0.kind == .contentLimit }?.message.hasPrefix("This table is 2000 columns by 2002 rows") == true)
        #expect(!parsed.root.children.contains { if case .table = $0.kind { true } else { false } })
        #expect(parsed.root.children.last?.plainText == "After.")
    }

    @Test func keepsTablesWithinTheLimits() {
        let columns = MarkupLimits.maximumTableColumns
        let markdown = "|" + String(repeating: " a |", count: columns) + "\n|" + String(repeating: "-|", count: columns) + "\n"
            + String(repeating: "|" + String(repeating: " x |", count: columns) + "\n", count: 10)
            + "\n> | a | b |\n> |---|---|\n" + String(repeating: "> | 1 | 2 |\n", count: 30_000)
        let parsed = MarkdownParser.parse(markdown)
        #expect(limitProblems(parsed).isEmpty)
        #expect(parsed.root.children.first?.children.count == 11)
        #expect(parsed.root.children.last?.children.first?.children.count == 30_001)
    }

    @Test func refusesATableOfTooManyCellsInsideAQuote() {
        let markdown = "> | a | b | c |\n> |---|---|---|\n" + String(repeating: "> | 1 | 2 | 3 |\n", count: 40_000)
        let parsed = MarkdownParser.parse(markdown)
        #expect(limitProblems(parsed) == ["2:3"])
        var tables = 0
        parsed.root.walk { if case .table = $0.kind { tables += 1 } }
        #expect(tables == 0)
    }

    @Test func restoresThousandsOfDirectivesInAnIndentedCodeBlock() {
        let code = (0..<3_000).map { "    :::zone pivot=\"p\($0)\"\n    [!INCLUDE [a](b\($0).md)] and :::no-loc text=\"x\":::\n" }.joined()
        let parsed = MarkdownParser.parse("Text.\n\n" + code)
        guard case .codeBlock(_, let literal, _) = parsed.root.children.last?.kind else {
            Issue.record("no code block")
            return
        }
        #expect(literal == code.split(separator: "\n").map { $0.dropFirst(4) + "\n" }.joined())
    }
}

@Suite struct CodeSpanTests {
    private func masked(_ line: String) -> String {
        let characters = Array(line)
        return String(zip(characters, CodeSpans.mask(characters)).map { $0.1 ? "^" : " " })
    }

    @Test func pairsRunsOfEqualLengthAndSkipsUnmatchedOnes() {
        #expect(masked("a `b` c") == "  ^^^  ")
        #expect(masked("``` `` ` x `` y") == "    ^^^^^^^^^  ")
        #expect(masked("` `` x") == "      ")
        #expect(masked("`a`` b`") == "^^^^^^^")
    }

    @Test func handlesALineOfUnmatchedRunsOfEveryLength() {
        let line = (1...300).map { String(repeating: "`", count: $0) + " " }.joined()
        #expect(!CodeSpans.mask(Array(line)).contains(true))
    }
}
