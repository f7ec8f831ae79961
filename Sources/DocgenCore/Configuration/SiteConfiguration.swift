/// A reader role declared in `docgen.yml`.
public struct Role: Sendable, Hashable, Codable {
    /// Stable id, used in front matter `roles:` and as a zone pivot.
    public var id: String
    /// Display title.
    public var title: String
    /// What the role owns, in a sentence or two.
    public var summary: String
    /// Numbers of the layers the role owns.
    public var layers: [Int]
}

/// A layer of the environment declared in `docgen.yml`.
public struct Layer: Sendable, Hashable, Codable {
    /// Layer number, used in front matter `layers:`.
    public var number: Int
    /// Display title.
    public var title: String
    /// One-sentence summary.
    public var summary: String
    /// The components that make up the layer.
    public var components: [String]
}

/// The content root's `docgen.yml`: site identity, roles and layers, and lint settings.
public struct SiteConfiguration: Sendable {
    /// Site title, shown in the header and the browser tab: docgen.yml's `site.title`, else
    /// docfx.json's `globalMetadata._appTitle`, else "Documentation".
    public var title = "Documentation"
    /// Whether docgen.yml gives the title (else docfx.json's `_appTitle` may).
    public var titleIsGiven = false
    /// Site description for the home page and meta tags.
    public var description = ""
    /// Language of the content, for `<html lang>`.
    public var language = "en"
    /// Declared roles in reading order.
    public var roles: [Role] = []
    /// Declared layers by number.
    public var layers: [Layer] = []
    /// Learn's host (`https://learn.microsoft.com`): root-relative links to other doc sets are made
    /// absolute with it; without it they stay as written.
    public var learnHost: String?
    /// `site.learn-paths`: the URL paths this doc set's folders are published under on Learn
    /// (`/azure/: articles`); inferred from the links when not given.
    public var learnPaths: [LearnPathMap.Mapping]?
    /// `navigation.inline-limit`: a navigation (one TOC's, or the folders') with more entries than
    /// this is written once as a file the browser loads, and each page carries only its own branch.
    public var navigationInlineLimit = 300
    /// The lint section as written, read by the lint engine.
    public var lint: YAMLValue = .null
    /// Where each top-level key stood, for diagnostics about the configuration itself.
    public var source: String?

    /// The default configuration, for a content root without `docgen.yml`.
    public init() {}

    /// The role with `id`.
    public func role(_ id: String) -> Role? { roles.first { $0.id == id } }

    /// The layer with `number`.
    public func layer(_ number: Int) -> Layer? { layers.first { $0.number == number } }

    /// Reads a `docgen.yml`. Throws a ``YAMLReader/Failure`` naming the line for bad YAML or a
    /// malformed role or layer.
    public static func parse(_ yaml: String) throws(YAMLReader.Failure) -> SiteConfiguration {
        var configuration = SiteConfiguration()
        let root = try YAMLReader.read(yaml)
        if let site = root["site"] {
            if let title = site["title"]?.string?.trimmingSpaces(), !title.isEmpty {
                configuration.title = title
                configuration.titleIsGiven = true
            }
            configuration.description = site["description"]?.string ?? ""
            configuration.language = site["language"]?.string ?? "en"
            if let host = site["learn-host"]?.string?.trimmingSpaces(), !host.isEmpty {
                guard host.hasPrefix("https://") || host.hasPrefix("http://") else {
                    let entry = site.entries.first { $0.key == "learn-host" }
                    throw YAMLReader.Failure(message: "'site.learn-host' must be an http(s) URL such as https://learn.microsoft.com", line: entry?.line ?? 1, column: entry?.column ?? 1)
                }
                configuration.learnHost = host.hasSuffix("/") ? String(host.dropLast()) : host
            }
            if let paths = site["learn-paths"] {
                configuration.learnPaths = paths.entries.map { LearnPathMap.Mapping(urlPrefix: $0.key, folder: $0.value.string ?? "") }
            }
        }
        for entry in root.entries where entry.key == "navigation" {
            guard case .map = entry.value else {
                throw YAMLReader.Failure(message: "'navigation' must be a map such as 'inline-limit: 300'", line: entry.line, column: entry.column)
            }
            for setting in entry.value.entries where setting.key == "inline-limit" {
                guard let limit = setting.value.string.flatMap({ Int($0) }), limit >= 0 else {
                    throw YAMLReader.Failure(message: "'navigation.inline-limit' must be a whole number of navigation entries, such as 300", line: setting.line, column: setting.column)
                }
                configuration.navigationInlineLimit = limit
            }
        }
        for entry in root.entries where entry.key == "roles" {
            guard case .list(let items) = entry.value else {
                throw YAMLReader.Failure(message: "'roles' must be a list of roles with id, title, summary and layers", line: entry.line, column: entry.column)
            }
            for item in items {
                guard let id = item["id"]?.string, let title = item["title"]?.string else {
                    throw YAMLReader.Failure(message: "each role needs an id and a title", line: entry.line, column: entry.column)
                }
                configuration.roles.append(Role(
                    id: id, title: title, summary: item["summary"]?.string ?? "",
                    layers: (item["layers"]?.strings ?? []).compactMap { Int($0) }))
            }
        }
        for entry in root.entries where entry.key == "layers" {
            guard case .list(let items) = entry.value else {
                throw YAMLReader.Failure(message: "'layers' must be a list of layers with number, title and components", line: entry.line, column: entry.column)
            }
            for item in items {
                guard let number = item["number"]?.string.flatMap({ Int($0) }), let title = item["title"]?.string else {
                    throw YAMLReader.Failure(message: "each layer needs a number and a title", line: entry.line, column: entry.column)
                }
                configuration.layers.append(Layer(
                    number: number, title: title, summary: item["summary"]?.string ?? "",
                    components: item["components"]?.strings ?? []))
            }
        }
        configuration.lint = root["lint"] ?? .null
        return configuration
    }
}
