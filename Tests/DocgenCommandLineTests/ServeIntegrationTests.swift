import DocgenServe
import DocgenTestSupport
import Foundation
import Testing

@Suite("serve: the preview server over HTTP", .serialized, .timeLimit(.minutes(2)))
struct ServeIntegrationTests {
    static func server(_ content: TemporaryContent, templates: URL? = nil) throws -> PreviewServer {
        PreviewServer(configuration: .init(contentRoot: content.url, templates: try templates ?? ServeFixtures.templates(), port: 0, pollInterval: .milliseconds(50)))
    }

    /// Fetches `path` after each reload event until it contains `text` (a save caught half
    /// written is rebuilt again on the next poll and announced with another reload).
    static func reloaded(
        _ client: ServeTestClient, _ events: ServeTestClient.EventStream, _ path: String, until text: String
    ) async throws -> ServeTestClient.Reply {
        try await reloaded(client, events, path, "contains '\(text)'") { $0.body.contains(text) }
    }

    /// Fetches `path` after each reload event until `condition` holds.
    static func reloaded(
        _ client: ServeTestClient, _ events: ServeTestClient.EventStream, _ path: String, _ what: String,
        until condition: (ServeTestClient.Reply) -> Bool
    ) async throws -> ServeTestClient.Reply {
        let deadline = Date().addingTimeInterval(10)
        while true {
            let reply = try await client.request(path)
            if condition(reply) { return reply }
            guard Date() < deadline else {
                Issue.record("\(path) never \(what); last reply \(reply.status): \(reply.body)")
                return reply
            }
            _ = try await events.nextReload(timeout: 5)
        }
    }

    /// How the findings panel shows the broken link of ``ServeFixtures/overview(_:)``: line 14,
    /// after seven lines of front matter and six of body.
    static let brokenLinkFinding = """
    <li class="finding is-error">
    <span class="finding-severity">error</span>
    <span class="finding-position">14:5</span>
    <span class="finding-message">Link target &#39;missing.md&#39; does not exist; fix the path or remove the link.</span>
    <code class="finding-rule">DG101 broken-link</code>
    </li>
    """

    /// How the findings panel shows the front matter of `broken.md` that does not parse: at the
    /// second colon of `title: Broken: front: matter`.
    static let frontMatterFinding = """
    <li class="finding is-error">
    <span class="finding-severity">error</span>
    <span class="finding-position">2:14</span>
    <span class="finding-message">Front matter is invalid YAML: mapping values are not allowed in this context.</span>
    <code class="finding-rule">DG007 front-matter-invalid</code>
    </li>
    """

    @Test("Serves pages, drafts, media and findings; an edit reloads every open page with the new content")
    func servesAndReloads() async throws {
        let content = try ServeFixtures.content()
        let server = try Self.server(content)
        try await ServeFixtures.withRunningServer(server) { client in
            let home = try await client.request("/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.headers["cache-control"] == "no-cache")
            #expect(home.body.contains("  var events = new EventSource(\"/__docgen/events\");\n"), "the live-reload client is missing from the page")

            let overview = try await client.request("/overview.html")
            #expect(overview.status == 200)
            #expect(overview.body.contains("\n<p>First version of the overview.</p>\n"))
            #expect(overview.body.contains("\n<p>Included note text v1.</p>\n"))
            #expect(overview.body.contains(Self.brokenLinkFinding), "the broken link's finding is not in the findings panel")

            #expect(try await client.request("/draft.html").status == 200, "drafts are served")
            let guide = try await client.request("/guide/")
            #expect(guide.status == 200)
            guard case .memory(let guideIndex, _) = server.snapshot.lookup("guide/index.html") else {
                Issue.record("the site has no guide/index.html")
                return
            }
            #expect(guide.body == String(buffer: guideIndex), "/guide/ is not the guide folder's index page")
            #expect(guide.body.contains("<p>The guide folder&#39;s index.</p>"))
            let folder = try await client.request("/guide")
            #expect(folder.status == 301)
            #expect(folder.headers["location"] == "/guide/")

            let diagram = try await client.request("/media/diagram.svg")
            #expect(diagram.status == 200)
            #expect(diagram.headers["content-type"] == "image/svg+xml")
            #expect(diagram.body == "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>\n")
            let index = try await client.request("/search-index.js")
            #expect(index.headers["content-type"] == "text/javascript; charset=utf-8")

            // Two browsers watch; both hear about each edit.
            let first = try await client.openEvents()
            let second = try await client.openEvents()
            defer { first.close(); second.close() }
            #expect(await ServeFixtures.eventually(2) { server.hub.clientCount == 2 })

            let before = server.snapshot.version
            try content.write("overview.md", ServeFixtures.overview("Second version of the overview."))
            let version = try await first.nextReload(timeout: 5)
            #expect(version > before)
            #expect(try await second.nextReload(timeout: 5) == version)
            let edited = try await Self.reloaded(client, first, "/overview.html", until: "Second version of the overview.")
            #expect(!edited.body.contains("First version of the overview."))

            // An include reloads the pages that pull it in.
            try content.write("includes/note.md", "Included note text v2.\n")
            _ = try await Self.reloaded(client, first, "/overview.html", until: "Included note text v2.")

            // A browser that leaves is forgotten.
            second.close()
            #expect(await ServeFixtures.eventually(3) { server.hub.clientCount == 1 }, "a disconnected client leaked")
        }
    }

    @Test("The search index is made before a reader asks for it, and made again after a save with the saved words")
    func preparesTheSearchIndex() async throws {
        let content = try ServeFixtures.content()
        let server = try Self.server(content)
        #expect(await ServeFixtures.eventually(10) { server.snapshot.searchIsPrepared }, "the search index was not made before a request")
        try await ServeFixtures.withRunningServer(server) { client in
            let events = try await client.openEvents()
            defer { events.close() }
            #expect(!(try await client.request("/search/terms-0.js").body.contains("\"zanzibarian\"")))
            #expect(await ServeFixtures.eventually(2) { server.hub.clientCount == 1 })
            // Written whole (a page the browser asks for is read from disk, so the served page
            // is no sign that the new snapshot is served: the reload event is).
            try Data(ServeFixtures.overview("A zanzibarian overview.").utf8).write(to: content.url.appendingPathComponent("overview.md"), options: .atomic)
            let version = try await events.nextReload(timeout: 5)
            #expect(
                await ServeFixtures.eventually(10) { server.snapshot.version >= version && server.snapshot.searchIsPrepared },
                "the search index was not made again after the save")
            #expect(try await client.request("/search/terms-0.js").body.contains("\"zanzibarian\""))
        }
    }

