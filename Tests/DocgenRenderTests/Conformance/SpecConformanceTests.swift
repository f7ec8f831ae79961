import DocgenCore
import DocgenMarkup
import DocgenRender
import DocgenTestSupport
import Foundation
import Testing

/// Runs every example of cmark-gfm's `spec.txt` and `extensions.txt` (vendored in
/// `Fixtures/cmark-gfm`) through docgen's Markdown-to-HTML path and compares the HTML with what
/// the spec expects, after ``HTMLNormalizer``. The examples where docgen differs on purpose are
/// listed in `differences` with the reason; any other difference fails, and so does a listed
/// example that has come to match (remove it from the list).
@Suite struct SpecConformanceTests {
    /// Examples whose HTML differs on purpose, with the reason.
    static let differences: [String: String] = {
        let balanced = "raw tags left open are closed where their paragraph, block or container ends (the spec leaves them open)"
        let allowList = "the allow-list drops unknown tags and attributes, and close tags with nothing open to close"
        let removedWithContent = "`script`, `style`, `title`, `textarea` and `xmp` are removed with their content (cmark-gfm's tag filter escapes them instead)"
        let declarations = "comments, processing instructions, declarations and CDATA are removed: browsers ignore them in a page, and comments hold notes not meant for readers"
        let linkRewriting = "link rewriting: an empty destination is no link (a lint finding), and `\\` in a path is `/` as in DocFX"
        let rawURLSpaces = "spaces and line breaks in a raw URL attribute are percent-encoded"
        let extensionsOn = "GFM's autolink extension is always on (this example assumes it off)"
        let taskLists = "task list items have an accessible check mark (`role=\"img\"` with a label) instead of a disabled checkbox"
        let footnotes = "footnotes are off, as in DocFX's default Markdig pipeline: `[^1]` is text"
        let ignored = "the spec expects no particular output (`<IGNORE>`): the example only checks that nothing crashes"
        var differences: [String: String] = [:]
        for id in ["spec-118", "spec-125", "spec-143", "spec-144", "spec-153", "spec-156", "spec-317", "spec-327", "spec-354", "spec-485", "spec-486", "spec-503", "spec-650"] { differences[id] = balanced }
        for id in ["spec-120", "spec-121", "spec-133", "spec-135", "spec-139", "spec-170", "spec-500", "spec-532", "spec-544", "spec-632", "spec-633", "spec-634", "spec-635", "spec-636", "spec-642"] { differences[id] = allowList }
        for id in ["spec-140", "spec-141", "spec-142", "spec-145", "spec-147", "spec-653", "extensions-22"] { differences[id] = removedWithContent }
        for id in ["spec-146", "spec-148", "spec-149", "spec-150", "spec-151", "spec-152", "spec-288", "spec-289", "spec-644", "spec-647", "spec-648", "spec-649"] { differences[id] = declarations }
        for id in ["spec-169", "spec-495", "spec-496", "spec-575", "spec-510", "spec-651"] { differences[id] = linkRewriting }
        for id in ["spec-663", "spec-664"] { differences[id] = rawURLSpaces }
        for id in ["spec-610", "spec-614", "spec-616", "spec-619", "spec-620"] { differences[id] = extensionsOn }
        for id in ["spec-279", "spec-280", "extensions-26", "extensions-27", "extensions-28"] { differences[id] = taskLists }
        for id in ["extensions-23"] { differences[id] = footnotes }
        for id in ["extensions-20"] { differences[id] = ignored }
        return differences
    }()

    static let files = ContentFiles(root: SpecExample.folder)

    static func render(_ markdown: String) -> String {
        let parsed = MarkdownParser.parse(markdown)
        return HTMLRenderer.renderFragment(parsed.root.children, path: "spec.md", files: files)
    }

    @Test func readsEveryExampleOfTheVendoredSpecs() {
        let counts = Dictionary(grouping: SpecExample.all, by: { $0.id.split(separator: "-")[0] }).mapValues(\.count)
        #expect(counts == ["spec": 673, "extensions": 28])
    }

    /// What each listed example renders as, beside what the spec expects, both normalised, in
    /// `Tests/Goldens/spec/differences.txt`: a listed example that changes how it differs fails too.
    @Test func listedDifferencesRenderLikeTheGolden() {
        var text = ""
        for example in SpecExample.all {
            guard let reason = Self.differences[example.id] else { continue }
            text += "## \(example.id) (\(example.section), line \(example.line)): \(reason)\n"
            text += "markdown:  \(example.markdown.debugDescription)\n"
            text += "cmark-gfm: \(HTMLNormalizer.normalize(example.html).debugDescription)\n"
            text += "docgen:    \(HTMLNormalizer.normalize(Self.render(example.markdown)).debugDescription)\n\n"
        }
        let mismatch = Golden.mismatch(text, golden: "spec/differences.txt")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test(arguments: SpecExample.all)
    func rendersLikeCmarkGFM(example: SpecExample) {
        let expected = HTMLNormalizer.normalize(example.html)
        let actual = HTMLNormalizer.normalize(Self.render(example.markdown))
        if ProcessInfo.processInfo.environment["DOCGEN_SPEC_REPORT"] == "1", expected != actual {
            print("DIFF \(example.id) [\(example.section)]\nMD: \(example.markdown.debugDescription)\nEX: \(expected)\nGOT: \(actual)\n")
        }
        if let reason = Self.differences[example.id] {
            #expect(expected != actual, "\(example.id) now renders as the spec expects; remove it from the differences (\(reason))")
        } else {
            #expect(expected == actual, "\(example.id) (\(example.section), line \(example.line)) differs:\n  expected: \(expected)\n  actual:   \(actual)")
        }
    }
}
