import DocgenTestSupport
import Foundation
import Testing

extension CommandLineRunner {
    /// Lints `source`'s `docs` folder with the cache and without it, in text and JSON, and expects
    /// the same reports; that the cached text lint loaded `pages` pages, and with `unread`, that
    /// the cache stood for that many of them.
    static func expectLintSameAsWithoutCache(_ source: TemporaryContent, pages: Int, unread: Int?, _ why: Comment) throws {
        let lint = { (extra: [String]) in try CommandLineRunner.run(["lint", "docs"] + extra, in: source.url, cache: true) }
        for format in ["text", "json"] {
            let cached = try lint(["--format", format, "-v"])
            let fresh = try lint(["--format", format, "-v", "--no-cache"])
            #expect(cached.stdout == fresh.stdout, why)
            #expect(cached.status == fresh.status, why)
            if format == "text" {
                let loaded = unread.map { "loaded \(pages) pages (\($0) not read: the cache stood for them) and checked" } ?? "loaded \(pages) pages and checked"
                #expect(cached.stderr.contains(loaded), "\(why): \(cached.stderr)")
            }
        }
    }
}
