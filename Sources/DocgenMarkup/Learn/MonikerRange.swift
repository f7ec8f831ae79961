/// A moniker range expression, as Learn reads `::: moniker range="..."` and `monikerRange`
/// metadata (dotnet/docfx `src/docfx/lib/moniker/ExpressionCreator.cs`):
///
///     range      := set ("||" set)*
///     set        := comparator+              (comparators of a set are ANDed)
///     comparator := ["=" | ">" | "<" | ">=" | "<="] moniker      (no operator means "=")
///     moniker    := [\w\-.]+
///
/// Spaces may stand between any two tokens. Evaluation follows
/// `EvaluatorWithMonikersVisitor.cs`: `=` is the one moniker, `>`, `>=`, `<`, `<=` are the
/// monikers of the same product after or before it in the doc set's order.
public struct MonikerRange: Sendable, Hashable {
    /// A comparison operator; `equal` when the range names a moniker alone.
    public enum Operator: String, Sendable, Hashable {
        case equal = "=", greater = ">", less = "<", greaterOrEqual = ">=", lessOrEqual = "<="
    }

    /// One `op moniker` term.
    public struct Comparator: Sendable, Hashable {
        /// The operator.
        public var op: Operator
        /// The moniker it compares with, as written.
        public var moniker: String
    }

    /// Why a range could not be read, and at which character of the expression.
    public struct ParseError: Error, Sendable, Hashable {
        /// What is wrong, as a phrase.
        public var message: String
        /// The 0-based character offset in the expression where reading stopped.
        public var offset: Int
    }

    /// The sets of the range, ORed; each set's comparators are ANDed.
    public var sets: [[Comparator]]

    /// Every moniker the range names, in the order written, each once.
    public var names: [String] {
        var seen = Set<String>(), result: [String] = []
        for comparator in sets.joined() where seen.insert(comparator.moniker.lowercased()).inserted {
            result.append(comparator.moniker)
        }
        return result
    }

    /// Parses `text`; one pass over its characters.
    public static func parse(_ text: String) -> Result<MonikerRange, ParseError> {
        let chars = Array(text)
        var index = 0
        func skipSpaces() { while index < chars.count, chars[index].isWhitespace { index += 1 } }
        func isMonikerCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." }
        var sets: [[Comparator]] = []
        var current: [Comparator] = []
        while true {
            skipSpaces()
            if index == chars.count { break }
            if chars[index] == "|" {
                guard index + 1 < chars.count, chars[index + 1] == "|" else {
                    return .failure(ParseError(message: "'|' must be '||'", offset: index))
                }
                guard !current.isEmpty else {
                    return .failure(ParseError(message: "'||' needs a moniker before it", offset: index))
                }
                sets.append(current)
                current = []
                index += 2
                skipSpaces()
                if index == chars.count { return .failure(ParseError(message: "'||' needs a moniker after it", offset: index - 2)) }
                continue
            }
            let operatorStart = index
            var op = Operator.equal
            if chars[index] == "=" {
                index += 1
            } else if chars[index] == ">" || chars[index] == "<" {
                let isGreater = chars[index] == ">"
                index += 1
                if index < chars.count, chars[index] == "=" {
                    index += 1
                    op = isGreater ? .greaterOrEqual : .lessOrEqual
                } else {
                    op = isGreater ? .greater : .less
                }
            }
            skipSpaces()
            let nameStart = index
            while index < chars.count, isMonikerCharacter(chars[index]) { index += 1 }
            guard index > nameStart else {
                if index < chars.count, index == operatorStart {
                    return .failure(ParseError(message: "unexpected '\(chars[index])'", offset: index))
                }
                return .failure(ParseError(message: "'\(op.rawValue)' needs a moniker after it", offset: operatorStart))
            }
            current.append(Comparator(op: op, moniker: String(chars[nameStart..<index])))
        }
        guard !current.isEmpty else {
            return .failure(ParseError(message: sets.isEmpty ? "the range is empty" : "'||' needs a moniker after it", offset: 0))
        }
        sets.append(current)
        return .success(MonikerRange(sets: sets))
    }

    /// The monikers of `ordered` (the doc set's monikers, oldest first) that the range selects,
    /// in that order. A name `ordered` does not hold selects nothing.
    public func evaluate(in ordered: [String]) -> [String] {
        var index: [String: Int] = [:]
        for (position, name) in ordered.enumerated() where index[name.lowercased()] == nil { index[name.lowercased()] = position }
        var selected = Set<Int>()
        for set in sets {
            var matches: Set<Int>?
            for comparator in set {
                let these = Self.select(comparator, ordered: ordered, index: index)
                matches = matches.map { $0.intersection(these) } ?? these
            }
            selected.formUnion(matches ?? [])
        }
        return selected.sorted().map { ordered[$0] }
    }

    private static func select(_ comparator: Comparator, ordered: [String], index: [String: Int]) -> Set<Int> {
        guard let at = index[comparator.moniker.lowercased()] else { return [] }
        if comparator.op == .equal { return [at] }
        // Comparisons stay within the moniker's product: Learn's moniker definition names it;
        // docgen takes it from the name, up to its first segment that starts with a digit.
        let product = Self.product(of: ordered[at])
        let sameProduct = ordered.indices.filter { Self.product(of: ordered[$0]) == product }
        switch comparator.op {
        case .greater: return Set(sameProduct.filter { $0 > at })
        case .greaterOrEqual: return Set(sameProduct.filter { $0 >= at })
        case .less: return Set(sameProduct.filter { $0 < at })
        case .lessOrEqual: return Set(sameProduct.filter { $0 <= at })
        case .equal: return [at]
        }
    }

    /// The product a moniker belongs to: its name up to the first dash-separated segment that
    /// starts with a digit (`vs-2019` and `vs-2022` are `vs`, `msvc-150` is `msvc`,
    /// `azure-cli-lts-2017-03-09-profile` is `azure-cli-lts`), else its name without the last
    /// segment (`azure-cli-latest` and `azure-cli-lts` are `azure-cli`).
    static func product(of name: String) -> String {
        let segments = name.lowercased().split(separator: "-", omittingEmptySubsequences: false)
        if let firstVersion = segments.firstIndex(where: { $0.first?.isNumber == true }) {
            return segments[..<firstVersion].joined(separator: "-")
        }
        return segments.count > 1 ? segments.dropLast().joined(separator: "-") : name.lowercased()
    }
}
