import DocgenCore
import DocgenMarkup

/// What the generated pages and every page's navigation need to know about the whole site,
/// computed once per build: reading order, each role's path and questions, and the navigation.
/// Its `var`s are set only by ``retitling(_:in:)``, on a copy.
struct SiteStructure: Sendable {
    struct Question: Sendable {
        var text: String
        var outputPath: String
        var fragment: String
        var articleTitle: String
    }

    var site: Site
    var pages: [Document]
    /// The navigation of each table of contents that navigates a published page, by TOC index.
    var tocNavigation: [Int: NavigationTree]
    /// The navigation of pages no TOC navigates, and of generated pages.
    var siteNavigation: NavigationTree
    /// The files of the navigations larger than `navigation.inline-limit`, by tree name: pages
    /// these trees navigate carry only their branch and load the whole tree from its file.
    var navigationScripts: [String: NavigationScript]
    /// The TOC index that navigates each published page, by output path.
    let tocByOutput: [String: Int]
    /// Output paths in reading order.
    let readingOrder: [String]
    /// Each role's pages in reading order.
    var rolePaths: [String: [Document]]
    /// Each role's scenario questions.
    var questions: [String: [Question]]
    var pageByOutput: [String: Document]
    /// Each output path's place in `readingOrder`.
    let readingIndex: [String: Int]
    /// Each role's pages' places in its path, by source path.
    let rolePathIndex: [String: [String: Int]]
    /// The titles and roles the navigations show, kept for ``retitling(_:in:)``.
    var navigationFacts: NavigationTree.PageFacts

    init(site: Site, pages: [Document]) {
        self.site = site
        self.pages = pages
        let tocByOutput = Self.tocByOutput(site: site, pages: pages)
        self.tocByOutput = tocByOutput
        let tocIndexes = Set(tocByOutput.values).sorted()
        let facts = NavigationTree.PageFacts(site: site)
        navigationFacts = facts
        let (tocTrees, siteTree) = Self.navigation(site: site, tocIndexes: tocIndexes, facts: facts)
        tocNavigation = tocTrees
        siteNavigation = siteTree
        let limit = site.configuration.navigationInlineLimit
        var scripted: [String: NavigationTree] = [:]
        for tree in tocIndexes.compactMap({ tocTrees[$0] }) + [siteTree] where tree.count > limit && scripted[tree.name] == nil {
            scripted[tree.name] = tree
        }
        let trees = Array(scripted.values)
        navigationScripts = Dictionary(uniqueKeysWithValues: zip(trees.map(\.name), SiteLoader.parallelMap(trees) { NavigationScript(tree: $0) }))
        let included = Set(pages.map(\.path))
        let ordered = site.readingOrder.filter { included.contains($0.path) }
        readingOrder = ordered.map(\.outputPath)
        pageByOutput = Dictionary(pages.map { ($0.outputPath, $0) }, uniquingKeysWith: { a, _ in a })
        var paths: [String: [Document]] = [:]
        var questions: [String: [Question]] = [:]
        for role in site.configuration.roles {
            let rolePages = ordered.filter { $0.frontMatter.roles.contains(role.id) }
            paths[role.id] = rolePages
            questions[role.id] = rolePages.flatMap { page in
                Self.questions(in: page).map { Question(text: $0.text, outputPath: page.outputPath, fragment: $0.id, articleTitle: page.displayTitle) }
            }
        }
        rolePaths = paths
        self.questions = questions
        // Looked up for every page built: a search of the whole order per page made large builds quadratic.
        readingIndex = Dictionary(readingOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        rolePathIndex = paths.mapValues { path in
            Dictionary(path.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The TOC index that navigates each of `pages` and of the YAML pages, by output path.
    static func tocByOutput(site: Site, pages: [Document]) -> [String: Int] {
        let tocs = site.navigation
        var tocByOutput: [String: Int] = [:]
        for page in pages { if let index = tocs.tocIndex(for: page.path) { tocByOutput[page.outputPath] = index } }
        for page in site.yamlPages { if let index = tocs.tocIndex(for: page.path) { tocByOutput[page.outputPath] = index } }
        return tocByOutput
    }

    /// The navigation of each TOC of `tocIndexes` and the site's, showing `facts` of the pages.
    static func navigation(site: Site, tocIndexes: [Int], facts: NavigationTree.PageFacts) -> (tocs: [Int: NavigationTree], site: NavigationTree) {
        // Each TOC's tree on all cores: a large doc set has hundreds of TOCs, and a build after
        // one edit makes them all again.
        let tocs = site.navigation
        let tocTrees = Dictionary(uniqueKeysWithValues: zip(tocIndexes, SiteLoader.parallelMap(tocIndexes) { NavigationTree(toc: tocs.tocs[$0], facts: facts) }))
        return (tocTrees, siteNavigation(site: site, facts: facts, tocNavigation: tocTrees))
    }

    /// The page's headings phrased as scenario questions, included content counted.
    static func questions(in page: Document) -> [(text: String, id: String)] {
        var result: [(String, String)] = []
        page.root.walk { node in
            guard case .heading(let level, let id) = node.kind, level >= 2 else { return }
            let text = node.plainText.trimmingSpaces()
            if HTMLRenderer.isQuestion(text) { result.append((text, id)) }
        }
        return result
    }

    /// The zone pivot groups a page's picker offers: those its `zone_pivot_groups` names that the
    /// doc set defines (`roles` is the role picker's).
    func pivotGroups(of document: Document) -> [ZonePivotGroup] {
        Self.pivotGroups(of: document, in: site)
    }

    /// The zone pivot groups `document` names, as `site`'s definition files give them.
    static func pivotGroups(of document: Document, in site: Site) -> [ZonePivotGroup] {
        guard let names = document.frontMatter.string("zone_pivot_groups") else { return [] }
        return names.split(separator: ",").compactMap { name in
            let id = name.trimmingSpaces()
            return id == "roles" ? nil : site.zonePivotGroups.group(id, forPage: document.path)
        }
    }

    /// The navigation a page shows: its TOC's, else the site's.
    func navigation(for outputPath: String) -> NavigationTree {
        tocByOutput[outputPath].flatMap { tocNavigation[$0] } ?? siteNavigation
    }

    /// The file holding the whole navigation a page shows, when that navigation is too large to
    /// be written into the page.
    func navigationScript(for outputPath: String) -> NavigationScript? {
        navigationScripts.isEmpty ? nil : navigationScripts[navigation(for: outputPath).name]
    }

    /// Folders when there is no TOC; the one top-level TOC; else one entry per top-level TOC,
    /// titled by its first entry and opening its first page.
    static func siteNavigation(site: Site, facts: NavigationTree.PageFacts, tocNavigation: [Int: NavigationTree]) -> NavigationTree {
        let tocs = site.navigation
        guard !tocs.tocs.isEmpty else { return NavigationTree(folders: site.documents.map(\.path), facts: facts) }
        let top = tocs.topLevel
        if top.count == 1, let only = top.first {
            return tocNavigation[only] ?? NavigationTree(toc: tocs.tocs[only], facts: facts)
        }
        let sections = top.compactMap { index -> (title: String, path: String)? in
            let toc = tocs.tocs[index]
            guard let first = toc.orderedPaths.first(where: { site.document(at: $0) != nil }) else { return nil }
            let named = toc.entries.first?.name ?? ""
            return (named.isEmpty ? facts.titles[first] ?? first : named, first)
        }
        return NavigationTree(sections: sections, facts: facts)
    }

    static func roleURL(_ id: String) -> String { "roles/\(id).html" }
    static func layerURL(_ number: Int) -> String { "layers/\(number).html" }
}
