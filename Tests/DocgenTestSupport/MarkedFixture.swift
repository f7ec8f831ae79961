import DocgenCore
import DocgenLint
import DocgenMarkup
import Foundation

/// Fixture text with markers that say where findings and edits must be, as swift-format's tests
/// write them: a keycap emoji (`1️⃣` … `9️⃣`) stands just before the character it marks and is
/// removed before the text is linted, so a test names places instead of counting lines and columns.
public struct MarkedFixture {
    /// The files with their markers removed, for linting.
    public let files: [String: String]
    /// Where each marker stood: the file and the position of the character after it (lines and
    /// columns as diagnostics count them: 1-based, Unicode scalars).
    public let places: [String: (path: String, position: SourcePosition)]

    /// Reads the markers out of `marked` (root-relative path to text). A marker used twice is a
    /// mistake in the test and stops it.
    public init(_ marked: [String: String]) {
        var files: [String: String] = [:]
        var places: [String: (path: String, position: SourcePosition)] = [:]
        for (path, text) in marked {
            var stripped = String.UnicodeScalarView()
            let scalars = Array(text.unicodeScalars)
            var line = 1, column = 1, index = 0
            while index < scalars.count {
                let scalar = scalars[index]
                if ("1"..."9").contains(scalar), index + 2 < scalars.count, scalars[index + 1] == "\u{FE0F}", scalars[index + 2] == "\u{20E3}" {
                    let marker = String(String.UnicodeScalarView(scalars[index...index + 2]))
                    precondition(places[marker] == nil, "marker \(marker) is used twice")
                    places[marker] = (path, SourcePosition(line: line, column: column))
                    index += 3
                    continue
                }
                stripped.append(scalar)
                if scalar == "\n" { line += 1; column = 1 } else if scalar != "\r" { column += 1 }
                index += 1
            }
            files[path] = String(stripped)
        }
        self.files = files
        self.places = places
    }

    /// The position of `marker`.
    public subscript(_ marker: String) -> SourcePosition {
        guard let place = places[marker] else { preconditionFailure("no marker \(marker) in the fixture") }
        return place.position
    }

    /// `path:line:col ID` of a finding of rule `id` at `marker`, as ``LintHarness/findings(_:rules:only:)`` lists them.
    public func finding(_ marker: String, _ id: String) -> String {
        guard let place = places[marker] else { preconditionFailure("no marker \(marker) in the fixture") }
        return "\(place.path):\(place.position.line):\(place.position.column) \(id)"
    }

    /// The span from `start` to `end`.
    public func span(_ start: String, _ end: String) -> SourceSpan { SourceSpan(start: self[start], end: self[end]) }
}

extension LintHarness {
    /// Lints `files` with `rules`, applies every fix (`docgen lint --fix`), and returns the
    /// outcome of each fixed file and the text of every file afterwards.
    public static func fixed(_ files: [String: String], rules: [any LintRule.Type]) throws -> (outcomes: [FileFixer.Outcome], files: [String: String]) {
        let content = try TemporaryContent(files)
        let site = SiteLoader.load(root: content.url)
        let engine = LintEngine(configuration: LintConfiguration(site.configuration.lint), ruleTypes: rules)
        let outcomes = LintFixing.apply(engine.run(LintContext(site: site, today: today)), in: site, root: content.url, write: true)
        var after: [String: String] = [:]
        for path in files.keys { after[path] = try String(contentsOf: content.url.appendingPathComponent(path), encoding: .utf8) }
        return (outcomes, after)
    }
}
