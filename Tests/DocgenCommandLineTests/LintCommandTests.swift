import DocgenTestSupport
import Foundation
import Testing

/// `docgen lint` as a CI job runs it: exit codes and every output format, against goldens.
@Suite(.serialized) struct LintCommandTests {
    let drafts = CommandLineRunner.fixtures.appendingPathComponent("drafts")

    @Test func exitsOneWhenAnErrorIsFound() throws {
        let result = try CommandLineRunner.run(["lint", drafts.path])
        #expect(result.status == 1)
    }

    @Test func exitsZeroOnWarningsUnlessStrict() throws {
        let good = drafts.appendingPathComponent("good.md").path
        let relaxed = try CommandLineRunner.run(["lint", good])
        #expect(relaxed.status == 0, "\(relaxed.stdout)")
        let strict = try CommandLineRunner.run(["lint", good, "--strict"])
        #expect(strict.status == 1, "\(strict.stdout)")
    }

    @Test func exitsTwoOnUsageErrors() throws {
        #expect(try CommandLineRunner.run(["lint", "--format", "xml", drafts.path]).status == 2)
        let missing = try CommandLineRunner.run(["lint", "no/such/folder"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("'no/such/folder' does not exist"))
        #expect(try CommandLineRunner.run(["lint", "--no-such-flag"]).status == 2)
    }

    @Test(arguments: ["text", "json", "sarif", "github"])
    func writesFormatLikeTheGolden(format: String) throws {
        let result = try CommandLineRunner.run(["lint", "drafts", "--format", format], in: CommandLineRunner.fixtures)
        let mismatch = Golden.mismatch(result.stdout, golden: "cli/lint.\(format == "text" ? "txt" : format)")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func writesValidJSONWithAVersion() throws {
        let result = try CommandLineRunner.run(["lint", "drafts", "--format", "json"], in: CommandLineRunner.fixtures)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["version"] as? Int == 1)
        #expect((object?["diagnostics"] as? [[String: Any]])?.isEmpty == false)
    }

    @Test func verboseNamesTheSlowestRules() throws {
        let result = try CommandLineRunner.run(["lint", "drafts", "-v"], in: CommandLineRunner.fixtures)
        let line = result.stderr.split(separator: "\n").first { $0.contains("slowest rules") }
        let named = line?.split(separator: ":").last?.split(separator: ",") ?? []
        #expect(named.count == 8, "\(result.stderr)")
        #expect(named.allSatisfy { $0.hasSuffix(" s") })
        let plain = try CommandLineRunner.run(["lint", "drafts"], in: CommandLineRunner.fixtures)
        #expect(!plain.stderr.contains("slowest rules"))
    }

    @Test func lintsANamedFileWithoutLintingThePagesBesideIt() throws {
        let content = try TemporaryContent([
            "small.md": "# Small\n\nA short page that links to [the page beside it](beside.md#nowhere) and [a missing one](gone.md).\n",
            "beside.md": "# Beside\n\n" + String(repeating: "TODO fix. ", count: 500) + "\n",
        ])
        func findings(_ arguments: [String]) throws -> [String] {
            let result = try CommandLineRunner.run(["lint", "--format", "json"] + arguments, in: content.url)
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
            return diagnostics.map { "\($0["file"] ?? ""):\($0["line"] ?? ""):\($0["column"] ?? "") \($0["rule"] ?? "")" }
        }
        let alone = try findings(["small.md"])
        let all = try findings(["."])
        // Exactly the findings linting the whole folder gives small.md, and none of the page beside it.
        #expect(alone == all.filter { $0.hasPrefix("small.md:") })
        #expect(alone == ["small.md:1:1 DG001", "small.md:3:28 DG102", "small.md:3:72 DG101"])
        #expect(all.contains { $0.hasPrefix("beside.md:") })
    }

    @Test func listsOnlyTheNamedRules() throws {
        let all = try CommandLineRunner.run(["lint", "drafts", "--format", "json"], in: CommandLineRunner.fixtures)
        let some = try CommandLineRunner.run(["lint", "drafts", "--format", "json", "--rule", "DG102", "--rule", "malformed-link-path"], in: CommandLineRunner.fixtures)
        func rules(_ output: String) throws -> [String] {
            let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
            return (object?["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        }
        let named = try rules(some.stdout)
        #expect(named == ["DG102", "DG104"])
        #expect(named == (try rules(all.stdout)).filter { $0 == "DG102" || $0 == "DG104" })
        let unknown = try CommandLineRunner.run(["lint", "drafts", "--rule", "no-such-rule"], in: CommandLineRunner.fixtures)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown rule 'no-such-rule'"))
    }
}
