extension MarkupNode {
    /// Visits the trees of `nodes` depth first, in document order, without recursion: a page of
    /// 10,000 unclosed zones nests that deep, and a recursive walk would overflow the thread's
    /// stack. `visit` sees a node's siblings, lent without copying, the node's index among them and
    /// the context of their list; it returns the node's children with their own context to visit
    /// them next, or nil to skip them.
    /// Inlinable so each caller gets a copy specialized for its context: unspecialized, every
    /// step looked up the stack's tuple type and copied its elements through their witnesses,
    /// which was most of a lint run.
    @inlinable
    public static func walkDepthFirst<Context>(
        _ nodes: [MarkupNode], context: Context,
        _ visit: (_ siblings: UnsafeBufferPointer<MarkupNode>, _ index: Int, _ context: Context) -> (children: [MarkupNode], context: Context)?
    ) {
        var stack: [(siblings: [MarkupNode], next: Int, context: Context)] = [(nodes, 0, context)]
        while let top = stack.indices.last {
            let index = stack[top].next
            guard index < stack[top].siblings.count else {
                stack.removeLast()
                continue
            }
            stack[top].next = index + 1
            let siblings = stack[top].siblings, context = stack[top].context
            if let descent = siblings.withUnsafeBufferPointer({ visit($0, index, context) }), !descent.children.isEmpty {
                stack.append((descent.children, 0, descent.context))
            }
        }
    }
}
