import Foundation

/// One example of a CommonMark-style spec file: the Markdown and the HTML cmark-gfm renders for it.
struct SpecExample: CustomStringConvertible, Sendable {
    /// `spec-12` or `extensions-3`: the file's name and the example's number in it (from 1, as the spec counts).
    var id: String
    var markdown: String
    var html: String
    /// The line of the example's opening fence.
    var line: Int
    /// The section heading it is under.
    var section: String

    var description: String { id }

    /// The vendored cmark-gfm spec files, in `Fixtures/cmark-gfm`.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/cmark-gfm")

    /// Every example of `spec.txt` and `extensions.txt`.
    static let all: [SpecExample] = ["spec", "extensions"].flatMap { name in
        let text = (try? String(contentsOf: folder.appendingPathComponent("\(name).txt"), encoding: .utf8)) ?? ""
        return parse(text, name: name)
    }

    /// Reads examples the way cmark-gfm's `spec_tests.py` does: a fence of 32 backticks followed by
    /// `example`, the Markdown, a line with one `.`, the HTML, and a closing fence; `→` stands for a tab.
    static func parse(_ text: String, name: String) -> [SpecExample] {
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var section = ""
        var state = 0  // 0 outside, 1 Markdown, 2 HTML
        var markdown = "", html = "", start = 0
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if state == 0, line.hasPrefix("#") {
                section = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
            }
            if state == 0, line.hasPrefix(fence + " example") {
                state = 1
                markdown = ""
                html = ""
                start = offset + 1
            } else if state == 1, line == "." {
                state = 2
            } else if state == 2, line == fence {
                state = 0
                let tab = { (text: String) in text.replacingOccurrences(of: "→", with: "\t") }
                examples.append(SpecExample(id: "\(name)-\(examples.count + 1)", markdown: tab(markdown), html: tab(html), line: start, section: section))
            } else if state == 1 {
                markdown += line + "\n"
            } else if state == 2 {
                html += line + "\n"
            }
        }
        return examples
    }
}
