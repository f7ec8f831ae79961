import DocgenCore

/// Which pages show another page's title, for a cached build after an edit that changed a page's
/// title and nothing else every page may show of it: such a build renders again the pages these
/// name (and the pages linking to the edited one, and the generated pages) instead of every page.
public enum TitleDependents {
    /// What shows the titles that changed, besides the pages whose titles they are.
    public struct Showing: Sendable, Equatable {
        /// The published articles, by source path, whose HTML shows one of the titles.
        public var pages: Set<String>
        /// Whether a navigation shows one: the navigation files and the YAML pages are then
        /// made again too.
        public var navigation: Bool
    }

    /// The published pages of `site` other than `changed` whose HTML shows the title of a page of
    /// `changed`: the pages before and after it in the reading order and in each role's path,
    /// and the pages whose navigation shows it (every page of a navigation written into each
    /// page; past `navigation.inline-limit`, the pages whose own branch shows its entry). Nil when
    /// hiding the titles changes a navigation's shape, which no title should: the build is then whole.
    public static func pages(showingTitlesOf changed: Set<String>, in site: Site, options: BuildOptions) -> Showing? {
        let reserved = SiteRenderer.reservedOutputPaths(for: site.configuration)
        let pages = site.documents.filter { SiteOutputs.publishes($0, options: options, reserved: reserved) }
        guard let navigation = navigationShowing(titlesOf: changed, in: site, pages: pages) else { return nil }
        let published = Set(pages.map(\.path))
        // As the site's structure orders them: the reading order, and each role's path in it.
        let ordered = site.readingOrder.filter { published.contains($0.path) }
        var showing = neighbors(of: changed, in: ordered.map(\.path))
        for role in site.configuration.roles {
            showing.formUnion(neighbors(of: changed, in: ordered.filter { $0.frontMatter.roles.contains(role.id) }.map(\.path)))
        }
        let sourceByOutput = Dictionary(pages.map { ($0.outputPath, $0.path) }, uniquingKeysWith: { first, _ in first })
        showing.formUnion(navigation.outputs.compactMap { sourceByOutput[$0] })
        return Showing(pages: showing.subtracting(changed), navigation: navigation.any)
    }

    /// The pages just before and just after each page of `changed` in `order`.
    private static func neighbors(of changed: Set<String>, in order: [String]) -> Set<String> {
        var found = Set<String>()
        for (index, path) in order.enumerated() where changed.contains(path) {
            if index > 0 { found.insert(order[index - 1]) }
            if index + 1 < order.count { found.insert(order[index + 1]) }
        }
        return found
    }

    /// The output paths of the published and YAML pages whose navigation names an entry after
    /// the title of a page of `changed` (made again with those titles hidden, it reads
    /// differently), and whether any navigation does.
    static func navigationShowing(titlesOf changed: Set<String>, in site: Site, pages: [Document]) -> (outputs: Set<String>, any: Bool)? {
        let facts = NavigationTree.PageFacts(site: site)
        var hidden = facts
        // No title holds a NUL byte.
        for path in changed { hidden.titles[path] = "\u{0}" + path }
        let tocByOutput = SiteStructure.tocByOutput(site: site, pages: pages)
        let tocIndexes = Set(tocByOutput.values).sorted()
        let shown = SiteStructure.navigation(site: site, tocIndexes: tocIndexes, facts: facts)
        let withoutTitles = SiteStructure.navigation(site: site, tocIndexes: tocIndexes, facts: hidden)
        // Each page shows one navigation, as SiteStructure picks it: its TOC's, else the site's
        // (which the generated pages show too; they are made again whenever a title changes).
        let siteTree = -1
        var readers: [Int: [String]] = [:]
        for output in pages.map(\.outputPath) + site.yamlPages.map(\.outputPath) { readers[tocByOutput[output] ?? siteTree, default: []].append(output) }
        var outputs = Set<String>(), any = false
        for index in [siteTree] + tocIndexes {
            guard let tree = index == siteTree ? shown.site : shown.tocs[index],
                  let other = index == siteTree ? withoutTitles.site : withoutTitles.tocs[index],
                  let retitled = retitledEntries(tree.nodes, other.nodes)
            else { return nil }
            if retitled.isEmpty { continue }
            // Its file, if it has one, is made again even when no article shows it.
            any = true
            let readersOfTree = readers[index] ?? []
            if tree.count <= site.configuration.navigationInlineLimit {
                outputs.formUnion(readersOfTree)
            } else {
                outputs.formUnion(branchesShowing(retitled, in: tree, readers: readersOfTree))
            }
        }
        return (outputs, any)
    }

    /// An entry whose title reads differently with the titles hidden, with the entries above it.
    struct RetitledEntry {
        let node: NavigationTree.Node
        let parent: NavigationTree.Node?
        let grandparent: NavigationTree.Node?
    }

    /// The entries of `first` titled otherwise in `second`, the same tree made with other titles;
    /// nil when the two differ in shape. Without recursion, since a TOC can nest deep.
    static func retitledEntries(_ first: [NavigationTree.Node], _ second: [NavigationTree.Node]) -> [RetitledEntry]? {
        var found: [RetitledEntry] = []
        var pending: [(left: [NavigationTree.Node], right: [NavigationTree.Node], parent: NavigationTree.Node?, grandparent: NavigationTree.Node?)] = [
            (first, second, nil, nil)
        ]
        while let (left, right, parent, grandparent) = pending.popLast() {
            guard left.count == right.count else { return nil }
            for (one, other) in zip(left, right) {
                if one.title != other.title { found.append(RetitledEntry(node: one, parent: parent, grandparent: grandparent)) }
                pending.append((one.children, other.children, one, parent))
            }
        }
        return found
    }

    /// The pages of `readers` (output paths of the pages `tree` navigates) whose own branch
    /// (``NavigationTree/branchValue(currentPath:root:renderEntry:htmlOnly:)``) shows a retitled
    /// entry: the pages below it (it is among their ancestors and in their breadcrumb), its
    /// siblings and its parent, and one level further up, since a group's entries are shown with
    /// it; a page the tree does not list shows the top-level entries. Generous where a page is
    /// listed twice: rendering a page again that did not change costs time, never correctness.
    static func branchesShowing(_ retitled: [RetitledEntry], in tree: NavigationTree, readers: [String]) -> Set<String> {
        var showing = Set<String>()
        var topLevel = false
        func add(_ nodes: [NavigationTree.Node]) { for node in nodes { if let path = node.outputPath { showing.insert(path) } } }
        for entry in retitled {
            var below = [entry.node]
            while let node = below.popLast() {
                if let path = node.outputPath { showing.insert(path) }
                below.append(contentsOf: node.children)
            }
            add(entry.parent?.children ?? tree.nodes)
            guard let parent = entry.parent else {
                topLevel = true
                continue
            }
            add([parent] + (entry.grandparent.map { [$0] + $0.children } ?? tree.nodes))
        }
        return Set(readers.filter { showing.contains($0) || (topLevel && tree.firstNodes[$0] == nil) })
    }
}
