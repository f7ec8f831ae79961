/// Turns block quotes that start with `[!NOTE]`, `[!div ...]` or `[!VIDEO url]` into Learn's
/// alert, division and video nodes. A new `[!TYPE]` paragraph inside a running quote starts a new
/// block, as in DocFX.
enum AlertInterpreter {
    private enum Marker {
        case alert(AlertKind)
        case division(String)
        case video(String)
    }

    /// Rewrites one block quote into one or more nodes.
    static func interpret(_ quote: MarkupNode, problems: inout [MarkupProblem]) -> [MarkupNode] {
        var result: [MarkupNode] = []
        var current = MarkupNode(.blockQuote, range: quote.range)
        for child in quote.children {
            if case .paragraph = child.kind, let (marker, rest) = marker(in: child, problems: &problems) {
                if !current.children.isEmpty || current.kind != .blockQuote { result.append(current) }
                switch marker {
                case .alert(let kind): current = MarkupNode(.alert(kind), range: child.range)
                case .division(let attributes): current = MarkupNode(.division(attributes: attributes), range: child.range)
                case .video(let url): current = MarkupNode(.video(url: url), range: child.range)
                }
                if let rest { current.children.append(rest) }
            } else {
                current.children.append(child)
            }
        }
        if !current.children.isEmpty || current.kind != .blockQuote || result.isEmpty { result.append(current) }
        return result
    }

    /// Reads the `[!...]` marker at the start of a paragraph; returns the paragraph without it.
    private static func marker(in paragraph: MarkupNode, problems: inout [MarkupProblem]) -> (Marker, MarkupNode?)? {
        guard let first = paragraph.children.first, case .text(let text) = first.kind, text.hasPrefix("[!") else { return nil }
        guard let close = text.firstIndex(of: "]") else { return nil }
        let inside = text[text.index(text.startIndex, offsetBy: 2)..<close]
        let afterBracket = text[text.index(after: close)...]
        let position = first.range?.start ?? paragraph.range?.start ?? SourcePosition(line: 1, column: 1)
        let word = inside.prefix { $0.isLetter }.lowercased()
        let marker: Marker
        if let kind = AlertKind(rawValue: inside.uppercased()) {
            marker = .alert(kind)
        } else if word == "div", inside.count == 3 || inside.dropFirst(3).first == " " {
            var attributes = inside.dropFirst(3).trimmingSpaces()
            if attributes.hasPrefix("`"), attributes.hasSuffix("`"), attributes.count >= 2 {
                attributes = String(attributes.dropFirst().dropLast())
            }
            marker = .division(attributes)
        } else if word == "video" {
            let url = inside.dropFirst(5).trimmingSpaces()
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                problems.append(MarkupProblem(.alertSyntax, "[!VIDEO] needs an https:// URL: write > [!VIDEO https://...].", at: position))
                return nil
            }
            marker = .video(url)
        } else {
            if inside.allSatisfy({ $0.isLetter }), !inside.isEmpty, inside == inside.uppercased() {
                problems.append(MarkupProblem(
                    .alertSyntax,
                    "Unknown alert type [!\(inside)]; use NOTE, TIP, IMPORTANT, CAUTION or WARNING.", at: position))
            }
            return nil
        }
        if !afterBracket.allSatisfy({ $0 == " " || $0 == "\t" }) {
            problems.append(MarkupProblem(
                .alertSyntax,
                "Text after [!\(inside)] on the same line turns the alert into a plain quote; move the text to the next '>' line.",
                at: position))
            return nil
        }
        var rest = paragraph
        rest.children.removeFirst()
        if let next = rest.children.first, next.kind == .softBreak || next.kind == .lineBreak { rest.children.removeFirst() }
        if case .video = marker {
            // [!VIDEO] is single-line: anything after it is an ordinary quote paragraph.
            return (marker, nil)
        }
        return (marker, rest.children.isEmpty ? nil : rest)
    }
}
