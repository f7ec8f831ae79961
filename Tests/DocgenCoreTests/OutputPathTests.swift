import DocgenCore
import Testing

/// Where a source file is published, and which files are media, by the extension of the file's
/// own name: a dot in a folder's name is not an extension.
@Suite struct OutputPathTests {
    @Test func aPageIsPublishedUnderItsNameWithHTMLForItsExtension() {
        #expect(Document.outputPath(for: "guide/install.md") == "guide/install.html")
        #expect(Document.outputPath(for: "v1.2/notes") == "v1.2/notes.html")
        #expect(Document.outputPath(for: "v1.2/notes.v3.md") == "v1.2/notes.v3.html")
        #expect(Document.outputPath(for: "überblick/ünïcode.md") == "überblick/ünïcode.html")
        #expect(Document.outputPath(for: ".hidden") == ".html")
    }

    @Test func mediaAreKnownByTheirOwnExtension() {
        #expect(ContentFiles.isMedia("media/diagram.SVG"))
        #expect(!ContentFiles.isMedia("media.png/readme"))
        #expect(!ContentFiles.isMedia("media/notes.md"))
    }

    @Test func theExtensionDotIsTheLastDotOfTheName() {
        let path = "a.b/c.d.e"
        #expect(RelativePath.extensionDot(in: path).map { String(path[$0...]) } == ".e")
        #expect(RelativePath.extensionDot(in: "a.b/c") == nil)
    }
}
