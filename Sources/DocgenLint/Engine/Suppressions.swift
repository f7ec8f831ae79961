import DocgenCore
import DocgenMarkup

/// Inline suppression comments in a file:
/// `<!-- docgen-disable RULE... -->` until `<!-- docgen-enable RULE... -->` (or the end of the
/// file), and `<!-- docgen-disable-next-line RULE... -->` for the next line. Rules are named by
/// id or alias, separated by spaces or commas; no name means every rule.
public struct Suppressions: Sendable {
    private struct Span {
        var rules: Set<String>?
        var from: Int
        var to: Int
    }

    private var spans: [Span] = []

    /// The memo key of a page's suppressions: site rules report on every page on every save.
    static let memoKey = "suppressions"

    /// Whether `source` holds a suppression comment at all.
    public static func appear(in source: SourceText) -> Bool {
        source.text.containsBytes("<!-- docgen-")
    }

    /// Reads the comments in `source`.
    public init(_ source: SourceText) {
        var open: [String?: Int] = [:]
        var openAll: Int?
        // Lines are cut from one string: most files hold no comment, and are ruled out at once.
        guard Self.appear(in: source) else { return }
        for (index, line) in source.lines.enumerated() where line.containsBytes("<!-- docgen-") {
            let number = index + 1
            var rest = line[...]
            while let start = rest.range(of: "<!-- docgen-") {
                let after = rest[start.upperBound...]
                guard let end = after.range(of: "-->") else { break }
                let body = after[..<end.lowerBound]
                rest = after[end.upperBound...]
                let words = body.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
                guard let command = words.first else { continue }
                let rules = words.dropFirst().map { $0.lowercased() }
                switch command {
                case "disable-next-line":
                    spans.append(Span(rules: rules.isEmpty ? nil : Set(rules), from: number + 1, to: number + 1))
                case "disable-line":
                    spans.append(Span(rules: rules.isEmpty ? nil : Set(rules), from: number, to: number))
                case "disable":
                    if rules.isEmpty { openAll = openAll ?? number } else { for rule in rules where open[rule] == nil { open[rule] = number } }
                case "enable":
                    if rules.isEmpty {
                        if let from = openAll { spans.append(Span(rules: nil, from: from, to: number)) }
                        openAll = nil
                        for (rule, from) in open { spans.append(Span(rules: [rule!], from: from, to: number)) }
                        open = [:]
                    } else {
                        for rule in rules { if let from = open.removeValue(forKey: rule) { spans.append(Span(rules: [rule], from: from, to: number)) } }
                    }
                default:
                    continue
                }
            }
        }
        if let from = openAll { spans.append(Span(rules: nil, from: from, to: Int.max)) }
        for (rule, from) in open { spans.append(Span(rules: [rule!], from: from, to: Int.max)) }
    }

    /// True when a finding of `metadata`'s rule on `line` is suppressed.
    /// Each span: the rules it names (nil for every rule, else sorted) and its first and last line.
    var spanFacts: [(rules: [String]?, from: Int, to: Int)] {
        spans.map { ($0.rules?.sorted(), $0.from, $0.to) }
    }

    /// Suppressions of the spans ``spanFacts`` gave.
    init(spanFacts: [(rules: [String]?, from: Int, to: Int)]) {
        spans = spanFacts.map { Span(rules: $0.rules.map(Set.init), from: $0.from, to: $0.to) }
    }

    public func suppresses(_ metadata: RuleMetadata, line: Int) -> Bool {
        spans.contains { span in
            line >= span.from && line <= span.to
                && (span.rules == nil || span.rules!.contains(metadata.id.lowercased()) || span.rules!.contains(metadata.alias))
        }
    }
}
