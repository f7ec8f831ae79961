extension Site {
    /// Whether a root-relative link of a page or YAML page leads, under this site's Learn URL
    /// paths, to one of `paths`: a page added or removed changes where such a link leads, and
    /// whether it leaves the doc set.
    public func hasRootRelativeLinks(leadingTo paths: Set<String>) -> Bool {
        // Collecting every page's links costs a pass over the site: none for no file.
        guard !paths.isEmpty else { return false }
        let urls = Array(Set(RootRelativeLinks.collect(documents: documents, yamlPages: yamlPages).map(\.url)))
        let files = files
        return SiteLoader.parallelMap(urls) { files.learnPaths.page(for: $0, files: files) }.contains { $0.map(paths.contains) ?? false }
    }
}
