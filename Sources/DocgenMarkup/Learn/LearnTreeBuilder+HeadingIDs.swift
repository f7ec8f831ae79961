// Learn heading ids: the slug of the text, or an explicit `<a id>` at the start of the heading.

extension LearnTreeBuilder {
    /// Gives every heading Learn's id (an explicit `<a id>` first in the heading wins), unique
    /// within the page.
    mutating func assignHeadingIDs(_ node: inout MarkupNode) {
        if case .heading(let level, _) = node.kind {
            var explicit: String?
            if node.children.count >= 3, case .html(let open) = node.children[0].kind,
               case .html(let closeTag) = node.children[1].kind, closeTag.lowercased() == "</a>",
               let id = Self.anchorID(open) {
                explicit = id
                node.children.removeFirst(2)
            }
            let id = explicit.map { slugger.reserve($0) } ?? slugger.issue(for: node.plainText)
            node.kind = .heading(level: level, id: id)
            return
        }
        guard node.kind.mayHoldOwnHeadings else { return }
        for index in node.children.indices { assignHeadingIDs(&node.children[index]) }
    }

    /// The id of `<a id="x">` or `<a name="x">`, as DocFX's heading id rewriter accepts it.
    static func anchorID(_ tag: String) -> String? {
        guard tag.hasPrefix("<a "), tag.hasSuffix(">"), !tag.hasSuffix("/>") else { return nil }
        var body = tag.dropFirst(3).dropLast().trimmingSpaces()[...]
        for attribute in ["id=\"", "name=\""] where body.hasPrefix(attribute) {
            body = body.dropFirst(attribute.count)
            guard body.hasSuffix("\"") else { return nil }
            let value = body.dropLast()
            guard !value.isEmpty, value.allSatisfy({ $0.isLetter || $0.isNumber || " -._".contains($0) }) else { return nil }
            return String(value)
        }
        return nil
    }
}
