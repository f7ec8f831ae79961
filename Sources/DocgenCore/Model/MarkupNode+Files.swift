import DocgenMarkup

extension MarkupNode {
    /// Walks the tree depth first, passing each node with the root-relative path of the file it
    /// came from: `documentPath`, or an include file's path inside included content.
    public func walk(in documentPath: String, _ body: (_ node: MarkupNode, _ path: String) -> Void) {
        body(self, documentPath)
        guard !children.isEmpty else { return }
        // A stack of sibling lists instead of recursion: a page of 10,000 unclosed zones nests
        // that deep, and a recursive walk would overflow the thread's stack.
        var stack: [(siblings: [MarkupNode], next: Int, path: String)] = [(children, 0, Self.path(inside: self, documentPath))]
        while let top = stack.indices.last {
            let index = stack[top].next
            guard index < stack[top].siblings.count else {
                stack.removeLast()
                continue
            }
            stack[top].next = index + 1
            let siblings = stack[top].siblings, path = stack[top].path
            // Lent from the buffer: reading the element out would copy the node.
            siblings.withUnsafeBufferPointer { buffer in
                body(buffer[index], path)
                // Leaves, most of a tree, are done before the kind is looked at.
                if !buffer[index].children.isEmpty {
                    stack.append((buffer[index].children, 0, Self.path(inside: buffer[index], path)))
                }
            }
        }
    }

    /// The path of the file `node`'s children came from.
    private static func path(inside node: MarkupNode, _ path: String) -> String {
        if case .includedContent(let included) = node.kind { return included }
        return path
    }

    /// Walks the tree like `walk(ancestors:)`, also passing the root-relative path of the file the
    /// node came from: `documentPath`, or an include file's path inside included content. Links
    /// and images resolve relative to that file.
    public func walk(
        in documentPath: String, ancestors: [MarkupNode] = [],
        _ body: (_ node: MarkupNode, _ path: String, _ ancestors: [MarkupNode]) -> Void
    ) {
        // One ancestor stack, pushed and popped, instead of a new array per node.
        var root = self
        var stack = ancestors
        MarkupNode.walk(&root, in: documentPath, stack: &stack, body)
    }

    private static func walk(
        _ node: inout MarkupNode, in documentPath: String, stack: inout [MarkupNode],
        _ body: (_ node: MarkupNode, _ path: String, _ ancestors: [MarkupNode]) -> Void
    ) {
        body(node, documentPath, stack)
        guard !node.children.isEmpty else { return }
        let path: String
        if case .includedContent(let included) = node.kind { path = included } else { path = documentPath }
        stack.append(node)
        node.lendChildren { walk(&$0, in: path, stack: &stack, body) }
        stack.removeLast()
    }
}
