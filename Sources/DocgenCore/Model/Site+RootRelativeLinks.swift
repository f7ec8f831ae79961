/// Keeping the links into other doc sets current after pages were replaced (`serve`).
extension Site {
    /// After `old` pages were replaced by `new` ones (same paths, same order): keeps the links
    /// that lead to other doc sets as loading would find them. Returns false, changing nothing,
    /// when the Learn URL paths loading infers from root-relative links would change: only
    /// loading everything again gives what a fresh start gives then.
    public mutating func refreshOtherDocSetLinks(replacing old: [Document], with new: [Document]) -> Bool {
        let before = RootRelativeLinks.collect(documents: old, yamlPages: [])
        let after = RootRelativeLinks.collect(documents: new, yamlPages: [])
        guard before != after else { return true }
        let changedURLs = Set(before.map(\.url)).symmetricDifference(after.map(\.url))
        if configuration.learnPaths == nil, changedURLs.contains(where: { LearnPathMap.couldBeEvidence($0, files: files) }) {
            if inferredLearnPaths() != files.learnPaths.mappings { return false }
        }
        // The mappings and files are as they were: every other page keeps the links it was found
        // to have into other doc sets, and only the saved pages' links are resolved. Most saves
        // change none of those (a paragraph written, or links within the doc set moved).
        let leftBefore = old.map { RootRelativeLinks.otherDocSetLinks(of: $0, files: files) }
        let leftAfter = new.map { RootRelativeLinks.otherDocSetLinks(of: $0, files: files) }
        guard leftBefore != leftAfter else { return true }
        let pages = documents.sorted(by: { $0.path < $1.path }).map { RootRelativeLinks.otherDocSetLinks(of: $0, files: files) }
        let yamlLinks = RootRelativeLinks.collect(documents: [], yamlPages: yamlPages)
        otherDocSetLinks = OtherDocSetLinkSummary.merged(pages + [OtherDocSetLinkSummary(yamlLinks.filter { files.learnPaths.page(for: $0.url, files: files) == nil })])
        return true
    }

    /// The Learn URL paths a load infers from the root-relative links of every page and YAML
    /// page as they are now (pages standing in for others keep theirs).
    public func inferredLearnPaths() -> [LearnPathMap.Mapping] {
        // Each URL once, as loading passes them.
        let urls = Set(RootRelativeLinks.collect(documents: documents, yamlPages: yamlPages).map(\.url))
        return LearnPathMap.infer(from: Array(urls), files: files).mappings
    }
}
