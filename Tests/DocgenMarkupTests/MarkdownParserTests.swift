import DocgenMarkup
import Testing

/// Parsing of Learn constructs into nodes, and the problems reported for malformed ones, with
/// exact positions.
@Suite struct MarkdownParserTests {
    private func kinds(_ markdown: String) -> [String] {
        var result: [String] = []
        MarkdownParser.parse(markdown).root.walk { node in
            switch node.kind {
            case .alert(let kind): result.append("alert:\(kind.rawValue)")
            case .zone(let pivots, _): result.append("zone:\(pivots.joined(separator: ","))")
            case .complexImage(let image): result.append("complex:\(image.source)")
            case .inlineImage(let image): result.append("image:\(image.source)")
            case .include(let path, _, let inline): result.append("include:\(path):\(inline)")
            case .tabGroup(let index): result.append("tabs:\(index)")
            case .tab(let id, _, _): result.append("tab:\(id)")
            case .row: result.append("row")
            case .column(let span): result.append("column:\(span ?? "")")
            case .noLoc(let text): result.append("noloc:\(text)")
            case .codeSnippet(let snippet): result.append("code:\(snippet.source)")
            case .division(let attributes): result.append("div:\(attributes)")
            case .video(let url): result.append("video:\(url)")
            default: break
            }
        }
        return result
    }

    private func problems(_ markdown: String) -> [String] {
        MarkdownParser.parse(markdown).problems.map { "\($0.position.line):\($0.position.column) \($0.kind.rawValue)" }
    }

    @Test func recognisesAllFiveAlertsCaseInsensitively() {
        let markdown = AlertKind.allCases.map { "> [!\($0.rawValue.lowercased())]\n> Body.\n" }.joined(separator: "\n")
        #expect(kinds(markdown) == ["alert:NOTE", "alert:TIP", "alert:IMPORTANT", "alert:CAUTION", "alert:WARNING"])
    }

    @Test func splitsAQuoteAtEachAlertMarker() {
        #expect(kinds("> [!NOTE]\n> One.\n>\n> [!TIP]\n> Two.\n") == ["alert:NOTE", "alert:TIP"])
    }

    @Test func reportsTextAfterTheAlertMarker() {
        #expect(problems("Intro.\n\n> [!NOTE] Text here\n") == ["3:3 alertSyntax"])
        #expect(kinds("> [!NOTE] Text here\n").isEmpty)
    }

    @Test func readsDivisionAndVideoQuotes() {
        #expect(kinds("> [!div class=\"nextstepaction\"]\n> [Next](b.md)\n\n> [!VIDEO https://example.com/v]\n") == ["div:class=\"nextstepaction\"", "video:https://example.com/v"])
    }

    @Test func readsInlineAndComplexImagesAndImagesInListItems() {
        let markdown = """
        Text :::image type="content" source="a.png" alt-text="A":::

        - Item
          :::image type="content" source="b.png" alt-text="B":::

        :::image type="complex" source="c.png" alt-text="C":::
        Long description.
        :::image-end:::
        """
        #expect(kinds(markdown) == ["image:a.png", "image:b.png", "complex:c.png"])
    }

