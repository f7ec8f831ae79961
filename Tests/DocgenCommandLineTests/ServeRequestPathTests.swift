import DocgenServe
import Testing

@Suite("serve: request paths and content types")
struct ServeRequestPathTests {
    @Test("Plain paths resolve to root-relative keys; folders to their index.html", arguments: [
        ("/", "index.html"),
        ("/overview.html", "overview.html"),
        ("/by-role/developer.html", "by-role/developer.html"),
        ("/by-role/", "by-role/index.html"),
        ("/overview.html?x=1#top", "overview.html"),
        ("/?reload", "index.html"),
        ("/media/a%20b.png", "media/a b.png"),
        ("/caf%C3%A9.html", "café.html"),
        ("/assets/docgen.css", "assets/docgen.css"),
        ("/.well-known/x", ".well-known/x"),
        ("/a..b.html", "a..b.html"),
    ])
    func resolves(target: String, expected: String) {
        #expect(RequestPath.resolve(target) == .path(expected))
    }

    @Test("Traversal and malformed targets are refused", arguments: [
        "/../Package.swift",
        "/..",
        "/a/../../etc/passwd",
        "/./index.html",
        "/%2e%2e/x",
        "/%2E%2E/x",
        "/.%2e/x",
        "/a/..%2f..%2fetc/passwd",
        "/a%2fb",
        "/a%2Fb",
        "/a%5cb",
        "/a\\b",
        "/..\\..\\etc\\passwd",
        "/a%00.html",
        "/a\u{0}b",
        "/a%0ab",
        "//etc/passwd",
        "/a//b",
        "/a%252e%252e/x",
        "/%",
        "/%zz",
        "/%c3%28",
        "/...",
        "/. ./x",
        "etc/passwd",
        "http://example.com/x",
        "*",
        "",
    ])
    func refuses(target: String) {
        guard case .badRequest = RequestPath.resolve(target) else {
            Issue.record("\(target) resolved to \(RequestPath.resolve(target))")
            return
        }
    }

    @Test("Overlong targets are refused")
    func overlong() {
        let target = "/" + String(repeating: "a", count: RequestPath.maximumLength)
        #expect(RequestPath.resolve(target) == .badRequest("request target too long"))
        let longest = "/" + String(repeating: "a", count: RequestPath.maximumLength - 1)
        #expect(RequestPath.resolve(longest) == .path(String(longest.dropFirst())))
    }

    @Test("Content types by extension", arguments: [
        ("index.html", "text/html; charset=utf-8"),
        ("assets/docgen.css", "text/css; charset=utf-8"),
        ("assets/docgen.js", "text/javascript; charset=utf-8"),
        ("search-index.js", "text/javascript; charset=utf-8"),
        ("media/a.svg", "image/svg+xml"),
        ("media/a.PNG", "image/png"),
        ("media/a.jpg", "image/jpeg"),
        ("media/a.jpeg", "image/jpeg"),
        ("media/a.gif", "image/gif"),
        ("media/a.webp", "image/webp"),
        ("data/a.json", "application/json"),
        ("sitemap.xml", "application/xml"),
        ("notes.txt", "text/plain; charset=utf-8"),
        ("archive.tar.gz", "application/octet-stream"),
        ("Makefile", "application/octet-stream"),
        (".hidden", "application/octet-stream"),
    ])
    func contentTypes(path: String, expected: String) {
        #expect(ContentTypes.forPath(path) == expected)
    }
}
