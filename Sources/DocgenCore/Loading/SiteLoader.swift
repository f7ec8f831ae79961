import Foundation

/// Finds and loads the pages of a content root in parallel.
public enum SiteLoader {
    /// Folder names whose Markdown files are never pages: includes are pulled into other pages.
    public static let nonPageFolders: Set<String> = ["includes", "_site", "node_modules"]

    /// Loads the site at `root`. With `only`, just those root-relative files are pages (for
    /// `docgen lint FILE...`); otherwise every `.md` outside `includes/` folders is.
    /// `displayPrefix` is put before root-relative paths in diagnostics.
    /// `alsoLoad` names files that are pages in addition to the discovered ones (`.txt` drafts).
    /// `standIns` are pages neither read nor parsed; `learnPaths`, Learn URL paths an earlier load
    /// of the same files inferred, are taken instead of inferring them again (a caller gives them
    /// only when every page's root-relative links are those that load saw).
    /// `compiling`, given the site as known before any page is read (its files, configuration,
    /// docfx.json and YAML pages, without pages), makes the function each page goes through as
    /// soon as it is read, on the core that read it: `lint` and `serve` check the page there and
    /// drop its tree, so that the trees of every page are never held at once.
    public static func load(
        root: URL, only: [String]? = nil, alsoLoad: [String] = [], displayPrefix: String = "", overrides: [String: String] = [:], standIns: [String: Document] = [:],
        learnPaths inferred: [LearnPathMap.Mapping]? = nil, compiling: ((Site) -> @Sendable (Document) -> Document)? = nil
    ) -> Site {
        var files = ContentFiles(root: root)
        var problems: [DocumentProblem] = []
        let yaml = YAMLPageLoader.load(files: files)
        files.yamlPages = Set(yaml.pages.map(\.path))
        var configuration = SiteConfiguration()
        if let text = files.read("docgen.yml")?.text {
            do {
                configuration = try SiteConfiguration.parse(text)
            } catch {
                problems.append(DocumentProblem(.invalidYAML, "docgen.yml is not valid: \(error.message).", path: "docgen.yml", at: .init(line: error.line, column: error.column)))
            }
        }
        let docfx = DocfxProject(files: files)
        problems += docfx.problems
        // The team's markdownlint settings for the rules docgen shares with it; docgen.yml wins.
        configuration.lint = MarkdownlintSettings(files: files, docsetFolders: docfx.docsets.map(\.scope.folder)).merged(into: configuration.lint)
        // DocFX names the site after globalMetadata._appTitle (its templates put it after every
        // page title); the doc set nearest the root speaks for the site.
        if !configuration.titleIsGiven, let appTitle = docfx.docsets.reversed().lazy.compactMap({ $0.metadata.globalValue("_appTitle")?.string?.trimmingSpaces() }).first(where: { !$0.isEmpty }) {
            configuration.title = appTitle
        }
        // Pages no docfx.json content entry publishes (a repository's README.md, LICENSE, a
        // doc set's excluded folders) are not pages; files named on the command line always are.
        var pagePaths = only ?? pages(in: files).filter(docfx.publishes)
        for path in alsoLoad where files.contains(path) && !pagePaths.contains(path) { pagePaths.append(path) }
        let loader = DocumentLoader(files: files, docfx: docfx)
        // A page a stand-in is given for is neither read nor parsed (a build's unchanged pages).
        let compile = compiling.map { make in
            make(frame(files: files, configuration: configuration, problems: problems, docfx: docfx, yaml: yaml, displayPrefix: displayPrefix))
        }
        let documents = parallelMap(pagePaths) { path in
            if let standIn = standIns[path] { return standIn }
            let document = loader.load(path, overrideText: overrides[path])
            return compile?(document) ?? document
        }
        let yamlOutside = RootRelativeLinks.collect(documents: [], yamlPages: yaml.pages)
        // Under Learn URL paths given, a stand-in's summary of its links into other doc sets, made
        // under the same paths and files, stands: its links' URLs need not be resolved again.
        let unsummarized = inferred == nil ? documents : documents.filter { RootRelativeLinks.recordedOtherDocSetLinks(of: $0) == nil }
        let outside = RootRelativeLinks.collect(documents: unsummarized, yamlPages: []) + yamlOutside
        // Each URL once: a large doc set links to the same few thousand URLs hundreds of
        // thousands of times.
        let urls = Array(Set(outside.map(\.url)))
        files.learnPaths = configuration.learnPaths.map { LearnPathMap($0, host: configuration.learnHost) }
            ?? LearnPathMap(inferred ?? LearnPathMap.infer(from: urls, files: files).mappings, host: configuration.learnHost)
        files.redirects = RedirectMap(docfx.redirections, files: files)
        files.xrefs = XrefMap(documents: documents, yamlPages: yaml.pages, files: files, docfx: docfx)
        var tocProblems: [DocumentProblem] = []
        let tocs = TableOfContentsLoader(files: files).loadAll(problems: &tocProblems)
        // Which root-relative links lead to other doc sets, resolved on all cores once per URL.
        let resolvedFiles = files
        let urlLeaves = Dictionary(uniqueKeysWithValues: zip(urls, parallelMap(urls) { resolvedFiles.learnPaths.page(for: $0, files: resolvedFiles) == nil }))
        let otherDocSetLinks = OtherDocSetLinkSummary.merged([
            RootRelativeLinks.recordOtherDocSetLinks(of: documents, leaves: urlLeaves), OtherDocSetLinkSummary(yamlOutside.filter { urlLeaves[$0.url] ?? false }),
        ])
        return Site(files: files, configuration: configuration, configurationProblems: problems, documents: documents, tocs: tocs, displayPrefix: displayPrefix,
            docfx: docfx, tocProblems: tocProblems, yamlPages: yaml.pages, yamlPageProblems: yaml.problems,
            otherDocSetLinks: otherDocSetLinks, zonePivotGroups: yaml.pivotGroups,
            breadcrumbs: BreadcrumbTOCs(documents: documents, files: files, docfx: docfx))
    }

