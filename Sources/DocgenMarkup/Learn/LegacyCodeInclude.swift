/// DocFX's older code include, alone on its line:
/// `[!code-<language>[<title>](<path>[#<region> | #L<first>-L<last>][?name=&range=&highlight=] ["tooltip"])]`.
/// It is read as the `:::code` directive it stands for (source, language, id, range, highlight),
/// as DocFX's CodeSnippet extension reads it (docs/markdown in dotnet/docfx: "Code Snippet").
enum LegacyCodeInclude {
    /// The `:::code` attributes `line` stands for, or nil when it is not a code include.
    static func parse(_ line: Substring) -> DirectiveAttributes? {
        let prefix = "[!code"
        guard line.count > prefix.count, line.prefix(prefix.count).lowercased() == prefix else { return nil }
        var rest = line.dropFirst(prefix.count)
        var language = ""
        if rest.first == "-" {
            rest = rest.dropFirst()
            language = String(rest.prefix { $0 != "[" && $0 != " " })
            rest = rest.dropFirst(language.count)
        }
        // The title: brackets may nest in it.
        guard rest.first == "[" else { return nil }
        var depth = 0
        var titleEnd: Substring.Index?
        for index in rest.indices {
            if rest[index] == "[" { depth += 1 } else if rest[index] == "]" {
                depth -= 1
                if depth == 0 { titleEnd = index; break }
            }
        }
        guard let titleEnd else { return nil }
        rest = rest[rest.index(after: titleEnd)...]
        guard rest.first == "(", let close = rest.lastIndex(of: ")") else { return nil }
        let after = rest[rest.index(after: close)...].trimmingSpaces()
        guard after == "]" else { return nil }
        var target = rest[rest.index(after: rest.startIndex)..<close].trimmingSpaces()
        // An optional "tooltip" after the path.
        if let space = target.firstIndex(of: " ") { target = String(target[..<space]) }
        if target.hasPrefix("<"), target.hasSuffix(">") { target = String(target.dropFirst().dropLast()) }
        guard !target.isEmpty else { return nil }
        var path = Substring(target)
        var query = Substring("")
        var fragment = Substring("")
        if let mark = path.firstIndex(of: "?") {
            query = path[path.index(after: mark)...]
            path = path[..<mark]
        }
        if let hash = path.firstIndex(of: "#") {
            fragment = path[path.index(after: hash)...]
            path = path[..<hash]
        }
        // A query may also follow the fragment (`file.cs#region?highlight=2`).
        if let mark = fragment.firstIndex(of: "?") {
            query = fragment[fragment.index(after: mark)...]
            fragment = fragment[..<mark]
        }
        var attributes: [(name: String, value: String)] = [("source", String(path))]
        if !language.isEmpty { attributes.append(("language", language)) }
        if let lines = lineRange(fragment) {
            attributes.append(("range", lines))
        } else if !fragment.isEmpty {
            attributes.append(("id", String(fragment)))
        }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let value = String(parts[1])
            switch parts[0].lowercased() {
            case "name": if !attributes.contains(where: { $0.name == "id" }) { attributes.append(("id", value)) }
            case "range": if !attributes.contains(where: { $0.name == "range" }) { attributes.append(("range", value)) }
            case "highlight": attributes.append(("highlight", value))
            default: break
            }
        }
        return DirectiveAttributes(name: "code", attributes: attributes, selfClosed: true, errors: [], trailingText: "")
    }

    /// `L12-L16` -> `12-16`, `L12` -> `12`; nil for a region name.
    private static func lineRange(_ fragment: Substring) -> String? {
        let parts = fragment.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return nil }
        let numbers = parts.map { part -> Int? in
            guard part.first == "L" || part.first == "l" else { return nil }
            return Int(part.dropFirst())
        }
        guard numbers.allSatisfy({ $0 != nil }) else { return nil }
        return numbers.map { String($0!) }.joined(separator: "-")
    }
}
