import DocgenCore
import DocgenMarkup
import DocgenTestSupport
import Foundation
import Testing

/// Bad input never crashes the loader: each case yields a problem naming the file, line and
/// what to do, and the rest of the site still loads.
@Suite struct BadInputTests {
    private func problems(_ files: [String: String], bytes: [String: [UInt8]] = [:]) throws -> [String] {
        let content = try TemporaryContent(files)
        for (path, data) in bytes { try content.write(path, bytes: data) }
        let site = SiteLoader.load(root: content.url)
        return site.documents.flatMap { document in
            document.problems.map { "\($0.path):\($0.position.line):\($0.position.column) \($0.kind.rawValue)" }
        }.sorted()
    }

    @Test func reportsInvalidUTF8AtItsLineAndKeepsTheText() throws {
        let found = try problems([:], bytes: ["a.md": Array("# Title\n\nCaf".utf8) + [0xE9] + Array(" au lait.\n".utf8)])
        #expect(found == ["a.md:3:1 invalidEncoding"])
    }

    @Test func skipsAByteOrderMarkAndReadsTheFrontMatter() throws {
        let content = try TemporaryContent([:])
        try content.write("a.md", bytes: [0xEF, 0xBB, 0xBF] + Array("---\ntitle: With BOM\n---\n# H\n".utf8))
        let site = SiteLoader.load(root: content.url)
        #expect(site.documents.first?.frontMatter.title == "With BOM")
        #expect(site.documents.first?.problems.isEmpty == true)
    }

    @Test func readsCRLFFilesWithTheSamePositions() throws {
        let content = try TemporaryContent(["a.md": "---\r\ntitle: CRLF\r\n---\r\n# H\r\n\r\nSee [x](y.md).\r\n"])
        let site = SiteLoader.load(root: content.url)
        let document = try #require(site.documents.first)
        #expect(document.frontMatter.title == "CRLF")
        var linkStart: SourcePosition?
        document.root.walk { node in if case .link = node.kind { linkStart = node.start } }
        #expect(linkStart == SourcePosition(line: 6, column: 5))
    }

    @Test func loadsAnEmptyFile() throws {
        let content = try TemporaryContent(["a.md": ""])
        let site = SiteLoader.load(root: content.url)
        #expect(site.documents.count == 1)
        #expect(site.documents[0].root.children.isEmpty)
    }

    @Test func reportsABinaryFile() throws {
        #expect(try problems([:], bytes: ["a.md": [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]]) == ["a.md:1:1 binaryFile"])
    }

    @Test func reportsUnterminatedFrontMatter() throws {
        #expect(try problems(["a.md": "---\ntitle: Never closed\n\n# Heading\n"]) == ["a.md:1:1 unterminatedFrontMatter"])
    }

    @Test func reportsInvalidYAMLAtItsLine() throws {
        // An unclosed bracket or quote is reported where it opens, not at the closing fence
        // where the YAML parser notices it.
        #expect(try problems(["a.md": "---\ntitle: ok\ndescription: [unclosed\n---\n# H\n"]) == ["a.md:3:14 invalidYAML"])
        #expect(try problems(["a.md": "---\ntitle: ok\ndescription: \"unclosed\nms.date: 01/02/2024\n---\n# H\n"]) == ["a.md:3:14 invalidYAML"])
        #expect(try problems(["a.md": "---\ntitle: ok\n  bad: indent: here\n---\n# H\n"]) == ["a.md:3:6 invalidYAML"])
    }

    @Test func reportsAKeyGivenTwiceAtItsFirstPlaceWhetherOrNotItIsQuoted() throws {
        // Every value is read as text, so `1` and `'1'` name one key, as `title` twice does.
        #expect(try problems(["a.md": "---\ntitle: ok\ntitle: again\n---\n# H\n"]) == ["a.md:2:1 invalidYAML"])
        #expect(try problems(["a.md": "---\ntitle: ok\n1: one\n'1': again\n---\n# H\n"]) == ["a.md:3:1 invalidYAML"])
        #expect(try problems(["a.md": "---\ntitle: ok\nms.date: 01/02/2024\nms.topic: how-to\n---\n# H\n"]) == [])
    }

    @Test func refusesAYAMLAliasBomb() throws {
        var yaml = "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
        for (index, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].enumerated() {
            let previous = index == 0 ? "a" : ["b", "c", "d", "e", "f", "g", "h", "i"][index - 1]
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let found = try problems(["a.md": "---\n" + yaml + "---\n# H\n"])
        #expect(found.count == 1)
        #expect(found.first?.hasSuffix("invalidYAML") == true)
    }

    @Test func reportsAnIncludeCycleOnce() throws {
        let found = try problems([
            "a.md": "# A\n\n[!INCLUDE [b](includes/b.md)]\n",
            "includes/b.md": "B.\n\n[!INCLUDE [c](c.md)]\n",
            "includes/c.md": "C.\n\n[!INCLUDE [b](b.md)]\n",
        ])
        #expect(found == ["includes/c.md:3:1 includeCycle"])
    }

    @Test func neverReadsAnIncludeOutsideTheRoot() throws {
        let found = try problems(["docs/a.md": "# A\n\n[!INCLUDE [x](../../../etc/passwd.md)]\n"])
        #expect(found == ["docs/a.md:3:1 includeOutsideRoot"])
    }

    @Test func ignoresSymbolicLinksThatLeaveTheRoot() throws {
        let outside = try TemporaryContent(["secret.md": "# Secret\n"])
        let content = try TemporaryContent(["a.md": "# A\n\n[!INCLUDE [x](leak.md)]\n"])
        try FileManager.default.createSymbolicLink(at: content.url.appendingPathComponent("leak.md"), withDestinationURL: outside.url.appendingPathComponent("secret.md"))
        let site = SiteLoader.load(root: content.url)
        #expect(site.documents.map(\.path) == ["a.md"])
        #expect(site.documents[0].problems.map(\.kind) == [.includeNotFound])
    }
}
