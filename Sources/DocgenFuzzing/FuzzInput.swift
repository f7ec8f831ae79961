import Foundation

/// How the bytes a fuzzer hands over become a content root. Shared by the fuzz targets and the
/// test that replays their crash reproducers, so a reproducer means the same site in both.
public enum FuzzInput {
    /// The two fuzz targets.
    public enum Target: String, CaseIterable, Sendable {
        /// The bytes are one page, `page.md`, in a fixed site.
        case page
        /// The bytes are a page, an include it may pull in and a `toc.yml`, separated by
        /// ``separator``.
        case site
    }

    /// Separates the parts of a `site` input (ASCII unit separator, which Markdown never uses).
    public static let separator: UInt8 = 0x1F

    /// The page a fuzz input becomes.
    public static let pagePath = "page.md"
    /// The include file of a `site` input.
    public static let includePath = "includes/part.md"
    /// The table of contents of a `site` input.
    public static let tocPath = "toc.yml"

    /// Files every fuzzed site has, so that links, anchors, images, `:::code` samples, roles and
    /// layers in the fuzzed page can resolve.
    public static let fixedFiles: [String: Data] = [
        "docgen.yml": Data("""
        site:
          title: Fuzz site
          description: A site whose one page is whatever the fuzzer wrote.
        roles:
          - id: developer
            title: Developer
            summary: Builds the applications.
            layers: [4]
        layers:
          - number: 4
            title: Applications
            summary: The workloads.
            components: [Application code]

        """.utf8),
        "other.md": Data("""
        ---
        title: The other page of the fuzz site
        description: A page the fuzzed page can link to, with headings for anchors to find.
        ms.date: 01/15/2026
        author: docgen
        roles: [developer]
        layers: [4]
        ---

        # Other page

        ## A section

        Text.

        """.utf8),
        "media/diagram.svg": Data("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>\n".utf8),
        "snippets/sample.py": Data("# <setup>\nimport os\n# </setup>\nprint(os.getcwd())\n".utf8),
    ]

    /// The files `data` stands for under `target`, keyed by root-relative path (the fixed
    /// files included).
    public static func files(_ data: Data, target: Target) -> [String: Data] {
        var files = fixedFiles
        switch target {
        case .page:
            files[pagePath] = data
        case .site:
            let parts = data.split(separator: separator, maxSplits: 2, omittingEmptySubsequences: false)
            files[pagePath] = parts.count > 0 ? Data(parts[0]) : Data()
            if parts.count > 1 { files[includePath] = Data(parts[1]) }
            if parts.count > 2 { files[tocPath] = Data(parts[2]) }
        }
        return files
    }

    /// Joins the parts of a `site` input (for making seeds).
    public static func siteInput(page: Data, include: Data, toc: Data) -> Data {
        page + [separator] + include + [separator] + toc
    }
}
