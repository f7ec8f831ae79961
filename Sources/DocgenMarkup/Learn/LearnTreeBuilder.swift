/// The second pass: turns the placeholders left by ``DirectiveScanner`` back into Learn nodes,
/// pairs `:::name` with `:::name-end` among siblings, interprets alerts and tab groups, and
/// assigns heading ids.
struct LearnTreeBuilder {
    let directives: [ScannedDirective]
    /// What was malformed, in the order found. Written only by the builder's passes (here and in
    /// its extensions for tabs and heading ids).
    var problems: [MarkupProblem] = []
    /// Tab groups numbered so far, for their ids.
    var tabGroupCount = 0
    var slugger = HeadingSlugger()

    /// The lines the directives start on, in order: a block none of them falls in holds no
    /// placeholder, and is kept as cmark-gfm built it instead of being rebuilt node by node.
    private let directiveLines: [Int]

    init(directives: [ScannedDirective]) {
        self.directives = directives
        directiveLines = directives.map(\.position.line).sorted()
    }

    /// Whether a directive starts within the lines of `node` (or the node has no range to tell).
    private func mayHoldPlaceholder(_ node: MarkupNode) -> Bool {
        guard !directiveLines.isEmpty else { return false }
        guard let range = node.range else { return true }
        var low = 0, high = directiveLines.count
        while low < high {
            let middle = (low + high) / 2
            if directiveLines[middle] < range.start.line { low = middle + 1 } else { high = middle }
        }
        return low < directiveLines.count && directiveLines[low] <= range.end.line
    }

    /// Rewrites the whole document.
    mutating func build(_ document: MarkupNode) -> MarkupNode {
        var root = document
        root.children = rewriteBlocks(document.children, parentEnd: document.range?.end, depth: 0)
        assignHeadingIDs(&root)
        return root
    }

    // MARK: - Blocks

    private enum Item {
        case node(MarkupNode)
        case marker(ScannedDirective)
    }

    private struct OpenContainer {
        var name: String
        /// Nil for a directive nested past ``MarkupLimits/maximumNesting``: it is paired with its
        /// `-end` like any other, but its content goes to the container around it.
        var node: MarkupNode?
        var directive: ScannedDirective
    }

    /// Rewrites the children of a node that lies `depth` levels below the document.
    private mutating func rewriteBlocks(_ blocks: [MarkupNode], parentEnd: SourcePosition?, depth: Int) -> [MarkupNode] {
        // A tab group puts its tabs' content two levels further down.
        let depth = depth + (blocks.contains { Self.tabLink(in: $0) != nil } ? 2 : 0)
        var items: [Item] = []
        for block in blocks {
            switch block.kind {
            case .htmlBlock(let literal):
                if let directive = blockDirective(in: literal) {
                    items.append(.marker(directive))
                } else {
                    var restored = block
                    restored.kind = .htmlBlock(restore(literal))
                    items.append(.node(restored))
                }
            case .blockQuote:
                for node in AlertInterpreter.interpret(block, problems: &problems) {
                    var rewritten = node
                    rewritten.children = rewriteBlocks(node.children, parentEnd: node.range?.end, depth: depth + 1)
                    items.append(.node(rewritten))
                }
            case .paragraph where !mayHoldPlaceholder(block), .heading where !mayHoldPlaceholder(block):
                items.append(.node(block))
            case .codeBlock where !mayHoldPlaceholder(block):
                items.append(.node(block))
            case .paragraph, .heading, .tableCell:
                var rewritten = block
                rewritten.children = rewriteInlines(block.children)
                items.append(.node(rewritten))
            case .codeBlock(let info, let literal, let fenced):
                var restored = block
                restored.kind = .codeBlock(info: info, literal: restore(literal), fenced: fenced)
                items.append(.node(restored))
            case .list:
                // A `:::zone-end` (and directives after it) indented less than four spaces after a
                // list is the document's, as Learn reads it, even where CommonMark continues the
                // list's last item.
                for entry in splitAtDirectives(block) {
                    guard case .node(var list) = entry else { items.append(entry); continue }
                    list.children = rewriteBlocks(list.children, parentEnd: list.range?.end, depth: depth + 1)
                    items.append(.node(list))
                }
            default:
                var rewritten = block
                rewritten.children = rewriteBlocks(block.children, parentEnd: block.range?.end, depth: depth + 1)
                items.append(.node(rewritten))
            }
        }
        return groupTabs(pair(items, depth: depth))
    }