    @Test func reportsMalformedImagesAtTheDirective() {
        let markdown = """
        :::image source="a.png":::

        :::image type="content" alt-text="x":::

        :::image type="fancy" source="a.png" alt-text="x":::

        :::image type="content" source="a.png" alt-text="x" size="3":::

        :::image type="complex" source="c.png" alt-text="C":::
        :::image-end:::

        :::image type="complex" source="d.png" alt-text="D":::
        Never closed.
        """
        #expect(problems(markdown) == [
            "1:1 imageDirective", "3:1 imageDirective", "5:1 imageDirective", "7:1 imageDirective",
            "9:1 imageDirective", "12:1 imageDirective",
        ])
    }

    @Test func groupsZonesAndReportsBadPivotsNestingAndMissingEnds() {
        #expect(kinds(":::zone pivot=\"developer\"\n\nText.\n\n:::zone-end\n") == ["zone:developer"])
        #expect(problems(":::zone pivot=\"Developer\"\n\nText.\n\n:::zone-end\n") == ["1:1 zoneDirective"])
        #expect(problems(":::zone pivot=\"a\"\n:::zone pivot=\"b\"\n:::zone-end\n:::zone-end\n") == ["2:1 zoneDirective"])
        #expect(problems("Intro.\n\n:::zone pivot=\"a\"\n\nText.\n") == ["3:1 zoneDirective"])
        #expect(problems(":::zone-end\n") == ["1:1 zoneDirective"])
    }

    @Test func readsRowsColumnsIncludesNoLocAndCode() {
        let markdown = """
        :::row:::
           :::column span="2":::
           Left.
           :::column-end:::
        :::row-end:::

        [!INCLUDE [note](includes/a.md)]

        Inline [!INCLUDE [x](includes/b.md)] and :::no-loc text="Kubernetes"::: here.

        :::code language="bash" source="s.sh" range="1-2":::
        """
        #expect(kinds(markdown) == ["row", "column:2", "include:includes/a.md:false", "include:includes/b.md:true", "noloc:Kubernetes", "code:s.sh"])
    }

    @Test func groupsTabsUntilTheThematicBreak() {
        let markdown = "# [Linux](#tab/linux)\n\nA.\n\n# [Windows](#tab/windows)\n\nB.\n\n---\n\nAfter.\n"
        #expect(kinds(markdown) == ["tabs:1", "tab:linux", "tab:windows"])
        #expect(problems(markdown).isEmpty)
        // Unended, the group is reported only when its last tab swallows a later section.
        #expect(problems("## [A](#tab/a)\n\nA.\n\n## [B](#tab/a)\n\nB.\n") == ["5:1 tabGroup"])
        #expect(problems("## [A](#tab/a)\n\nA.\n\n## [B](#tab/b)\n\nB.\n\n## Next\n") == ["1:1 tabGroup"])
        #expect(problems("## [A](#tab/a)\n\nA.\n\n## [B](#tab/b)\n\n### Example\n\nB.\n").isEmpty)
    }

    @Test func leavesDirectivesInCodeAlone() {
        let markdown = "```\n:::zone pivot=\"a\"\n> [!NOTE]\n```\n\nSee `:::image source=\"x\":::` here.\n"
        #expect(kinds(markdown).isEmpty)
        #expect(problems(markdown).isEmpty)
        var code: [String] = []
        MarkdownParser.parse(markdown).root.walk { node in
            if case .codeBlock(_, let literal, _) = node.kind { code.append(literal) }
            if case .code(let literal) = node.kind { code.append(literal) }
        }
        #expect(code == [":::zone pivot=\"a\"\n> [!NOTE]\n", ":::image source=\"x\":::"])
    }

    @Test func reportsUnknownDirectives() {
        #expect(problems("Text.\n\n:::imag source=\"a.png\":::\n") == ["3:1 unknownDirective"])
    }

    @Test func keepsPositionsOfLinksAfterAnInlineDirective() {
        let parsed = MarkdownParser.parse("A :::image type=\"content\" source=\"é.png\" alt-text=\"é\"::: then [link](x.md).\n")
        var position: SourcePosition?
        parsed.root.walk { node in if case .link = node.kind { position = node.start } }
        #expect(position == SourcePosition(line: 1, column: 63))
    }

    @Test func survivesDeepNesting() {
        let parsed = MarkdownParser.parse(String(repeating: ">", count: 5000) + " deep\n" + String(repeating: "- ", count: 3000) + "x\n")
        #expect(parsed.root.children.count >= 1)
    }
}

@Suite struct EmptyContainerTests {
    @Test(arguments: ["![](a.png)\n\nAfter.\n", "See [](x.md) here.\n\nAfter.\n", "| a | b |\n|---|---|\n| 1 |   |\n\nAfter.\n", "#\n\nAfter.\n", "-\n- b\n\nAfter.\n"])
    func keepsContentAfterAnEmptyContainer(markdown: String) {
        let root = MarkdownParser.parse(markdown).root
        #expect(root.kind == .document)
        #expect(root.children.last?.plainText == "After.")
    }
}

import Foundation

@Suite struct ConcurrentParsingTests {
    /// cmark-gfm's extension trigger characters live in a process-wide table; parsing pages on all
    /// cores must still find every autolink.
    @Test func findsEveryAutolinkWhenParsingInParallel() {
        let markdown = String(repeating: "Text with **bold** and a [link](a.md) here.\n\n", count: 40) + "Visit www.example.com today.\n"
        let found = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: 400) { _ in
            var autolinks = 0
            MarkdownParser.parse(markdown).root.walk { node in
                if case .link(_, _, true) = node.kind { autolinks += 1 }
            }
            found.add(autolinks)
        }
        #expect(found.value == 400)
    }

    @Test func keepsStrikethroughAndAutolinksWhenParsingInParallel() {
        // Pages with and without a `~` interleaved: their inline passes share cmark-gfm's table
        // of trigger characters.
        let plain = String(repeating: "Text with **bold** and a [link](a.md) here.\n\n", count: 40) + "Visit www.example.com today.\n"
        let struck = String(repeating: "Version 1~2 of *this* text.\n\n", count: 40) + "It was ~~removed~~ at https://example.com.\n"
        let found = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: 400) { iteration in
            var count = 0
            MarkdownParser.parse(iteration.isMultiple(of: 2) ? plain : struck).root.walk { node in
                if case .link(_, _, true) = node.kind { count += 1 }
                if case .strikethrough = node.kind { count += 1 }
            }
            found.add(count)
        }
        #expect(found.value == 200 + 200 * 2)
    }

    @Test func readsALoneTildeAsText() {
        let paragraph = MarkdownParser.parse("Version 1.2~3 and ~~gone~~.\n").root.children.first
        #expect(paragraph?.plainText == "Version 1.2~3 and gone.")
        #expect(paragraph?.children.contains { $0.kind == .strikethrough } == true)
    }
}

private final class LockedCounter: @unchecked Sendable {
    private var total = 0
    private let lock = NSLock()
    func add(_ value: Int) { lock.lock(); total += value; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return total }
}
