import DocgenTestSupport
import Foundation
import Testing

/// The drafts docgen lint was first written for (`../shared/seeds`, beside the repository) keep
/// every finding: rules made quieter on published doc sets must still catch a draft's gaps. The
/// golden is each seed's findings (rule, line, column, message); a finding that disappears fails.
@Suite struct SeedRecallTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/seeds")

    @Test func everySeedFindingStays() throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Self.seeds.path))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
        guard !names.isEmpty else {
            print("SeedRecallTests: skipped: \(Self.seeds.path) is absent (the seeds are beside the repository, at ../shared/seeds).")
            return
        }
        let result = try CommandLineRunner.run(["lint", "--format", "json"] + names, in: Self.seeds)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
        let lines = diagnostics.map { finding in
            // A page's age changes every day; where the finding is does not.
            let alias = finding["alias"] as? String ?? ""
            let message = alias == "ms-date-stale" ? "" : finding["message"] as? String ?? ""
            return "\(finding["file"] ?? ""):\(finding["line"] ?? ""):\(finding["column"] ?? "") \(alias) \(message)"
        }
        #expect(lines.count > 50, "\(result.stderr)")
        let mismatch = Golden.mismatch(lines.joined(separator: "\n") + "\n", golden: "cli/seeds-findings.txt")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }
}
