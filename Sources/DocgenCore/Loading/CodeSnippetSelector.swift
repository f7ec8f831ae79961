import DocgenMarkup

/// Picks the lines of a code sample that a `:::code` directive asks for: a tagged region
/// (`id`, markers such as `// <tag>` ... `// </tag>` or `#region tag`), or a `range` like
/// `2-24,26` or `205-`, with common indentation removed.
public enum CodeSnippetSelector {
    /// The selected text, or the whole file when neither `range` nor `id` is given.
    public static func select(_ text: String, range: String?, id: String?) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var selected: [Substring]
        if let id, !id.isEmpty {
            selected = tagged(lines, id: id)
        } else if let range, !range.isEmpty {
            selected = []
            for part in range.split(separator: ",") {
                let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingSpaces()) }
                guard let first = bounds.first ?? nil, first >= 1 else { continue }
                let last = bounds.count > 1 ? (bounds[1] ?? lines.count) : first
                guard first <= lines.count else { continue }
                selected += lines[(first - 1)..<min(last, lines.count)]
            }
        } else {
            selected = lines
            while selected.last?.isEmpty == true { selected.removeLast() }
        }
        return dedent(selected).joined(separator: "\n")
    }

    /// Whether `text` marks a region named `id` (`// <id>`, `#region id`, `<snippet id>`).
    public static func hasRegion(_ text: String, id: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        return regionStart(lines, id: id) != nil
    }

    private static func regionStart(_ lines: [Substring], id: String) -> Int? {
        let tag = id.lowercased()
        return lines.firstIndex { line in
            let compact = line.lowercased().filter { $0 != " " && $0 != "\t" }
            return compact.hasSuffix("<\(tag)>") || compact.hasSuffix("<\(tag)>-->") || compact.hasSuffix("<\(tag)>*/")
                || compact == "#region\(tag)" || compact.hasSuffix("<snippet\(tag)>")
        }
    }

    private static func tagged(_ lines: [Substring], id: String) -> [Substring] {
        let tag = id.lowercased()
        func isMarker(_ line: Substring, closing: Bool) -> Bool {
            let compact = line.lowercased().filter { $0 != " " && $0 != "\t" }
            let name = closing ? "</\(tag)>" : "<\(tag)>"
            let region = closing ? "#endregion" : "#region\(tag)"
            return compact.hasSuffix(name) || compact.hasSuffix(name + "-->") || compact.hasSuffix(name + "*/")
                || (closing ? false : compact == region) || (!closing && compact.hasSuffix("<snippet\(tag)>"))
                || (closing && compact.hasSuffix("</snippet\(tag)>"))
        }
        guard let start = lines.firstIndex(where: { isMarker($0, closing: false) }) else { return [] }
        let end = lines[(start + 1)...].firstIndex(where: { isMarker($0, closing: true) }) ?? lines.count
        return Array(lines[(start + 1)..<end]).filter { !$0.lowercased().contains("<\(tag)>") }
    }

    private static func dedent(_ lines: [Substring]) -> [Substring] {
        let indents = lines.filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }.map { $0.prefix { $0 == " " || $0 == "\t" }.count }
        guard let common = indents.min(), common > 0 else { return lines }
        return lines.map { $0.count >= common ? $0.dropFirst(common) : $0 }
    }
}
