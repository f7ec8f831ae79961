@testable import DocgenRender
import Testing

@Suite struct SearchTermsTests {
    /// Terms are runs of letters and digits, lower-cased, two characters or more, without stop
    /// words; scalars outside ASCII are classified by their Unicode properties.
    @Test func splitsTextIntoLowerCaseTermsWithoutStopWords() {
        let text = "Monitor the AKS cluster: Ünïcode, 日本語 x2 a — K8s ΣΟΦΙΑ 2024-11-23"
        #expect(SearchIndexBuilder.terms(text) == ["monitor", "aks", "cluster", "ünïcode", "日本語", "x2", "k8s", "σοφια", "2024", "11", "23"])
    }

    /// A page keeps every title, heading and description term, and its most frequent body
    /// terms; stop words never count.
    @Test func pageTermsKeepTitleTermsAndTheMostFrequentBodyTerms() {
        let body = (0..<60).map { "term\($0) " + String(repeating: "common ", count: 2) }.joined() + "the the the the"
        let entry = SearchIndexBuilder.Entry(title: "Alerts", url: "a.html", roleIDs: [], description: "Rules", headings: ["Set up"], text: body)
        let terms = SearchIndexBuilder.pageTerms(entry)
        #expect(terms.contains("alerts") && terms.contains("rules") && terms.contains("set") && terms.contains("up") && terms.contains("common"))
        #expect(!terms.contains("the"))
        #expect(terms.count == 4 + SearchIndexBuilder.bodyTermsPerPage)
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
