/// A Learn page written in YAML (`### YamlMime:Landing`, `Hub` or `FAQ` on its first line):
/// cards of links, or questions and answers. Built through templates of its own, linked from
/// toc.yml and Markdown like any page.
public struct YAMLPage: Sendable {
    /// The YamlMime types docgen builds.
    public enum Kind: String, Sendable, CaseIterable {
        case landing = "Landing", hub = "Hub", faq = "FAQ"
    }

    /// The root-relative path of the `.yml` file.
    public var path: String
    /// Its YamlMime type.
    public var kind: Kind
    /// The whole document, with lines.
    public var content: YAMLValue

    /// The page title: `title`, else `metadata.title`, else the file name.
    public var title: String {
        let written = content["title"]?.string ?? content["metadata"]?["title"]?.string ?? ""
        let trimmed = written.trimmingSpaces()
        return trimmed.isEmpty ? String(path.split(separator: "/").last ?? "") : trimmed
    }

    /// The title as navigation, search and the window title show it (see ``Document/displayTitle``).
    public var displayTitle: String { Document.plainText(ofInlineMarkdown: title) }

    /// `metadata.description`, else `summary`.
    public var description: String {
        (content["metadata"]?["description"]?.string ?? content["summary"]?.string ?? "").trimmingSpaces()
    }

    /// The path of the built page (`a/index.yml` -> `a/index.html`).
    public var outputPath: String { Document.outputPath(for: path) }

    /// The YamlMime type named on the first line of `text` (`### YamlMime:Landing` -> `Landing`).
    public static func mimeType(in text: String) -> String? {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let afterHashes = firstLine.drop { $0 == "#" || $0 == " " || $0 == "\u{FEFF}" }
        guard afterHashes.count < firstLine.count, afterHashes.hasPrefix("YamlMime:") else { return nil }
        let name = afterHashes.dropFirst("YamlMime:".count).prefix { !$0.isWhitespace }
        return name.isEmpty ? nil : String(name)
    }

    /// YamlMime types that configure a doc set rather than being pages of it.
    public static let configurationTypes: Set<String> = ["ZonePivotGroups", "ContextObject", "TableOfContents"]
}