    /// The site as it is known before any page is read: its files, configuration, docfx.json
    /// and YAML pages. It has no pages, TOCs, breadcrumbs, Learn URL paths, redirects or uids,
    /// which are made from the pages or after them.
    private static func frame(
        files: ContentFiles, configuration: SiteConfiguration, problems: [DocumentProblem], docfx: DocfxProject,
        yaml: (pages: [YAMLPage], problems: [DocumentProblem], pivotGroups: ZonePivotGroupFiles), displayPrefix: String
    ) -> Site {
        Site(
            files: files, configuration: configuration, configurationProblems: problems, documents: [], tocs: [], displayPrefix: displayPrefix, docfx: docfx,
            yamlPages: yaml.pages, yamlPageProblems: yaml.problems, zonePivotGroups: yaml.pivotGroups)
    }

    /// The root-relative paths of the pages in `files`.
    public static func pages(in files: ContentFiles) -> [String] {
        files.paths.filter(isPagePath).sorted()
    }

    /// Whether the file at `path` is a page when docfx.json publishes it: Markdown outside the
    /// folders that hold no pages (`includes`).
    public static func isPagePath(_ path: String) -> Bool {
        RelativePath.hasSuffix(path, ignoringCase: ".md")
            && !path.split(separator: "/").dropLast().contains { nonPageFolders.contains($0.lowercased()) }
    }

    /// Maps `items` on all cores, keeping their order.
    public static func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values
    }
}

/// Fixed slots written once each from concurrent iterations. Each index is written by exactly
/// one iteration and read only after all of them ended, so the writes need no lock (one lock for
/// all of them was taken 700,000 times for a large site's links).
private final class ResultSlots<R>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<R?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ value: R) {
        slots[index] = value
    }

    var values: [R] { (0..<count).map { slots[$0]! } }
}
