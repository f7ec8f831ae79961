@testable import DocgenRender
import Testing

/// A build after an edit patches the last build's search index; the patched files must be the
/// files a whole index of the same pages gives, or the patch must decline.
@Suite struct SearchIndexPatchTests {
    /// Four thousand pages, enough for several parts, each with terms of its own and some shared
    /// by many pages.
    private static let documents = (0..<4000).map { "{\"t\":\"Page \($0)\"}" }
    private static func terms(_ page: Int, edited: Bool = false) -> [String] {
        var terms = ["shared", "group\(page % 7)"] + (0..<8).map { "page\(page)term\($0)" }
        if page % 3 == 0 { terms.append("third") }
        if edited { terms += ["fresh", "group\((page + 1) % 7)", "ünïcode"] } else { terms.append("old\(page % 11)") }
        return terms.sorted()
    }

    private static func previous(_ terms: [[String]]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: SearchIndexBuilder.files(documents: documents, terms: terms).map { ($0.path, $0.text) })
    }

    @Test("Patching the terms of edited pages gives the files of a whole index")
    func patchEqualsWhole() throws {
        let before = (0..<4000).map { Self.terms($0) }
        let edited: Set = [0, 17, 2500, 3999]
        let now = (0..<4000).map { Self.terms($0, edited: edited.contains($0)) }
        let changed = Dictionary(uniqueKeysWithValues: edited.map { ($0, (before: before[$0].map { $0[...] }, now: now[$0].map { $0[...] })) })
        let patched = try #require(SearchIndexPatch.files(previous: Self.previous(before), documents: Self.documents, changed: changed))
        let whole = SearchIndexBuilder.files(documents: Self.documents, terms: now)
        #expect(whole.count > 2, "the index has several parts")
        #expect(patched.map(\.path) == whole.map(\.path))
        for (patchedFile, wholeFile) in zip(patched, whole) {
            #expect(patchedFile.text == wholeFile.text, "\(wholeFile.path) differs")
        }
    }

    @Test("The patch declines when the pages are not numbered as before or the old files are not an index")
    func patchDeclines() {
        let before = (0..<4000).map { Self.terms($0) }
        let changed = [5: (before: before[5].map { $0[...] }, now: ["new"][...].map { $0[...] })]
        let previous = Self.previous(before)
        #expect(SearchIndexPatch.files(previous: previous, documents: Array(Self.documents.reversed()), changed: changed) == nil)
        #expect(SearchIndexPatch.files(previous: [:], documents: Self.documents, changed: changed) == nil)
        var damaged = previous
        damaged["search/terms-0.js"] = "not an index part"
        #expect(SearchIndexPatch.files(previous: damaged, documents: Self.documents, changed: changed) == nil)
        #expect(SearchIndexPatch.decodePostings("3,7,1,13") == [3, 10, 11, 50])
    }
}
