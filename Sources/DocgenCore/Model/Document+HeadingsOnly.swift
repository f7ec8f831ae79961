extension Document {
    /// This page with its tree cut down to its headings, as a stand-in's is: its source, front
    /// matter, anchors, problems and memo stay. `lint` keeps a page so once the rules that read
    /// its tree have run and what the rest of the run reads of the tree is in its memo, since a
    /// large site's trees are most of its memory.
    public func keepingHeadingsOnly() -> Document {
        var kept = self
        kept.root = PageStandIn.tree(of: PageStandIn.headings(of: self))
        return kept
    }
}
