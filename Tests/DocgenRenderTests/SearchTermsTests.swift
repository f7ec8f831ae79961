@testable import DocgenRender
import Testing

@Suite struct SearchTermsTests {
    /// Terms are runs of letters and digits, lower-cased, two characters or more, without stop
    /// words; scalars outside ASCII are classified by their Unicode properties.
    @Test func splitsTextIntoLowerCaseTermsWithoutStopWords() {
        let text = "Monitor the AKS cluster: Ünïcode, 日本語 x2 a — K8s ΣΟΦΙΑ 2024-11-23"
        #expect(SearchIndexBuilder.terms(text) == ["monitor", "aks", "cluster", "ünïcode", "日本語", "x2", "k8s", "σοφια", "2024", "11", "23"])
    }

    /// A page contributes every distinct term of its title, headings, description and text once;
    /// stop words never count.
    @Test func pageTermsAreEveryDistinctWord() {
        let body = (0..<600).map { "term\($0) common " }.joined() + "the the C2065 c2065"
        let entry = SearchIndexBuilder.Entry(title: "Alerts", url: "a.html", roleIDs: [], description: "Rules", headings: ["Set up"], text: body)
        let terms = SearchIndexBuilder.pageTerms(entry)
        #expect(terms.count == 4 + 600 + 1 + 1)
        #expect(terms.contains("alerts") && terms.contains("set") && terms.contains("term599") && terms.contains("c2065") && !terms.contains("the"))
    }

    /// The index is the document table and parts of the inverted index; every term is in the part
    /// its first two letters hash to, with its documents as base-36 gaps.
    @Test func writesTheDocumentsAndTheTermsInParts() {
        let documents = ["{\"t\":\"A\"}", "{\"t\":\"B\"}", "{\"t\":\"C\"}"]
        let terms = [["alerts", "cluster"], ["cluster"], (0..<40).map { "c\($0)" } + ["cluster"]]
        let files = SearchIndexBuilder.files(documents: documents, terms: terms)
        #expect(files.map(\.path) == ["search-index.js", "search/terms-0.js"])
        #expect(files[0].text.hasPrefix("window.DOCGEN_SEARCH_INDEX={\"parts\":1,\"stop\":[\"the\",\"and\""))
        #expect(files[0].text.hasSuffix("\"docs\":[{\"t\":\"A\"},\n{\"t\":\"B\"},\n{\"t\":\"C\"}]};\n"))
        #expect(files[1].text.contains("\"cluster\":\"0,1,1\""))
        #expect(files[1].text.contains("\"alerts\":\"0\""))
        #expect(SearchIndexBuilder.encodePostings([3, 10, 11, 50]) == "3,7,1,13")
        #expect(SearchIndexBuilder.encodePostings([0, 36, 1332, 1367]) == "0,10,100,z")
        #expect(SearchIndexBuilder.encodePostings([]) == "")
    }

    /// The part of a term: a hash of its first two code points, the same for every term they start.
    @Test func termsSharingTheirFirstTwoLettersShareAPart() {
        #expect(SearchIndexBuilder.part(of: "cstring", count: 64) == SearchIndexBuilder.part(of: "cstringt", count: 64))
        #expect(SearchIndexBuilder.part(of: "cs", count: 64) == (99 * 31 + 115) % 64)
        #expect(SearchIndexBuilder.part(of: "日本語", count: 8) == ((0x65E5 * 31 + 0x672C) % 1_000_003) % 8)
    }

    /// The byte-keyed counter agrees with a `[String: Int]`: past its first table size, and for
    /// terms that are equal as Strings but spelled with different bytes.
    @Test func termCounterCountsLikeAStringDictionary() {
        var counter = TermCounter()
        var expected: [String: Int] = [:]
        for number in 0..<5000 {
            var term = "term\(number % 1500)"
            term.withUTF8 { counter.add($0) }
            expected[term, default: 0] += 1
        }
        for var term in ["caf\u{E9}", "cafe\u{301}", "caf\u{E9}"] {
            term.withUTF8 { counter.add($0) }
            expected[term, default: 0] += 1
        }
        #expect(counter.counts == expected)
        #expect(counter.counts["caf\u{E9}"] == 3)
    }
}