    /// Splits a list where an item ends with directive placeholders indented less than four
    /// spaces (a nested list's last item included): a `:::name-end` the item did not open, and
    /// the directives around it with nothing after them in the item belong to the document, in
    /// order, between the parts of the list.
    private func splitAtDirectives(_ list: MarkupNode) -> [Item] {
        var result: [Item] = []
        var part = list
        part.children = []
        for var item in list.children {
            var peeled: [ScannedDirective] = []
            if let last = item.children.last, case .list = last.kind {
                let nested = splitAtDirectives(last)
                if nested.count > 1, case .node(let head) = nested[0] {
                    item.children[item.children.count - 1] = head
                    // Only directives can follow a nested list's first part here: a nested list
                    // split in the middle keeps its later items with the document, as Learn does.
                    for entry in nested.dropFirst() {
                        if case .marker(let directive) = entry { peeled.append(directive) } else if case .node(let node) = entry { item.children.append(node) }
                    }
                }
            }
            var trailing: [ScannedDirective] = []
            while let block = item.children.last, case .htmlBlock(let literal) = block.kind,
                  let directive = blockDirective(in: literal), case .block(let attributes) = directive.payload, directive.position.column <= 4 {
                if attributes.name.hasSuffix("-end") {
                    let opener = String(attributes.name.dropLast(4))
                    let opensHere = item.children.dropLast().contains { other in
                        guard case .htmlBlock(let text) = other.kind, let marker = blockDirective(in: text), case .block(let own) = marker.payload else { return false }
                        return own.name == opener
                    }
                    if opensHere { break }
                }
                item.children.removeLast()
                trailing.insert(directive, at: 0)
            }
            part.children.append(item)
            let moved = peeled + trailing
            guard !moved.isEmpty, moved.contains(where: { if case .block(let attributes) = $0.payload { attributes.name.hasSuffix("-end") } else { false } }) else {
                // Directives that close nothing stay in the item, as CommonMark reads them.
                if !moved.isEmpty {
                    var restored = part.children.removeLast()
                    restored.children += moved.map { MarkupNode(.htmlBlock($0.placeholder), range: nil) }
                    part.children.append(restored)
                }
                continue
            }
            result.append(.node(part))
            result += moved.map { .marker($0) }
            part.children = []
        }
        if !part.children.isEmpty || result.isEmpty { result.append(.node(part)) }
        return result
    }

