import DocgenCore
import DocgenMarkup
import Foundation

/// What the cache keeps of linting a whole content root: its findings and how many pages it
/// checked. A lint of the same inputs on the same day reports these instead of linting again.
struct CachedLint: Codable {
    var diagnostics: [Diagnostic]
    var fileCount: Int

    /// The cache slot of linting `root`, its paths shown with `displayPrefix`.
    static func slot(root: URL, displayPrefix: String) -> String {
        ["lint", root.standardizedFileURL.path, "shown-as=\(displayPrefix)"].joined(separator: "\n")
    }

    /// The key of the inputs: the slot, the day (the date rules count days) and the content.
    static func key(root: URL, displayPrefix: String, today: Date) -> String {
        var hash = StableHash()
        hash.add(slot(root: root, displayPrefix: displayPrefix))
        hash.add(UTCDay.of(today))
        hash.add(InputFingerprint.of(contentRoot: root))
        return hash.hex
    }

    /// The text of the files the findings name, as a lint that loaded them shows their lines.
    static func sources(of diagnostics: [Diagnostic], root: URL, displayPrefix: String) -> [String: SourceText] {
        var sources: [String: SourceText] = [:]
        for path in Set(diagnostics.map(\.file)) where path.hasPrefix(displayPrefix) {
            let relative = String(path.dropFirst(displayPrefix.count))
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(relative).path) else { continue }
            let text = FileText(data)
            // A page that holds NUL bytes is loaded as an empty page.
            sources[path] = SourceText(text.isBinary && relative.lowercased().hasSuffix(".md") ? "" : text.text)
        }
        return sources
    }
}
