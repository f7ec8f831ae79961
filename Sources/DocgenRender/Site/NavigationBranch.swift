import DocgenCore

/// A page's own branch of a navigation too large to repeat in every page: its ancestors (each
/// showing only the way down), its siblings and its children. Without JavaScript this is the
/// navigation a reader gets, so every page links to its parent and its siblings; with it,
/// `docgen-nav.js` replaces the branch with the whole tree from ``NavigationScript``.
/// Its size depends on the shape of the page's own section, never on the size of the site.
extension NavigationTree {
    /// The template entries of the branch for the page at `currentPath`, with the keys
    /// ``templateValue(currentPath:root:renderEntry:htmlOnly:topLevel:)`` gives, and with
    /// `childrenHTML` when `renderEntry` is given. A page the tree does not list (a generated
    /// page) gets the top-level entries, without their children.
    func branchValue(currentPath: String, root: String, renderEntry: (([String: Any]) -> String)? = nil) -> [[String: Any]] {
        func entry(_ node: Node, children: [[String: Any]], current: Bool = false, open: Bool = false) -> [String: Any] {
            var entry: [String: Any] = [
                "title": node.title, "url": node.externalURL ?? node.outputPath.map { root + $0 } ?? "",
                "current": current, "open": open || current, "expanded": node.expanded,
                "roleIDs": node.roleIDs.joined(separator: " "), "children": children, "hasChildren": !children.isEmpty,
                "external": node.externalURL != nil,
            ]
            if let renderEntry { entry["childrenHTML"] = children.map(renderEntry).joined() }
            return entry
        }
        // A sibling that is a group has no page to open, so its own entries come with it (one
        // level): without them a reader without JavaScript could not get into the group. Not at
        // the top level, which on a site of many sections is the part that grows with the site.
        func sibling(_ node: Node, topLevel: Bool) -> [String: Any] {
            entry(node, children: node.outputPath == nil && !topLevel ? node.children.map { entry($0, children: []) } : [])
        }
        guard let current = firstNodes[currentPath], let ancestors = trail(to: currentPath) else {
            return nodes.map { sibling($0, topLevel: true) }
        }
        let siblings = ancestors.last?.children ?? nodes
        var level = siblings.map { node in
            node === current
                ? entry(node, children: node.children.map { sibling($0, topLevel: false) }, current: true)
                : sibling(node, topLevel: ancestors.isEmpty)
        }
        for ancestor in ancestors.reversed() {
            level = [entry(ancestor, children: level, open: true)]
        }
        return level
    }
}