    /// Pairs opening and closing directive markers among siblings, whose parent lies `depth`
    /// levels below the document. Directives nested past ``MarkupLimits/maximumNesting`` are
    /// not opened (reported once per run of them); every step is constant time, amortized, so
    /// thousands of unclosed directives cost no more than thousands of paragraphs.
    private mutating func pair(_ items: [Item], depth: Int) -> [MarkupNode] {
        var output: [MarkupNode] = []
        // Opened containers come first, then flattened ones: a directive is flattened only when
        // every level up to the limit is an opened one.
        var stack: [OpenContainer] = []
        var opened = 0
        // Where the open directives of each name are on `stack`, innermost last.
        var openByName: [String: [Int]] = [:]
        let maximumOpen = max(MarkupLimits.maximumNesting - depth, 0)
        func emit(_ node: MarkupNode) {
            if opened == 0 { output.append(node) } else { stack[opened - 1].node!.children.append(node) }
        }
        func popLast(explicitly: Bool) {
            let container = stack.removeLast()
            openByName[container.name]!.removeLast()
            if container.node != nil { opened -= 1 }
            close(container, explicitly: explicitly)
        }
        func close(_ container: OpenContainer, explicitly: Bool) {
            if !explicitly {
                let kind: MarkupProblem.Kind = container.name == "zone" ? .zoneDirective : (container.name == "image" ? .imageDirective : .otherDirective)
                // Learn writes a moniker's end as `::: moniker-end`, the others as `:::name-end:::`.
                let end = container.name == "moniker" ? "::: moniker-end" : ":::\(container.name)-end:::"
                problems.append(MarkupProblem(
                    kind, ":::\(container.name) is never closed; add '\(end)' after its content.",
                    at: container.directive.position, isError: false))
            }
            guard var node = container.node else { return }
            if case .complexImage = node.kind, node.children.isEmpty {
                problems.append(MarkupProblem(
                    .imageDirective,
                    "A complex :::image needs a long description between the directive and ':::image-end:::'.",
                    at: container.directive.position, isError: false))
            }
            // Tab groups inside a zone (or any directive container) are tab groups too.
            node.children = groupTabs(node.children)
            node.range = SourceRange(start: container.directive.position, end: node.children.last?.range?.end ?? container.directive.position)
            emit(node)
        }
        for item in items {
            switch item {
            case .node(let node):
                emit(node)
            case .marker(let directive):
                switch directive.payload {
                case .include(let path, let title, _):
                    emit(MarkupNode(.include(path: path, title: title, inline: false), range: range(directive)))
                case .imageLine(let attributes):
                    let paragraph = MarkupNode(.paragraph, range: range(directive), children: [imageNode(attributes, directive)])
                    emit(paragraph)
                case .block(let attributes):
                    let name = attributes.name
                    if name.hasSuffix("-end") {
                        let opener = String(name.dropLast(4))
                        if let index = openByName[opener]?.last {
                            while stack.count > index + 1 { popLast(explicitly: false) }
                            popLast(explicitly: true)
                        } else {
                            problems.append(MarkupProblem(
                                opener == "zone" ? .zoneDirective : (opener == "image" ? .imageDirective : .otherDirective),
                                "':::\(name)' has no matching ':::\(opener)' before it; remove it or add the opening directive.",
                                at: directive.position))
                        }
                    } else if let node = containerNode(
                        attributes, directive, insideZone: openByName["zone"]?.isEmpty == false,
                        // Only the first block inside another is reported: those nested in it follow from it,
                        // and a page of thousands nested would otherwise get thousands of findings.
                        nestedInMoniker: openByName["moniker"]?.count == 1) {
                        if node.isContainer {
                            let flatten = opened >= maximumOpen
                            if flatten, stack.count == opened {
                                problems.append(MarkupProblem(
                                    .contentLimit,
                                    ":::\(name) is nested more than \(MarkupLimits.maximumNesting) deep; docgen keeps its content, and that of the directives inside it, in the directive around it. Close the directives above it or nest less.",
                                    at: directive.position))
                            }
                            openByName[name, default: []].append(stack.count)
                            stack.append(OpenContainer(name: name, node: flatten ? nil : node.node, directive: directive))
                            if !flatten { opened += 1 }
                        } else {
                            emit(node.node)
                        }
                    } else {
                        emit(MarkupNode(.paragraph, range: range(directive), children: [
                            MarkupNode(.inlineDirectiveText(directive.original), range: range(directive)),
                        ]))
                    }
                default:
                    emit(MarkupNode(.paragraph, range: range(directive), children: [MarkupNode(.text(directive.original))]))
                }
            }
        }
        while !stack.isEmpty { popLast(explicitly: false) }
        return output
    }

    private func range(_ directive: ScannedDirective) -> SourceRange {
        SourceRange(start: directive.position, end: directive.position.advanced(by: max(directive.original.count - 1, 0)))
    }

