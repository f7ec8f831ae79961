import DocgenMarkup
import Foundation

/// What one `docfx.json` says about its pages: the metadata it gives them (`build.globalMetadata`,
/// and `build.fileMetadata` by glob, so that a page without `author` in its own front matter is
/// not reported when the doc set provides it), and which `build.content` entry, and so which
/// version `group`, publishes each page. Paths are relative to the `docfx.json` folder.
public struct DocfxMetadata: Sendable {
    /// A `build.content` entry: files under `src` matching `files` and none of `exclude`.
    struct ContentEntry: Sendable {
        var source: String
        var files: [DocfxGlob]
        var exclude: [DocfxGlob]
        var group: String?
    }

    private var global: [YAMLEntry] = []
    private var byGlob: [(key: String, glob: DocfxGlob, value: YAMLValue)] = []
    private var content: [ContentEntry] = []
    /// `build.groups`: each version group's `moniker_range`, in the order the file writes them.
    private var groupMonikerRanges: [(group: String, range: String)] = []

    /// `build.xref`: xrefmap files (paths relative to the docfx.json folder, or URLs).
    public private(set) var xrefFiles: [String] = []

    /// No inherited metadata.
    public init() {}

    /// Reads `docfx.json` text; nil when it is not valid JSON.
    public init?(json: Data) {
        guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any],
              let build = object["build"] as? [String: Any] else { return nil }
        for (key, value) in (build["globalMetadata"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            global.append(YAMLEntry(key: key, value: Self.value(value), line: 1, column: 1))
        }
        for (key, globs) in (build["fileMetadata"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            // JSON objects have no order once parsed; DocFX applies globs in file order, and the
            // last match wins. Reading the order back from the text keeps that.
            let block = Self.offset(of: key, in: json, after: Self.offset(of: "fileMetadata", in: json, after: 0))
            let ordered = (globs as? [String: Any] ?? [:]).map { (Self.offset(of: $0.key, in: json, after: block), $0.key, $0.value) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            for (_, glob, value) in ordered {
                byGlob.append((key, DocfxGlob(glob), Self.value(value)))
            }
        }
        xrefFiles = Self.strings(build["xref"])
        let groupsBlock = Self.offset(of: "groups", in: json, after: 0)
        groupMonikerRanges = (build["groups"] as? [String: Any] ?? [:])
            .compactMap { name, value in ((value as? [String: Any])?["moniker_range"] as? String).map { (name, $0) } }
            .map { (Self.offset(of: $0.0, in: json, after: groupsBlock), $0.0, $0.1) }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            .map { (group: $0.1, range: $0.2) }
        for entry in build["content"] as? [[String: Any]] ?? [] {
            let source = ((entry["src"] as? String) ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/."))
            let files = Self.strings(entry["files"]).map(DocfxGlob.init)
            guard !files.isEmpty else { continue }
            content.append(ContentEntry(source: source, files: files, exclude: Self.strings(entry["exclude"]).map(DocfxGlob.init), group: entry["group"] as? String))
        }
    }

    /// Entries the page at docset-relative `path` inherits: file metadata (last matching glob
    /// wins, as in DocFX) over global metadata.
    public func entries(for path: String) -> [YAMLEntry] {
        var result: [String: YAMLEntry] = [:]
        for entry in global { result[entry.key] = entry }
        // A page of a version group has the group's monikers unless metadata names its own.
        if let group = group(of: path), let range = groupMonikerRanges.first(where: { $0.group == group })?.range {
            result["monikerRange"] = YAMLEntry(key: "monikerRange", value: .string(range), line: 1, column: 1)
        }
        let parts = DocfxGlob.parts(of: path)
        for item in byGlob where item.glob.matches(parts: parts) {
            result[item.key] = YAMLEntry(key: item.key, value: item.value, line: 1, column: 1)
        }
        return result.values.sorted { $0.key < $1.key }
    }

    /// A `globalMetadata` value (`_appTitle`).
    public func globalValue(_ key: String) -> YAMLValue? {
        global.first { $0.key == key }?.value
    }

    /// The monikers the doc set declares: every name its groups' `moniker_range` values name, in
    /// the order written (the order `>=` and `<` compare by); empty when it declares none.
    public var declaredMonikers: [String] {
        var seen = Set<String>(), result: [String] = []
        for (_, range) in groupMonikerRanges {
            guard case .success(let parsed) = MonikerRange.parse(range) else { continue }
            for name in parsed.names where seen.insert(name.lowercased()).inserted { result.append(name) }
        }
        return result
    }

    /// The `src` folders of `build.content`, relative to the `docfx.json` folder.
    public var contentSources: [String] { content.map(\.source).filter { !$0.isEmpty } }

    /// Whether a `build.content` entry publishes the docset-relative `path` (true when the
    /// file lists no content).
    public func publishes(_ path: String) -> Bool {
        content.isEmpty || entry(for: path) != nil
    }

    /// The version group (`build.content[].group`) that publishes the docset-relative `path`.
    public func group(of path: String) -> String? {
        entry(for: path)?.group
    }

    private func entry(for path: String) -> ContentEntry? {
        content.first { entry in
            let lowered = path.lowercased(), source = entry.source.lowercased()
            guard source.isEmpty || lowered.hasPrefix(source + "/") else { return false }
            let inside = source.isEmpty ? path : String(path.dropFirst(source.count + 1))
            return entry.files.contains { $0.matches(inside) } && !entry.exclude.contains { $0.matches(inside) }
        }
    }

    private static func strings(_ any: Any?) -> [String] {
        if let string = any as? String { return [string] }
        return (any as? [Any])?.compactMap { $0 as? String } ?? []
    }

    /// Where `"key"` first occurs in the JSON text at or after `start`, for ordering an object's
    /// keys as written.
    private static func offset(of key: String, in json: Data, after start: Int) -> Int {
        guard let encoded = try? JSONSerialization.data(withJSONObject: [key], options: [.fragmentsAllowed, .withoutEscapingSlashes]),
              start < json.count else { return Int.max }
        // `["key"]` without its brackets: the key as JSON spells it.
        let needle = encoded.dropFirst().dropLast()
        return json.range(of: needle, in: (json.startIndex + start)..<json.endIndex).map { $0.lowerBound - json.startIndex } ?? Int.max
    }

    private static func value(_ any: Any) -> YAMLValue {
        switch any {
        case let string as String: return .string(string)
        case let number as NSNumber: return .string(number.stringValue)
        case let list as [Any]: return .list(list.map(value))
        case let map as [String: Any]: return .map(map.sorted { $0.key < $1.key }.map { YAMLEntry(key: $0.key, value: value($0.value), line: 1, column: 1) })
        default: return .null
        }
    }
}
