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

    @Test("Traversal and malformed targets are refused, each with its reason", arguments: [
        ("/../Package.swift", "dot segment in path"),
        ("/..", "dot segment in path"),
        ("/a/../../etc/passwd", "dot segment in path"),
        ("/./index.html", "dot segment in path"),
        ("/%2e%2e/x", "dot segment in path"),
        ("/%2E%2E/x", "dot segment in path"),
        ("/.%2e/x", "dot segment in path"),
        ("/...", "dot segment in path"),
        ("/. ./x", "dot segment in path"),
        ("/a/..%2f..%2fetc/passwd", "encoded path separator"),
        ("/a%2fb", "encoded path separator"),
        ("/a%2Fb", "encoded path separator"),
        ("/a%5cb", "encoded path separator"),
        ("/a\\b", "backslash in path"),
        ("/..\\..\\etc\\passwd", "backslash in path"),
        ("/a%00.html", "control character in path"),
        ("/a\u{0}b", "control character in path"),
        ("/a%0ab", "control character in path"),
        ("//etc/passwd", "empty path segment"),
        ("/a//b", "empty path segment"),
        ("/a%252e%252e/x", "double percent encoding"),
        ("/%", "malformed percent escape"),
        ("/%zz", "malformed percent escape"),
        ("/%c3%28", "invalid UTF-8 in path"),
        ("etc/passwd", "request target must start with /"),
        ("http://example.com/x", "request target must start with /"),
        ("*", "request target must start with /"),
        ("", "request target must start with /"),
    ])
    func refuses(target: String, reason: String) {
        #expect(RequestPath.resolve(target) == .badRequest(reason))
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