    /// Builds the node a block directive opens; nil when its attributes are invalid.
    private mutating func containerNode(
        _ attributes: DirectiveAttributes, _ directive: ScannedDirective, insideZone: Bool, nestedInMoniker: Bool
    ) -> (node: MarkupNode, isContainer: Bool)? {
        let position = directive.position
        let at = range(directive)
        for error in attributes.errors {
            problems.append(MarkupProblem(
                attributes.name == "zone" ? .zoneDirective : .otherDirective,
                "Invalid :::\(attributes.name): \(error.message)", at: position.advanced(by: error.offset)))
        }
        guard attributes.errors.isEmpty else { return nil }
        switch attributes.name {
        case "zone":
            return zoneNode(attributes, position: position, range: at, insideZone: insideZone)
        case "moniker":
            guard let value = attributes["range"] else {
                problems.append(MarkupProblem(.otherDirective, ":::moniker needs range=\"...\".", at: position))
                return nil
            }
            if nestedInMoniker {
                problems.append(MarkupProblem(.otherDirective, "Moniker blocks cannot be nested; close the outer one with '::: moniker-end' first, or combine the ranges with a space (and) or '||' (or).", at: position))
            }
            if case .failure(let error) = MonikerRange.parse(value) {
                problems.append(MarkupProblem(
                    .otherDirective,
                    "Invalid moniker range \"\(value)\": \(error.message); write monikers joined by '||' (or) and spaces (and), each with an optional =, >, <, >= or <=, such as \">= vs-2019 || vs-2017\".",
                    at: position.advanced(by: (DirectiveAttributes.valueOffset(of: "range", in: directive.original[...]) ?? 0) + error.offset)))
            }
            // An invalid or nested block still opens a container so that its content and its
            // moniker-end stay paired.
            return (MarkupNode(.moniker(range: value), range: at), true)
        case "row":
            return (MarkupNode(.row, range: at), true)
        case "column":
            return (MarkupNode(.column(span: attributes["span"]), range: at), true)
        case "image", "video":
            let (image, imageProblems) = ImageDirective.make(from: attributes, at: position)
            problems += imageProblems.filter { !$0.message.contains("is not closed") }
            guard let image else { return nil }
            return (MarkupNode(.complexImage(image), range: at), true)
        case "code":
            return codeNode(attributes, position: position, range: at)
        case "form":
            for required in ["action", "submittext"] where attributes[required] == nil {
                problems.append(MarkupProblem(.otherDirective, ":::form needs a \(required) attribute.", at: position))
            }
            return nil
        default:
            return nil
        }
    }

