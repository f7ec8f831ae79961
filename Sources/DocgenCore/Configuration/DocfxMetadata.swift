import Foundation

/// The metadata a DocFX / Learn doc set gives every page through `docfx.json`
/// (`build.globalMetadata`, and `build.fileMetadata` by glob), so that a page without `author`
/// in its own front matter is not reported when the doc set provides it.
public struct DocfxMetadata: @unchecked Sendable {
    private var global: [YAMLEntry] = []
    private var byGlob: [(key: String, glob: NSRegularExpression, value: YAMLValue)] = []

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
            for (glob, value) in (globs as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
                if let regex = try? NSRegularExpression(pattern: Self.regex(glob)) { byGlob.append((key, regex, Self.value(value))) }
            }
        }
    }

    /// Entries the page at root-relative `path` inherits: file metadata (last matching glob wins,
    /// as in DocFX) over global metadata.
    public func entries(for path: String) -> [YAMLEntry] {
        var result: [String: YAMLEntry] = [:]
        for entry in global { result[entry.key] = entry }
        let range = NSRange(path.startIndex..., in: path)
        for item in byGlob where item.glob.firstMatch(in: path, range: range) != nil {
            result[item.key] = YAMLEntry(key: item.key, value: item.value, line: 1, column: 1)
        }
        return result.values.sorted { $0.key < $1.key }
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

    /// A DocFX glob as an anchored regular expression: `**` across folders, `*` within a name.
    static func regex(_ pattern: String) -> String {
        var regex = "^"
        var characters = Array(pattern)[...]
        while let character = characters.popFirst() {
            if character == "*" {
                if characters.first == "*" {
                    characters = characters.dropFirst()
                    if characters.first == "/" { characters = characters.dropFirst(); regex += "(?:.*/)?" } else { regex += ".*" }
                } else {
                    regex += "[^/]*"
                }
            } else if "\\.+?()[]{}|^$".contains(character) {
                regex += "\\" + String(character)
            } else {
                regex.append(character)
            }
        }
        return regex + "$"
    }
}
