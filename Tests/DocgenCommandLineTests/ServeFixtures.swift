import DocgenRender
@testable import DocgenServe
import DocgenTestSupport
import Foundation
import NIOCore
import Testing

/// Content, templates and a bounded server lifecycle for the serve tests.
enum ServeFixtures {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The repository's `site-templates/`, which the serve tests run against; a template there
    /// that does not load fails the test instead of being replaced by something else.
    static func templates() throws -> URL {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("site-templates")
        do {
            _ = try TemplateSet(folder: repository)
        } catch {
            throw Failure(description: "site-templates/ does not load: \(error)")
        }
        return repository
    }

    static let frontMatter = LintHarness.validFrontMatter

    /// Every output of `snapshot` as text, the search index included.
    static func outputs(of snapshot: SiteSnapshot) -> [String: String] {
        guard let pages = snapshot.pages else { return [:] }
        var result: [String: String] = [:]
        for path in pages.outputPaths + ["search-index.js", "search/terms-0.js"] {
            guard case .memory(let bytes, _) = snapshot.lookup(path) else { continue }
            result[path] = String(buffer: bytes)
        }
        return result
    }

    /// The text of the page at `path` in `report`'s snapshot; the test fails when there is none.
    static func servedPage(_ path: String, in report: PreviewBuilder.Report) throws -> String {
        guard case .memory(let bytes, _) = report.snapshot.lookup(path) else { throw Failure(description: "\(path) is missing") }
        return String(buffer: bytes)
    }

    /// `files` in a temporary content folder, the repository's templates, and a builder whose
    /// first site is rendered whole, so that nothing stale can hide.
    static func started(_ files: [String: String]) throws -> (content: TemporaryContent, templates: URL, builder: PreviewBuilder) {
        let content = try TemporaryContent(files)
        let templates = try Self.templates()
        let builder = PreviewBuilder(contentRoot: content.url, templates: templates)
        _ = outputs(of: builder.build().snapshot)
        return (content, templates, builder)
    }

    /// Expects `report` to serve every output and finding that a fresh start, without the
    /// cache, serves on the same files.
    static func expectSameAsFreshStart(_ report: PreviewBuilder.Report, content: TemporaryContent, templates: URL) {
        let fresh = PreviewBuilder(contentRoot: content.url, templates: templates).build()
        #expect(report.findings == fresh.findings)
        let served = outputs(of: report.snapshot)
        let started = outputs(of: fresh.snapshot)
        #expect(served.keys.sorted() == started.keys.sorted())
        #expect(served.count > 8, "the site has its pages, generated pages and search index")
        for (path, text) in started {
            #expect(served[path] == text, "\(path) differs from a fresh start")
        }
    }

    /// A small site: an overview with an include, a broken link and an image, a draft, a folder
    /// index and a page whose front matter does not parse.
    static func content() throws -> TemporaryContent {
        try TemporaryContent([
            "docgen.yml": validConfiguration,
            "index.md": "# Home\n\nWelcome to the serve test site.\n",
            "overview.md": overview("First version of the overview."),
            "includes/note.md": "Included note text v1.\n",
            "draft.md": "---\ntitle: A draft page about monitoring\ndraft: true\n---\n\n# Draft\n\nDraft body text.\n",
            "guide/index.md": frontMatter + "# Guide\n\nThe guide folder's index.\n",
            "broken.md": "---\ntitle: Broken: front: matter\n---\n\n# Broken\n\nBroken page body text.\n",
            "media/diagram.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>\n",
        ])
    }

    static let validConfiguration = "site:\n  title: Serve test site\n  description: A site for the serve tests.\n"

    static func overview(_ sentence: String) -> String {
        frontMatter + """
        # Overview

        \(sentence)

        [!INCLUDE [note](includes/note.md)]

        See [the missing page](missing.md).

        ![A diagram](media/diagram.svg)

        """
    }

    /// Runs `body` against a started server on a free port, then stops the server and checks
    /// that it stopped within a few seconds and freed its port.
    static func withRunningServer(
        _ server: PreviewServer, _ body: @escaping @Sendable (ServeTestClient) async throws -> Void
    ) async throws {
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let running = Task {
            defer { portSink.finish() }
            try await server.run { port in portSink.yield(port) }
        }
        let port = try await withTimeout(20, "the server to start") {
            for await port in ports { return port }
            throw Failure(description: "the server stopped before it listened")
        }
        var bodyError: (any Error)?
        do {
            try await body(ServeTestClient(port: port))
        } catch {
            bodyError = error
        }
        await server.stop()
        try await withTimeout(15, "the server to stop") { try await running.value }
        #expect(ServeTestClient.canListen(on: port), "port \(port) is still taken after the server stopped")
        if let bodyError { throw bodyError }
    }

    /// Runs `operation`, failing after `seconds`.
    static func withTimeout<T: Sendable>(_ seconds: Double, _ what: String, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                throw Failure(description: "timed out after \(seconds) s waiting for \(what)")
            }
            defer { group.cancelAll() }
            guard let value = try await group.next() else { throw Failure(description: "no result for \(what)") }
            return value
        }
    }

    /// Polls `condition` until it holds or `seconds` pass.
    static func eventually(_ seconds: Double, _ condition: @Sendable () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition()
    }
}
