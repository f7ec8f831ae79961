import DocgenRender
import DocgenTestSupport
import Foundation
import Testing

/// Articles rendered while a build loads wait in a file beside the output until the pages are written.
@Suite struct ArticleSpillTests {
    @Test func eachTextIsReadBackAsWrittenAndTheFileIsNeverInTheFolder() throws {
        let folder = try TemporaryContent([:])
        let output = folder.url.appendingPathComponent("_site")
        let spill = try #require(ArticleSpill(beside: output))
        let first = try #require(spill.store("<p>Première page — \u{1F600}</p>\n"))
        let empty = try #require(spill.store(""))
        let second = try #require(spill.store(String(repeating: "<li>entry</li>\n", count: 10_000)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty, "the file is removed from the folder once open")
        #expect(spill.read(second) == String(repeating: "<li>entry</li>\n", count: 10_000))
        #expect(spill.read(first) == "<p>Première page — \u{1F600}</p>\n")
        #expect(spill.read(empty) == "")
        #expect(spill.failure == nil)
    }

    @Test func noSpillWhereTheOutputsFolderCannotBeWritten() {
        #expect(ArticleSpill(beside: URL(fileURLWithPath: "/nonexistent-docgen-folder/_site")) == nil)
    }
}