    @Test("Refuses traversal, answers unknown paths with the site's 404 page, serves HEAD, refuses POST")
    func refusesTraversal() async throws {
        let content = try ServeFixtures.content()
        let server = try Self.server(content)
        try await ServeFixtures.withRunningServer(server) { client in
            for target in [
                "/../Package.swift", "/%2e%2e/x", "/a/..%2f..%2fetc/passwd", "/..%2fPackage.swift", "/%2e%2e%2fPackage.swift",
                "//etc/passwd", "/a\\..\\..\\Package.swift", "/%5c..%5cPackage.swift", "/..%00/x", "/../../../../etc/passwd",
                "/docgen.yml/../../Package.swift",
            ] {
                let reply = try await client.request(target)
                #expect([400, 404].contains(reply.status), "\(target) answered \(reply.status)")
                #expect(!reply.body.contains("swift-tools-version") && !reply.body.contains("root:x:0:0"), "\(target) leaked a file")
            }
            let missing = try await client.request("/no/such/page.html")
            #expect(missing.status == 404)
            #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
            guard case .memory(let page, _) = server.snapshot.lookup("404.html") else {
                Issue.record("the site has no 404.html")
                return
            }
            #expect(missing.body.replacingOccurrences(of: "\n<base href=\"/\">", with: "") == String(buffer: page))
            #expect(missing.body.contains("<base href=\"/\">"), "the 404 page's relative links break below the root")

            let head = try await client.request("/overview.html", method: "HEAD")
            #expect(head.status == 200)
            #expect(Int(head.headers["content-length"] ?? "") ?? 0 > 0)
            #expect(head.body.isEmpty)
            #expect(try await client.request("/", method: "POST").status == 405)
        }
    }

