import DocgenCore

extension SiteStructure {
    /// This structure for `site`, a later state of its site in which the pages of `retitled`
    /// changed their title or description and nothing else the rest of the site reads of them
    /// (``Document/hasSameSiteFacts(apartFromTitleAs:)``): the reading order, the role paths'
    /// pages and the questions stay; the pages are swapped in, the questions' article titles
    /// follow, and only the navigations listing a retitled page are made again, with their files.
    /// Nil when a navigation made again has another size than before (a title cannot change
    /// it): the caller then makes the whole structure.
    func retitling(_ retitled: [Document], in site: Site) -> SiteStructure? {
        var copy = self
        copy.site = site
        let byPath = Dictionary(retitled.map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
        let byOutput = Dictionary(retitled.map { ($0.outputPath, $0) }, uniquingKeysWith: { _, last in last })
        copy.pages = pages.map { byPath[$0.path] ?? $0 }
        for (output, page) in byOutput where pageByOutput[output]?.path == page.path { copy.pageByOutput[output] = page }
        for (role, path) in rolePaths where path.contains(where: { byPath[$0.path] != nil }) {
            copy.rolePaths[role] = path.map { byPath[$0.path] ?? $0 }
            copy.questions[role] = questions[role]?.map { question in
                guard let page = byOutput[question.outputPath] else { return question }
                var retitledQuestion = question
                retitledQuestion.articleTitle = page.displayTitle
                return retitledQuestion
            }
        }
        // Only the retitled pages' titles changed; their roles did not.
        var retitledFacts = navigationFacts
        for page in retitled where retitledFacts.titles[page.path] != nil { retitledFacts.titles[page.path] = page.displayTitle }
        copy.navigationFacts = retitledFacts
        let facts = retitledFacts
        func lists(_ tree: NavigationTree) -> Bool { byOutput.keys.contains { tree.firstNodes[$0] != nil } }
        let tocs = site.navigation
        let stale = tocNavigation.filter { lists($0.value) }.keys.sorted()
        let remade = SiteLoader.parallelMap(stale) { NavigationTree(toc: tocs.tocs[$0], facts: facts) }
        var remadeTrees: [NavigationTree] = []
        for (index, tree) in zip(stale, remade) {
            guard tree.count == tocNavigation[index]?.count else { return nil }
            copy.tocNavigation[index] = tree
            remadeTrees.append(tree)
        }
        if lists(siteNavigation) {
            let tree = Self.siteNavigation(site: site, facts: facts, tocNavigation: copy.tocNavigation)
            guard tree.count == siteNavigation.count else { return nil }
            copy.siteNavigation = tree
            remadeTrees.append(tree)
        }
        // As `init` picks them: the first tree of a name holds its file.
        var scripted: [String: NavigationTree] = [:]
        for tree in remadeTrees where navigationScripts[tree.name] != nil && scripted[tree.name] == nil { scripted[tree.name] = tree }
        let trees = Array(scripted.values)
        for (name, script) in zip(trees.map(\.name), SiteLoader.parallelMap(trees) { NavigationScript(tree: $0) }) {
            copy.navigationScripts[name] = script
        }
        return copy
    }
}
