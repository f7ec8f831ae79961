import DocgenTestSupport
import Foundation
import Testing

/// `docgen lint --fix` and `--fix --dry-run` on a tree with a finding of every fixable rule.
@Suite(.serialized) struct LintFixCommandTests {
    static let front = LintHarness.validFrontMatter
    static let fixableAliases: Set<String> = [
        "link-case-mismatch", "missing-image", "malformed-link-path", "learn-link-absolute", "hard-coded-locale",
        "repeated-word", "ms-date-format", "pasted-page-title", "empty-list-item",
    ]

    static func tree() throws -> TemporaryContent {
        let content = try TemporaryContent([
            "docgen.yml": "site:\n  title: Fixes\n",
            "docs/alerts.md": Self.front + "# Alerts\n\nThe alerts.\n",
            "media/nodes.png": "png",
            "docs/index.md": """
            ---
            title: Monitoring the nodes of a cluster
            description: A description long enough to satisfy the metadata rules, explaining what the page covers in a sentence.
            ms.date: 2026-11-20
            author: octocat
            ms.author: octo
            ---
            # Monitor nodes

            See [alerts](Alerts.md), [setup](..\\docs//alerts.md) and [AKS](https://learn.microsoft.com/en-us/azure/aks/monitor-aks).
            Read the [blog](https://www.microsoft.com/en-us/security/blog/) for the the details.

            ![Nodes](../media/Nodes.png)

            See [Alerts | Microsoft Docs](alerts.md).

            - Create a test.
            -
            - Add an alert.

            [!INCLUDE [note](includes/note.md)]

            """,
            "docs/includes/note.md": "See [alerts](../ALERTS.md).\n",
        ])
        // A page with a byte order mark and CRLF line ends keeps both.
        try content.write("docs/windows.md", bytes: [0xEF, 0xBB, 0xBF] + Array((Self.front + "# Windows\n\nSee [the alerts](Alerts.md).\n").replacingOccurrences(of: "\n", with: "\r\n").utf8))
        return content
    }

    static func snapshot(_ content: TemporaryContent) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in ["docs/index.md", "docs/alerts.md", "docs/includes/note.md", "docs/windows.md"] {
            files[path] = try Data(contentsOf: content.url.appendingPathComponent(path))
        }
        return files
    }

    static func fixableFindings(_ content: TemporaryContent) throws -> [[String: Any]] {
        let result = try CommandLineRunner.run(["lint", "--format", "json", content.url.path])
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        return (report["diagnostics"] as! [[String: Any]]).filter { fixableAliases.contains($0["alias"] as! String) }
    }

    @Test func fixesEveryFixableFindingAndASecondRunChangesNothing() throws {
        let content = try Self.tree()
        let before = try Self.fixableFindings(content)
        #expect(Set(before.map { $0["alias"] as! String }) == Self.fixableAliases)
        #expect(before.allSatisfy { $0["fixes"] != nil }, "\(before.filter { $0["fixes"] == nil })")
        let text = try CommandLineRunner.run(["lint", content.url.path])
        #expect(text.stdout.contains("[DG105 link-case-mismatch] (fix available)"))

        let fixed = try CommandLineRunner.run(["lint", "--fix", content.url.path])
        // learn-link-absolute and hard-coded-locale both fix the same link: the first applies.
        #expect(fixed.stderr.contains("fix not applied: it overlaps a fix applied before it; run docgen lint --fix again [DG107 hard-coded-locale]"), "\(fixed.stderr)")
        #expect(fixed.stderr.contains("Applied 11 fixes in 3 files; 1 overlapping fix waits for the next run."), "\(fixed.stderr)")
        #expect(try Self.fixableFindings(content).isEmpty)
        let index = try String(contentsOf: content.url.appendingPathComponent("docs/index.md"), encoding: .utf8)
        #expect(index.contains("ms.date: 11/20/2026\n"))
        #expect(index.contains("See [alerts](alerts.md), [setup](../docs/alerts.md) and [AKS](/azure/aks/monitor-aks).\nRead the [blog](https://www.microsoft.com/security/blog/) for the details.\n\n![Nodes](../media/nodes.png)\n\nSee [Alerts](alerts.md).\n\n- Create a test.\n- Add an alert.\n"))
        #expect(try String(contentsOf: content.url.appendingPathComponent("docs/includes/note.md"), encoding: .utf8) == "See [alerts](../alerts.md).\n")
        let windows = try [UInt8](Data(contentsOf: content.url.appendingPathComponent("docs/windows.md")))
        #expect(windows == [0xEF, 0xBB, 0xBF] + Array((Self.front + "# Windows\n\nSee [the alerts](alerts.md).\n").replacingOccurrences(of: "\n", with: "\r\n").utf8))

        let after = try Self.snapshot(content)
        let again = try CommandLineRunner.run(["lint", "--fix", content.url.path])
        #expect(again.stderr.contains("Applied 0 fixes in 0 files."), "\(again.stderr)")
        #expect(try Self.snapshot(content) == after)
    }

    @Test func aDryRunPrintsADiffAndChangesNothing() throws {
        let content = try Self.tree()
        let before = try Self.snapshot(content)
        let result = try CommandLineRunner.run(["lint", "--fix", "--dry-run", content.url.path])
        #expect(try Self.snapshot(content) == before)
        #expect(result.stdout.contains("-See [alerts](../ALERTS.md).\n+See [alerts](../alerts.md).\n"), "\(result.stdout)")
        #expect(result.stdout.contains("-ms.date: 2026-11-20\n+ms.date: 11/20/2026\n"))
        #expect(result.stderr.contains("Would apply 11 fixes in 3 files; 1 overlapping fix waits for the next run."), "\(result.stderr)")
    }

    @Test func aReadOnlyFileIsLeftAsItWasWithAClearMessageAndExitOne() throws {
        let content = try TemporaryContent(["docs/alerts.md": Self.front + "# Alerts\n", "docs/a.md": Self.front + "# A\n\nSee [alerts](Alerts.md).\n"])
        let page = content.url.appendingPathComponent("docs/a.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: page.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: page.path) }
        let before = try Data(contentsOf: page)
        let result = try CommandLineRunner.run(["lint", "--fix", content.url.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("a.md: is read-only; its fixes were not applied. Make it writable, or apply them by hand."), "\(result.stderr)")
        #expect(try Data(contentsOf: page) == before)
    }

    @Test func dryRunWithoutFixIsAUsageError() throws {
        let result = try CommandLineRunner.run(["lint", "--dry-run", "content"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--dry-run shows what --fix would change; use it with --fix"))
    }
}