    @Test("Broken front matter shows the page with its findings; a broken docgen.yml or template shows an error page that recovers")
    func brokenFilesRecover() async throws {
        let content = try ServeFixtures.content()
        let templates = try TemporaryContent([:])
        try FileManager.default.removeItem(at: templates.url)
        try FileManager.default.copyItem(at: try ServeFixtures.templates(), to: templates.url)
        let server = try Self.server(content, templates: templates.url)
        try await ServeFixtures.withRunningServer(server) { client in
            let broken = try await client.request("/broken.html")
            #expect(broken.status == 200)
            #expect(broken.body.contains("Broken page body text."))
            #expect(broken.body.contains(Self.frontMatterFinding), "the front matter finding is not in the findings panel")

            let events = try await client.openEvents()
            defer { events.close() }

            try content.write("docgen.yml", "site:\n  title: [<b>unclosed\n")
            let failure = try await Self.reloaded(client, events, "/overview.html", "failed") { $0.status == 500 }
            #expect(failure.status == 500)
            #expect(failure.headers["content-type"] == "text/html; charset=utf-8")
            #expect(failure.body.contains("docgen.yml:"), "the error page does not name the file and line")
            #expect(!failure.body.contains("<b>"), "the error page is not escaped")
            #expect(failure.body.contains("/__docgen/events"), "the error page cannot recover by itself")

            try content.write("docgen.yml", ServeFixtures.validConfiguration)
            _ = try await Self.reloaded(client, events, "/overview.html", "recovered") { $0.status == 200 }

            let article = templates.url.appendingPathComponent("article.mustache")
            let original = try String(contentsOf: article, encoding: .utf8)
            try Data("{{#page}}\n<p>\n{{/oops}}\n".utf8).write(to: article)
            let templateFailure = try await Self.reloaded(client, events, "/overview.html", "failed") { $0.status == 500 }
            #expect(templateFailure.status == 500)
            #expect(templateFailure.body.contains("article.mustache:3"), "the error page does not name the template and line")
            #expect(templateFailure.body.contains("/__docgen/events"))

            try Data(original.utf8).write(to: article)
            _ = try await Self.reloaded(client, events, "/overview.html", "recovered") { $0.status == 200 }
        }
    }

    /// How the findings panel shows a page that holds NUL bytes (line 1, column 1).
    static let binaryFinding = """
    <li class="finding is-error">
    <span class="finding-severity">error</span>
    <span class="finding-position">1:1</span>
    <span class="finding-message">The file holds NUL bytes and looks binary, not Markdown; remove it from the content or rename it.</span>
    <code class="finding-rule">DG501 file-encoding</code>
    </li>
    """

    @Test("A save with content that cannot be used (binary, pathologically nested) is reported in its page; the server keeps serving")
    func pathologicalSaves() async throws {
        let content = try ServeFixtures.content()
        let server = try Self.server(content)
        try await ServeFixtures.withRunningServer(server) { client in
            let events = try await client.openEvents()
            defer { events.close() }
            let home = try await client.request("/")
            #expect(home.status == 200)

            try content.write("overview.md", bytes: Array("# Overview\n\u{0}\u{0}binary\n".utf8) + [0xFF, 0xFE, 0x00])
            let binary = try await Self.reloaded(client, events, "/overview.html", until: Self.binaryFinding)
            #expect(binary.status == 200)
            #expect(binary.body.contains(Self.binaryFinding))
            #expect(!binary.body.contains("binary\n"), "the binary bytes were rendered")

            let nested = String(repeating: "> ", count: 20000) + "deep\n\n" + String(repeating: "[", count: 20000) + "\n\n"
                + String(repeating: "*a ", count: 20000) + "\n\n:::image type=\"content\" source=\"" + String(repeating: "x", count: 50000) + "\n\n"
                + String(repeating: "| a ", count: 5000) + "|\n" + String(repeating: "| --- ", count: 5000) + "|\n"
            try content.write("overview.md", ServeFixtures.frontMatter + "# Pathological overview\n\n" + nested)
            let pathological = try await Self.reloaded(client, events, "/overview.html", until: "<h1>Pathological overview</h1>")
            #expect(pathological.status == 200)
            #expect(pathological.body.contains("<aside class=\"findings\" id=\"docgen-findings\""), "the page's findings are not shown")
            #expect(try await client.request("/").body == home.body, "the other pages changed")

            try content.write("overview.md", ServeFixtures.overview("Third version of the overview."))
            let recovered = try await Self.reloaded(client, events, "/overview.html", until: "Third version of the overview.")
            #expect(recovered.status == 200)
            #expect(!recovered.body.contains(Self.binaryFinding))
        }
    }

    @Test("Stopping closes the live-reload streams and frees the port; a taken port is a clear error")
    func shutdownAndPortInUse() async throws {
        let content = try ServeFixtures.content()
        let server = try Self.server(content)
        let holder = StreamHolder()
        try await ServeFixtures.withRunningServer(server) { client in
            holder.stream = try await client.openEvents()
            let taken = PreviewServer(configuration: .init(contentRoot: content.url, templates: try ServeFixtures.templates(), port: client.port))
            do {
                try await ServeFixtures.withTimeout(20, "the second server to fail") { try await taken.run() }
                Issue.record("a second server started on a taken port")
            } catch let failure as PreviewServer.Failure {
                guard case .portInUse(_, let port) = failure else {
                    Issue.record("unexpected failure \(failure)")
                    return
                }
                #expect(port == client.port)
                #expect(failure.description.contains("already in use"))
            }
        }
        let stream = try #require(holder.stream)
        #expect(await stream.closedWithin(5), "the live-reload stream stayed open after the server stopped")
        #expect(server.hub.clientCount == 0)
    }
}

private final class StreamHolder: @unchecked Sendable {
    var stream: ServeTestClient.EventStream?
}
