import DocgenCore
import DocgenLint
import DocgenTestSupport
import Foundation
import Testing

/// Did-you-mean over many names compares a bounded number of them and still finds the name a
/// typo came from; over few names it is exactly ``EditDistance/closest(to:in:atMost:name:)``.
@Suite struct NearestNamesTests {
    @Test func agreesWithComparingEveryNameWhenThereAreFew() {
        let names = ["set-up-alerts", "setup", "québec", "quebec", "cat", "bat", "cut", "a", "alerts", "set-up-alert", "develop", "developer", "designer"]
        let words = ["setup-alerts", "Québec", "cot", "b", "alert", "developr", "zzzzzz", "set-up-alerts", "", "designers"]
        let index = NearestNames(names)
        for word in words {
            for limit in [0, 1, 2, 3, 8] {
                #expect(index.closest(to: word, atMost: limit) == EditDistance.closest(to: word, in: names, atMost: limit), "\(word) \(limit)")
            }
        }
    }

    @Test func findsTheNameATypoCameFromAmongThousands() {
        let names = (0..<5_000).map { "step-\($0)-of-the-setup" }
        let index = NearestNames(names)
        // A typo near the end keeps the start; one near the start keeps the end.
        #expect(index.closest(to: "step-1234-of-teh-setup", atMost: 7) == "step-1234-of-the-setup")
        #expect(index.closest(to: "stpe-1234-of-the-setup", atMost: 7) == "step-1234-of-the-setup")
        #expect(index.closest(to: "step-4999-of-the-setpu", atMost: 7) == "step-4999-of-the-setup")
    }

    @Test func suggestsEachOfThousandsOfMisspeltBookmarksItsOwnHeading() throws {
        let count = 2_000
        var page = LintHarness.validFrontMatter + "# Steps\n\n"
        for step in 0..<count { page += "## Step \(step) of the setup\n\nSee [the step](#step-\(step)-of-teh-setup).\n\n" }
        let findings = try LintHarness.diagnostics(["a.md": page], rules: [BrokenAnchor.self])
        #expect(findings.map(\.suggestion) == (0..<count).map { "#step-\($0)-of-the-setup" })
        #expect(findings.map(\.line) == (0..<count).map { 12 + 4 * $0 })
    }

    @Test func suggestsEachOfAThousandNearMissLinksItsOwnPage() throws {
        let count = 1_000
        let name = { (page: Int) in String(format: "page-%04d.md", page) }
        var files: [String: String] = [:]
        for page in 0..<count {
            files[name(page)] = LintHarness.validFrontMatter + "# Page \(page)\n\nSee [the next page](\(String(format: "pgae-%04d.md", (page + 1) % count))).\n"
        }
        let findings = try LintHarness.diagnostics(files, rules: [BrokenLink.self])
        #expect(findings.map(\.file) == (0..<count).map(name))
        #expect(findings.map(\.suggestion) == (0..<count).map { name(($0 + 1) % count) })
    }

    @Test func reportsEachOfAThousandPagesWithTheSameTitleOnce() throws {
        var files: [String: String] = [:]
        for page in 0..<1_000 { files[String(format: "page-%04d.md", page)] = "---\ntitle: Same title\n---\n\n# Page\n" }
        let findings = try LintHarness.diagnostics(files, rules: [DuplicateTitle.self])
        #expect(findings.map(\.file) == (1..<1_000).map { String(format: "page-%04d.md", $0) })
        #expect(Set(findings.map(\.message)) == ["Title 'Same title' is also the title of 'page-0000.md'; give each page its own title."])
    }
}
