import DocgenCore

/// Which pages show another page's title, for a cached build after an edit that changed a page's
/// title and nothing else every page may show of it: such a build renders again the pages these
/// name (and the pages linking to the edited one, and the generated pages) instead of every page.
public enum TitleDependents {
    /// The published pages of `site` other than `changed` whose HTML shows the title of a page of
    /// `changed`: the pages before and after it in the reading order and in each role's path.
    /// Nil when a navigation shows such a title (a TOC entry without a name, the folders of a site
    /// without a TOC, a section named after its first page): every page showing that navigation
    /// changes then, and the build is whole.
    public static func pages(showingTitlesOf changed: Set<String>, in site: Site, options: BuildOptions) -> Set<String>? {
        let reserved = SiteRenderer.reservedOutputPaths(for: site.configuration)
        let pages = site.documents.filter { SiteOutputs.publishes($0, options: options, reserved: reserved) }
        if navigationShowsTitles(of: changed, in: site, pages: pages) { return nil }
        let published = Set(pages.map(\.path))
        // As the site's structure orders them: the reading order, and each role's path in it.
        let ordered = site.readingOrder.filter { published.contains($0.path) }
        var showing = neighbors(of: changed, in: ordered.map(\.path))
        for role in site.configuration.roles {
            showing.formUnion(neighbors(of: changed, in: ordered.filter { $0.frontMatter.roles.contains(role.id) }.map(\.path)))
        }
        return showing.subtracting(changed)
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

    /// Whether a navigation of `site` (a TOC's or the site's) names an entry after the title of
    /// a page of `changed`: made again with those titles hidden, it would read differently.
    static func navigationShowsTitles(of changed: Set<String>, in site: Site, pages: [Document]) -> Bool {
        let facts = NavigationTree.PageFacts(site: site)
        var hidden = facts
        // No title holds a NUL byte.
        for path in changed { hidden.titles[path] = "\u{0}" + path }
        let tocIndexes = Set(SiteStructure.tocByOutput(site: site, pages: pages).values).sorted()
        let shown = SiteStructure.navigation(site: site, tocIndexes: tocIndexes, facts: facts)
        let withoutTitles = SiteStructure.navigation(site: site, tocIndexes: tocIndexes, facts: hidden)
        guard sameTitles(shown.site.nodes, withoutTitles.site.nodes) else { return true }
        return !tocIndexes.allSatisfy { index in
            guard let tree = shown.tocs[index], let other = withoutTitles.tocs[index] else { return false }
            return sameTitles(tree.nodes, other.nodes)
        }
    }

    /// Whether two trees of the same TOC title every entry alike; without recursion, since a TOC
    /// can nest deep.
    private static func sameTitles(_ first: [NavigationTree.Node], _ second: [NavigationTree.Node]) -> Bool {
        var pending = [(first, second)]
        while let (left, right) = pending.popLast() {
            guard left.count == right.count else { return false }
            for (one, other) in zip(left, right) {
                guard one.title == other.title else { return false }
                pending.append((one.children, other.children))
            }
        }
        return true
    }
}
