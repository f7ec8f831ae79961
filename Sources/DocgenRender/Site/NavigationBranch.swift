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
    /// With `htmlOnly` (and `renderEntry`), an entry off the page's trail is given as its
    /// `navItemHTML` alone, rendered once per root and reused: a page's siblings are the same on
    /// every page of its folder, and rendering them again for each page made a folder of n pages
    /// cost n² entries, most of a large site's build.
    func branchValue(currentPath: String, root: String, renderEntry: (([String: Any]) -> String)? = nil, htmlOnly: Bool = false) -> [[String: Any]] {
        func entry(_ node: Node, children: [[String: Any]], current: Bool = false, open: Bool = false) -> [String: Any] {
            var entry: [String: Any] = [
                "title": node.title, "url": node.externalURL ?? node.outputPath.map { root + $0 } ?? "",
                "current": current, "open": open || current, "expanded": node.expanded,
                "roleIDs": node.roleIDs.joined(separator: " "), "children": children, "hasChildren": !children.isEmpty,
                "external": node.externalURL != nil,
            ]
            if let renderEntry {
                entry["childrenHTML"] = children.map { child in (child["navItemHTML"] as? String).map { $0 + "\n" } ?? renderEntry(child) }.joined()
            }
            return entry
        }
        // A sibling that is a group has no page to open, so its own entries come with it (one
        // level): without them a reader without JavaScript could not get into the group. Not at
        // the top level, which on a site of many sections is the part that grows with the site.
        func sibling(_ node: Node, topLevel: Bool) -> [String: Any] {
            func full() -> [String: Any] {
                entry(node, children: node.outputPath == nil && !topLevel ? node.children.map { entry($0, children: []) } : [])
            }
            guard htmlOnly, let renderEntry else { return full() }
            // Without its line end, which whoever joins the entries writes after each.
            let html = renderedSiblings.value(for: SiblingKey(root: root, node: ObjectIdentifier(node), topLevel: topLevel)) {
                let html = renderEntry(full())
                return html.hasSuffix("\n") ? String(html.dropLast()) : html
            }
            return ["navItemHTML": html]
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

/// A sibling entry's rendered HTML is the same for every page under one root.
struct SiblingKey: Hashable {
    let root: String
    let node: ObjectIdentifier
    let topLevel: Bool
}
