import Foundation

/// What a team already decided in its markdownlint configuration (`.markdownlint.json`,
/// `.jsonc`, `.yaml`, `.yml`, or the `config` of `.markdownlint-cli2.jsonc` / `.yaml`) for the
/// rules docgen shares with markdownlint, as entries of docgen.yml's `lint.rules`. docgen.yml
/// wins: a rule it names keeps its docgen.yml setting.
public struct MarkdownlintSettings: Sendable {
    /// A markdownlint rule and the docgen rule that checks the same thing.
    public struct Mapping: Sendable {
        /// markdownlint's id, `MD024`.
        public let markdownlint: String
        /// markdownlint's names for it (`no-duplicate-heading`, older aliases too).
        public let names: [String]
        /// The docgen rule's id and alias.
        public let docgenID: String
        public let docgenAlias: String
        /// markdownlint options docgen reads, with the docgen option each becomes.
        public let options: [String: String]
        /// When the docgen rule checks more than markdownlint's, the docgen option that turning
        /// the markdownlint rule off sets to false, instead of turning the docgen rule off.
        public var offOption: String? = nil
    }

    /// The rules docgen shares with markdownlint.
    public static let mappings: [Mapping] = [
        Mapping(markdownlint: "MD001", names: ["heading-increment", "header-increment"], docgenID: "DG311", docgenAlias: "heading-increment", options: [:]),
        Mapping(markdownlint: "MD024", names: ["no-duplicate-heading", "no-duplicate-header"], docgenID: "DG313", docgenAlias: "duplicate-heading", options: ["siblings_only": "siblings-only"]),
        Mapping(markdownlint: "MD025", names: ["single-title", "single-h1"], docgenID: "DG310", docgenAlias: "single-h1", options: [:]),
        Mapping(markdownlint: "MD042", names: ["no-empty-links"], docgenID: "DG103", docgenAlias: "empty-link", options: [:]),
        Mapping(markdownlint: "MD045", names: ["no-alt-text"], docgenID: "DG202", docgenAlias: "image-alt-text", options: [:]),
        // MD051 checks bookmarks within a page; broken-anchor checks links to other pages' too,
        // which markdownlint never looks at: a team turning MD051 off keeps those.
        Mapping(markdownlint: "MD051", names: ["link-fragments"], docgenID: "DG102", docgenAlias: "broken-anchor", options: [:], offOption: "same-page"),
    ]

    /// The file the settings came from, content-root-relative ("../.markdownlint.json" above it).
    public let source: String?
    /// `lint.rules` entries, by docgen alias.
    public let rules: [YAMLEntry]

    /// No markdownlint configuration.
    public init() {
        source = nil
        rules = []
    }

    /// The file names markdownlint reads, in its order of precedence.
    public static let fileNames = [
        ".markdownlint-cli2.jsonc", ".markdownlint-cli2.yaml", ".markdownlint.jsonc", ".markdownlint.json", ".markdownlint.yaml", ".markdownlint.yml",
    ]

