import DocgenMarkup

extension MarkupNode {
    /// Walks the tree depth first, passing each node with the root-relative path of the file it
    /// came from: `documentPath`, or an include file's path inside included content.
    public func walk(in documentPath: String, _ body: (_ node: MarkupNode, _ path: String) -> Void) {
        body(self, documentPath)
        // Leaves, most of a tree, return before the kind is looked at.
        guard !children.isEmpty else { return }
        let path: String
        if case .includedContent(let included) = kind { path = included } else { path = documentPath }
        // Through the buffer, children are borrowed rather than copied (a retain and release each).
        children.withUnsafeBufferPointer { children in
            for index in children.indices { children[index].walk(in: path, body) }
        }
    }

    /// Walks the tree like `walk(ancestors:)`, also passing the root-relative path of the file the
    /// node came from: `documentPath`, or an include file's path inside included content. Links
    /// and images resolve relative to that file.
    public func walk(
        in documentPath: String, ancestors: [MarkupNode] = [],
        _ body: (_ node: MarkupNode, _ path: String, _ ancestors: [MarkupNode]) -> Void
    ) {
        // One ancestor stack, pushed and popped, instead of a new array per node.
        var stack = ancestors
        walk(in: documentPath, stack: &stack, body)
    }

    private func walk(
        in documentPath: String, stack: inout [MarkupNode],
        _ body: (_ node: MarkupNode, _ path: String, _ ancestors: [MarkupNode]) -> Void
    ) {
        body(self, documentPath, stack)
        guard !children.isEmpty else { return }
        let path: String
        if case .includedContent(let included) = kind { path = included } else { path = documentPath }
        stack.append(self)
        children.withUnsafeBufferPointer { children in
            for index in children.indices { children[index].walk(in: path, stack: &stack, body) }
        }
        stack.removeLast()
    }
}
