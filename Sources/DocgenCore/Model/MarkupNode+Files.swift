import DocgenMarkup

extension MarkupNode {
    /// Walks the tree depth first, passing each node with the root-relative path of the file it
    /// came from: `documentPath`, or an include file's path inside included content.
    public func walk(in documentPath: String, _ body: (_ node: MarkupNode, _ path: String) -> Void) {
        body(self, documentPath)
        Self.walkDepthFirst(children, context: Self.path(inside: self, documentPath)) { siblings, index, path in
            // Lent in place (see `lendChildren`): read out of the buffer, each node was copied,
            // retaining and releasing all it holds, for every node of every rule's walk.
            let node = UnsafeMutablePointer(mutating: siblings.baseAddress! + index)
            return Self.visit(&node.pointee, path, body)
        }
    }

    /// Calls `body` for a node lent in place and says where its children are; `node` is never written.
    @inline(__always)
    private static func visit(_ node: inout MarkupNode, _ path: String, _ body: (_ node: MarkupNode, _ path: String) -> Void) -> (children: [MarkupNode], context: String)? {
        body(node, path)
        // Leaves, most of a tree, are done before the kind is looked at.
        guard !node.children.isEmpty else { return nil }
        return (node.children, Self.path(inside: node, path))
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