    /// Reads the configuration at the content root of `files`, else in the nearest folder above
    /// it (inside the repository), else in the folder of a doc set below it (`docs/` when a
    /// repository is linted from its root, which markdownlint-cli2 also reads for the files there).
    public init(files: ContentFiles, docsetFolders: [String] = []) {
        var found: (URL, String)?
        for name in Self.fileNames where files.configurationFiles.contains(name) {
            found = (files.url(name), name)
            break
        }
        if found == nil {
            var folder = files.root.standardizedFileURL
            var climbed = ""
            search: while folder.path != "/" {
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) { break }
                folder = folder.deletingLastPathComponent()
                climbed += "../"
                for name in Self.fileNames where FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) {
                    found = (folder.appendingPathComponent(name), climbed + name)
                    break search
                }
            }
        }
        // The shallowest doc set folder first: its settings are the ones its pages were written under.
        for folder in docsetFolders.filter({ !$0.isEmpty }).sorted(by: { ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1) }) where found == nil {
            for name in Self.fileNames where files.configurationFiles.contains(folder + "/" + name) {
                found = (files.url(folder + "/" + name), folder + "/" + name)
                break
            }
        }
        guard let (url, shown) = found, let text = try? String(contentsOf: url, encoding: .utf8),
              var config = Self.parse(text, yaml: shown.hasSuffix(".yaml") || shown.hasSuffix(".yml")) else {
            source = nil
            rules = []
            return
        }
        if shown.contains("markdownlint-cli2") { config = config["config"] as? [String: Any] ?? [:] }
        source = shown
        rules = Self.rules(from: config)
    }

    /// docgen.yml `lint.rules` entries for a markdownlint configuration object.
    static func rules(from config: [String: Any]) -> [YAMLEntry] {
        let byDefault = (config["default"] as? Bool) ?? true
        var result: [YAMLEntry] = []
        for mapping in mappings {
            let keys = [mapping.markdownlint, mapping.markdownlint.lowercased()] + mapping.names
            let setting = config.first { keys.contains($0.key) }?.value
            var entries: [YAMLEntry] = []
            func off() -> YAMLEntry {
                YAMLEntry(key: mapping.offOption ?? "severity", value: .string(mapping.offOption == nil ? "off" : "false"), line: 1, column: 1)
            }
            switch setting {
            case let enabled as Bool:
                entries.append(enabled ? YAMLEntry(key: "severity", value: .string("on"), line: 1, column: 1) : off())
            case let options as [String: Any]:
                if let enabled = options["enabled"] as? Bool, !enabled { entries.append(off()) }
                for (name, docgenName) in mapping.options {
                    if let value = options[name] { entries.append(YAMLEntry(key: docgenName, value: .string("\(value as? Bool ?? false)"), line: 1, column: 1)) }
                }
            default:
                if !byDefault { entries.append(off()) }
            }
            if !entries.isEmpty { result.append(YAMLEntry(key: mapping.docgenAlias, value: .map(entries), line: 1, column: 1)) }
        }
        return result
    }

    /// `lint` with these rules added where `lint.rules` does not name the rule (by id or alias).
    public func merged(into lint: YAMLValue) -> YAMLValue {
        guard !rules.isEmpty else { return lint }
        var top = lint.entries
        var ruleEntries = lint["rules"]?.entries ?? []
        for entry in rules {
            guard let mapping = Self.mappings.first(where: { $0.docgenAlias == entry.key }),
                  !ruleEntries.contains(where: { $0.key == mapping.docgenAlias || $0.key == mapping.docgenID }) else { continue }
            ruleEntries.append(entry)
        }
        top.removeAll { $0.key == "rules" }
        top.append(YAMLEntry(key: "rules", value: .map(ruleEntries), line: 1, column: 1))
        return .map(top)
    }

    /// A JSON (with comments) or YAML configuration object.
    static func parse(_ text: String, yaml: Bool) -> [String: Any]? {
        if yaml {
            guard let value = try? YAMLReader.read(text) else { return nil }
            return plain(value) as? [String: Any]
        }
        return (try? JSONSerialization.jsonObject(with: Data(withoutComments(text).utf8))) as? [String: Any]
    }

    private static func plain(_ value: YAMLValue) -> Any {
        switch value {
        case .string(let text):
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: return text
            }
        case .list(let items): return items.map(plain)
        case .map(let entries): return Dictionary(entries.map { ($0.key, plain($0.value)) }, uniquingKeysWith: { _, last in last })
        case .null: return NSNull()
        }
    }

    /// JSONC without `//` and `/* */` comments (outside strings) and trailing commas.
    static func withoutComments(_ text: String) -> String {
        var output: [Character] = []
        let characters = Array(text)
        var index = 0
        var inString = false
        while index < characters.count {
            let character = characters[index]
            if inString {
                output.append(character)
                if character == "\\", index + 1 < characters.count { output.append(characters[index + 1]); index += 2; continue }
                if character == "\"" { inString = false }
                index += 1
            } else if character == "\"" {
                inString = true
                output.append(character)
                index += 1
            } else if character == "/", index + 1 < characters.count, characters[index + 1] == "/" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
            } else if character == "/", index + 1 < characters.count, characters[index + 1] == "*" {
                index += 2
                while index + 1 < characters.count, !(characters[index] == "*" && characters[index + 1] == "/") { index += 1 }
                index += 2
            } else if character == ",", let next = characters[(index + 1)...].first(where: { !$0.isWhitespace }), next == "}" || next == "]" {
                index += 1
            } else {
                output.append(character)
                index += 1
            }
        }
        return String(output)
    }
}