    private mutating func zoneNode(
        _ attributes: DirectiveAttributes, position: SourcePosition, range: SourceRange, insideZone: Bool
    ) -> (node: MarkupNode, isContainer: Bool)? {
        var valid = true
        for attribute in attributes.attributes where attribute.name != "pivot" && attribute.name != "target" {
            problems.append(MarkupProblem(.zoneDirective, "Unexpected attribute \"\(attribute.name)\" on :::zone; use pivot or target.", at: position))
            valid = false
        }
        let pivot = attributes["pivot"]
        let target = attributes["target"]
        if pivot == nil, target == nil {
            problems.append(MarkupProblem(.zoneDirective, ":::zone needs pivot=\"...\" or target=\"...\".", at: position))
            valid = false
        }
        if let target, !["docs", "chromeless", "pdf"].contains(target) {
            problems.append(MarkupProblem(.zoneDirective, "Unexpected zone target \"\(target)\"; use docs, chromeless or pdf.", at: position))
            valid = false
        }
        var pivots: [String] = []
        if let pivot {
            pivots = pivot.split(separator: ",").map { $0.trimmingSpaces() }
            let validName = { (name: String) in !name.isEmpty && name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" } }
            if pivots.isEmpty || !pivots.allSatisfy(validName) {
                problems.append(MarkupProblem(
                    .zoneDirective,
                    "Invalid pivot \"\(pivot)\": use a comma-separated list of lower-case names made of letters, digits and dashes.",
                    at: position))
                valid = false
            }
            if target == "pdf" {
                problems.append(MarkupProblem(.zoneDirective, "A pivot is not allowed on a zone with target=\"pdf\".", at: position))
                valid = false
            }
        }
        if insideZone {
            problems.append(MarkupProblem(.zoneDirective, "Zones cannot be nested; close the outer zone with ':::zone-end' first.", at: position))
        }
        // An invalid zone still opens a container so that its content and zone-end stay paired.
        return (MarkupNode(.zone(pivots: valid ? pivots : [], target: target), range: range), true)
    }

    private mutating func codeNode(
        _ attributes: DirectiveAttributes, position: SourcePosition, range: SourceRange
    ) -> (node: MarkupNode, isContainer: Bool)? {
        for attribute in attributes.attributes where !CodeSnippetDirective.knownAttributes.contains(attribute.name) {
            problems.append(MarkupProblem(.otherDirective, "Unexpected attribute \"\(attribute.name)\" on :::code.", at: position))
        }
        guard let source = attributes["source"], !source.isEmpty else {
            problems.append(MarkupProblem(.otherDirective, ":::code needs source=\"path/to/file\".", at: position))
            return nil
        }
        let snippet = CodeSnippetDirective(
            source: source, language: attributes["language"], range: attributes["range"], id: attributes["id"],
            highlight: attributes["highlight"], position: position, resolvedCode: nil)
        return (MarkupNode(.codeSnippet(snippet), range: range), false)
    }

    private mutating func imageNode(_ attributes: DirectiveAttributes, _ directive: ScannedDirective) -> MarkupNode {
        let (image, imageProblems) = ImageDirective.make(from: attributes, at: directive.position)
        problems += imageProblems
        guard let image else { return MarkupNode(.inlineDirectiveText(directive.original), range: range(directive)) }
        return MarkupNode(.inlineImage(image), range: range(directive))
    }

    // MARK: - Inlines

    private mutating func rewriteInlines(_ inlines: [MarkupNode]) -> [MarkupNode] {
        inlines.map { inline in
            var node = inline
            switch inline.kind {
            case .html(let literal):
                if let directive = inlineDirective(in: literal) {
                    switch directive.payload {
                    case .inlineImage(let attributes):
                        node = imageNode(attributes, directive)
                    case .noLoc(let text):
                        node = MarkupNode(.noLoc(text), range: range(directive))
                    case .include(let path, let title, _):
                        node = MarkupNode(.include(path: path, title: title, inline: true), range: range(directive))
                    default:
                        node = MarkupNode(.text(directive.original), range: range(directive))
                    }
                } else {
                    node.kind = .html(restore(literal))
                }
            case .code(let literal):
                node.kind = .code(restore(literal))
            case .text(let literal):
                node.kind = .text(restore(literal))
            default:
                node.children = rewriteInlines(inline.children)
            }
            return node
        }
    }

    // MARK: - Placeholders

    private func blockDirective(in literal: String) -> ScannedDirective? {
        let trimmed = literal.trimmingCharacters(in: Character.whitespacesAndNewlinesSet)
        guard trimmed.hasPrefix("<!--dg:"), trimmed.hasSuffix("-->"),
              let index = Int(trimmed.dropFirst(7).dropLast(3)), directives.indices.contains(index),
              directives[index].placeholder == trimmed else { return nil }
        return directives[index]
    }

    private func inlineDirective(in literal: String) -> ScannedDirective? {
        guard literal.hasPrefix("<dg-") else { return nil }
        let digits = literal.dropFirst(4).prefix { $0.isNumber }
        guard let index = Int(digits), directives.indices.contains(index), directives[index].placeholder == literal else { return nil }
        return directives[index]
    }

    /// Puts the original text back wherever a placeholder ended up inside code or raw HTML. Each
    /// placeholder names its directive by number, so the literal is read once, whatever the
    /// number of directives (trying each directive against the literal was quadratic on an
    /// indented code block of directive lines).
    private func restore(_ literal: String) -> String {
        guard !directives.isEmpty, literal.containsBytes("<!--dg:") || literal.containsBytes("<dg-") else { return literal }
        let utf8 = Array(literal.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "<"), let (directive, length) = placeholder(in: utf8, at: index) {
                result += directive.original.utf8
                index += length
            } else {
                result.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static let blockPrefix = Array("<!--dg:".utf8)
    private static let inlinePrefix = Array("<dg-".utf8)

    /// The directive whose placeholder starts at `index` of `utf8`, and the placeholder's length.
    private func placeholder(in utf8: [UInt8], at index: Int) -> (ScannedDirective, Int)? {
        let prefix: [UInt8]
        if utf8[index...].starts(with: Self.blockPrefix) {
            prefix = Self.blockPrefix
        } else if utf8[index...].starts(with: Self.inlinePrefix) {
            prefix = Self.inlinePrefix
        } else {
            return nil
        }
        var number = 0
        var digits = index + prefix.count
        while digits < utf8.count, utf8[digits].isASCIIDigit, digits - index - prefix.count < 9 {
            number = number * 10 + Int(utf8[digits] - UInt8(ascii: "0"))
            digits += 1
        }
        guard digits > index + prefix.count, directives.indices.contains(number) else { return nil }
        let candidate = directives[number].placeholder.utf8
        guard utf8[index...].starts(with: candidate) else { return nil }
        return (directives[number], candidate.count)
    }
}

extension Character {
    static let whitespacesAndNewlinesSet: Set<Character> = [" ", "\t", "\n", "\r", "\r\n"]
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
