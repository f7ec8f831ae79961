import Yams

/// Reads YAML into ``YAMLValue`` with a budget on the nodes visited, so an alias bomb
/// ("billion laughs") is refused rather than expanded.
public enum YAMLReader {
    /// A YAML problem with its 1-based line and column in the YAML text.
    public struct Failure: Error, Sendable {
        public var message: String
        public var line: Int
        public var column: Int
    }

    /// The most nodes one document may expand to through aliases.
    public static let nodeBudget = 20_000

    /// Parses `yaml`. Lines and columns in the result and in a thrown ``Failure`` are relative to
    /// `yaml` plus `lineOffset`.
    public static func read(_ yaml: String, lineOffset: Int = 0) throws(Failure) -> YAMLValue {
        let node: Node?
        do {
            // The encoding is named: Yams's default reads the whole process environment on every call.
            // The basic resolver gives every scalar the string tag: values are read as text, and
            // the default one's regular expressions (bool, int, float, timestamp) cost a YAML
            // page's parse more than the parse itself. Keys are compared as text too: `1` and
            // `'1'` are one key twice.
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw describe(error, lineOffset: lineOffset)
        } catch {
            throw Failure(message: "invalid YAML: \(error)", line: lineOffset + 1, column: 1)
        }
        guard let node else { return .null }
        var budget = nodeBudget
        return try convert(node, budget: &budget, lineOffset: lineOffset)
    }

    private static func convert(_ node: Node, budget: inout Int, lineOffset: Int) throws(Failure) -> YAMLValue {
        budget -= 1
        if budget < 0 {
            let mark = node.mark
            throw Failure(
                message: "YAML expands to more than \(nodeBudget) values through aliases; remove the anchors and aliases",
                line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
        }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return .null }
            return .string(scalar.string)
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for item in sequence { items.append(try convert(item, budget: &budget, lineOffset: lineOffset)) }
            return .list(items)
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            for (key, value) in mapping {
                let keyText = key.string ?? "\(key)"
                entries.append(YAMLEntry(
                    key: keyText, value: try convert(value, budget: &budget, lineOffset: lineOffset),
                    line: (key.mark?.line ?? 1) + lineOffset, column: key.mark?.column ?? 1))
            }
            return .map(entries)
        case .alias:
            return .null
        }
    }

    private static func describe(_ error: YamlError, lineOffset: Int) -> Failure {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // An unclosed quote or bracket is only noticed lines later, often at the closing
            // fence; point at where the unclosed construct starts, which is what to fix.
            if let context, context.mark.line < mark.line {
                return Failure(
                    message: "invalid YAML: \(problem) \(context.text) that starts here",
                    line: context.mark.line + lineOffset, column: context.mark.column)
            }
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return Failure(message: "invalid YAML: \(detail)", line: mark.line + lineOffset, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Failure(
                message: "duplicate key \(duplicates.joined(separator: ", ")); keep one",
                line: context.mark.line + lineOffset, column: context.mark.column)
        case .reader(let problem, _, _, _):
            return Failure(message: "unreadable YAML: \(problem)", line: lineOffset + 1, column: 1)
        default:
            return Failure(message: "invalid YAML: \(error)", line: lineOffset + 1, column: 1)
        }
    }
}
