import Foundation
import DocgenCore
import DocgenMarkup

/// Reports monikers named in `::: moniker range="..."` blocks and in a page's own `monikerRange`
/// that the doc set does not declare (docfx.json `groups` and their `moniker_range`), as Learn's
/// build reports `moniker-range-invalid` ("Moniker '…' is not defined"). Doc sets that declare no
/// monikers are not checked: any name is a version there.
public struct UnknownMoniker: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG309", alias: "unknown-moniker",
        summary: "Moniker ranges name monikers the doc set declares",
        severity: .warning, tags: ["directives"],
        rationale: "A moniker the doc set does not declare is no version a reader can choose: Learn drops the block and reports the range, and docgen's version picker never shows it. It is usually a typo or a version that was renamed.",
        bad: "::: moniker range=\">= azure-cli-lastest\"\nRun `az upgrade`.\n::: moniker-end\n",
        good: "::: moniker range=\">= azure-cli-latest\"\nRun `az upgrade`.\n::: moniker-end\n")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        let declared = context.site.docfx.docset(of: document.path)?.metadata.declaredMonikers ?? []
        guard !declared.isEmpty else { return [] }
        let known = Set(declared.map { $0.lowercased() })
        var findings: [Finding] = []
        func report(_ range: String, line: Int, column valueColumn: Int, path: String) {
            guard case .success(let parsed) = MonikerRange.parse(range) else { return }
            var searchFrom = range.startIndex
            for comparator in parsed.sets.joined() {
                // The column of this occurrence of the name within the range's text.
                let found = range.range(of: comparator.moniker, range: searchFrom..<range.endIndex)
                let offset = found.map { range.distance(from: range.startIndex, to: $0.lowerBound) } ?? 0
                if let found { searchFrom = found.upperBound }
                guard !known.contains(comparator.moniker.lowercased()) else { continue }
                let guess = EditDistance.closest(to: comparator.moniker, in: declared)
                let hint = guess.map { "; did you mean '\($0)'?" } ?? "; use one of: \(declared.joined(separator: ", "))."
                findings.append(Finding(
                    path: path, at: SourcePosition(line: line, column: valueColumn + offset),
                    "Moniker '\(comparator.moniker)' is not one the doc set declares in docfx.json groups\(hint)",
                    suggestion: guess))
            }
        }
        // Inherited metadata has no line of its own; only the page's own front matter is checked.
        if let entry = document.frontMatter.entry("monikerRange"), entry.line > 1, case .string(let range) = entry.value {
            let text = document.source.line(entry.line)
            let column = text.range(of: range).map { text.distance(from: text.startIndex, to: $0.lowerBound) + 1 } ?? entry.column
            report(range, line: entry.line, column: column, path: document.path)
        }
        document.root.walk(in: document.path) { node, path in
            guard case .moniker(let range) = node.kind, let start = node.start else { return }
            let line = context.sourceLines(path).line(start.line)
            let fromDirective = line.dropFirst(max(start.column - 1, 0))
            let offset = DirectiveAttributes.valueOffset(of: "range", in: fromDirective) ?? 0
            report(range, line: start.line, column: start.column + offset, path: path)
        }
        return findings
    }
}
