import DocgenMarkup

extension MarkupNode {
    /// Walks the tree depth first, passing each node with the root-relative path of the file it
    /// came from: `documentPath`, or an include file's path inside included content.
    public func walk(in documentPath: String, _ body: (_ node: MarkupNode, _ path: String) -> Void) {
        withUnsafePointer(to: self) { Self.walk($0, in: documentPath, body) }
    }

    /// The walk over pointers into the tree: nodes are borrowed in place, never copied (a copy
    /// is a retain and release of every reference the node holds).
    private static func walk(_ node: UnsafePointer<MarkupNode>, in documentPath: String, _ body: (_ node: MarkupNode, _ path: String) -> Void) {
        body(node.pointee, documentPath)
        // Leaves, most of a tree, return before the kind is looked at.
        guard !node.pointee.children.isEmpty else { return }
        let path: String
        if case .includedContent(let included) = node.pointee.kind { path = included } else { path = documentPath }
        node.pointee.children.withUnsafeBufferPointer { children in
            for index in children.indices { walk(children.baseAddress! + index, in: path, body) }
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
