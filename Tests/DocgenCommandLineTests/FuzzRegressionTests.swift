import DocgenFuzzing
import DocgenTestSupport
import Foundation
import Testing

/// Replays every input the fuzzers found to crash, hang or exhaust memory (kept in
/// `Fixtures/fuzz-crashes/TARGET/`, see `scripts/fuzz.sh`) through `docgen lint` and `docgen build`
/// as a user runs them: each must finish with findings, not a crash, and publish the page.
@Suite("fuzz: crash reproducers replayed through lint and build", .serialized, .timeLimit(.minutes(5)))
struct FuzzRegressionTests {
    static let folder = CommandLineRunner.fixtures.appendingPathComponent("fuzz-crashes")

    /// Every kept reproducer, as (target, file name).
    static var reproducers: [(FuzzInput.Target, String)] {
        FuzzInput.Target.allCases.flatMap { target in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(target.rawValue).path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { (target, $0) }
        }
    }

    @Test("Each reproducer is linted and built without a crash", arguments: reproducers.map { "\($0.0.rawValue)/\($0.1)" })
    func replays(reproducer: String) throws {
        let parts = reproducer.split(separator: "/")
        let target = try #require(FuzzInput.Target(rawValue: String(parts[0])))
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(reproducer))
        let content = try TemporaryContent([:])
        for (path, bytes) in FuzzInput.files(data, target: target) { try content.write(path, bytes: [UInt8](bytes)) }
        let templates = CommandLineRunner.packageRoot.appendingPathComponent("site-templates").path

        let lint = try CommandLineRunner.run(["lint", content.url.path, "--format", "json"], in: content.url)
        #expect([0, 1].contains(lint.status), "lint exited \(lint.status) on \(reproducer): \(lint.stderr.suffix(2000))")
        #expect(lint.stdout.hasPrefix("{"), "lint printed no report for \(reproducer)")

        let output = content.url.deletingLastPathComponent().appendingPathComponent(content.url.lastPathComponent + "-site")
        defer { try? FileManager.default.removeItem(at: output) }
        let build = try CommandLineRunner.run(
            ["build", content.url.path, "--output", output.path, "--templates", templates, "--drafts", "--all-checks"], in: content.url)
        #expect([0, 1].contains(build.status), "build exited \(build.status) on \(reproducer): \(build.stderr.suffix(2000))")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("page.html").path), "\(reproducer) did not publish page.html")
    }

    @Test("The reproducers are where the replay looks: every file is in a target's folder")
    func folderLayout() throws {
        let entries = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
        #expect(Set(entries).isSubset(of: Set(FuzzInput.Target.allCases.map(\.rawValue))), "unexpected entries \(entries)")
    }

    @Test("A site input is a page, an include and a toc.yml split at the unit separator")
    func siteInputSplits() {
        let files = FuzzInput.files(Data("# Page\n\u{1F}Included\n\u{1F}- name: Page\n  href: page.md\n\u{1F}rest".utf8), target: .site)
        #expect(files["page.md"] == Data("# Page\n".utf8))
        #expect(files["includes/part.md"] == Data("Included\n".utf8))
        #expect(files["toc.yml"] == Data("- name: Page\n  href: page.md\n\u{1F}rest".utf8))
        #expect(Set(files.keys) == Set(FuzzInput.fixedFiles.keys).union(["page.md", "includes/part.md", "toc.yml"]))

        let page = FuzzInput.files(Data("# Only\u{1F}a page".utf8), target: .page)
        #expect(page["page.md"] == Data("# Only\u{1F}a page".utf8))
        #expect(page["toc.yml"] == nil)
    }
}
