import DocgenCore
import DocgenLint
import Foundation
import Testing

/// Lints the real Learn doc sets in `../shared/corpus` (beside the repository) and holds the
/// findings to a hand review committed in `Fixtures/precision/<docset>.json`: every finding
/// labelled `true` must still be reported, and every one labelled `false` (a false positive
/// that was fixed) must not come back. `false-open` marks a false positive still reported; it
/// counts against the precision the test prints but does not fail it.
@Suite struct ReviewedPrecisionTests {
    struct Review: Decodable {
        struct Entry: Decodable {
            var file: String
            var line: Int
            var column: Int
            var rule: String
            var label: String
            var reason: String
        }
        var docset: String
        var reviewedOn: String
        var findings: [Entry]
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static let docsets = ["azure-docs-cli", "semantic-kernel-docs", "azure-management-docs"]

    /// The day of the review, so that ms-date-stale reports what the reviewer saw.
    static func day(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: text)!
    }

    @Test(arguments: docsets)
    func reviewedFindingsStayAsLabelled(docset: String) throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/precision/\(docset).json")
        let review = try JSONDecoder().decode(Review.self, from: Data(contentsOf: fixture))
        #expect(review.docset == docset)
        let root = Self.corpus.appendingPathComponent(docset)
        guard FileManager.default.fileExists(atPath: root.path) else {
            print("ReviewedPrecisionTests: skipped \(docset): \(root.path) is absent (the corpus is beside the repository, at ../shared/corpus).")
            return
        }
        let site = SiteLoader.load(root: root)
        let engine = LintEngine(configuration: LintConfiguration(site.configuration.lint))
        let found = Set(engine.run(LintContext(site: site, today: Self.day(review.reviewedOn))).map { "\($0.file):\($0.line):\($0.column) \($0.alias)" })
        var tally: [String: (true: Int, false: Int)] = [:]
        for entry in review.findings {
            let key = "\(entry.file):\(entry.line):\(entry.column) \(entry.rule)"
            switch entry.label {
            case "true":
                #expect(found.contains(key), "\(docset): the true finding \(key) disappeared (\(entry.reason))")
                tally[entry.rule, default: (0, 0)].true += 1
            case "false":
                #expect(!found.contains(key), "\(docset): the false finding \(key) returned (\(entry.reason))")
            case "false-open":
                tally[entry.rule, default: (0, 0)].false += 1
            default:
                Issue.record("\(docset): unknown label '\(entry.label)' for \(key)")
            }
        }
        let lines = tally.sorted { $0.key < $1.key }.map { rule, count in
            String(format: "  %@: %d of %d true (%.0f%%)", rule, count.true, count.true + count.false, 100 * Double(count.true) / Double(max(count.true + count.false, 1)))
        }
        print("Reviewed precision on \(docset):\n" + lines.joined(separator: "\n"))
    }
}
