import DocgenCore
import DocgenEngine
import DocgenLint
import DocgenMarkup
import DocgenRender
import Foundation
import NIOCore

/// Prepares the site for `serve`, with drafts, the live-reload client and each page's lint
/// findings, and keeps the loaded ``Site`` and its findings so that a save costs what it changed:
/// the pages it touches are reloaded, the pages whose findings it can change are linted again,
/// and pages are rendered when a browser asks for them (``RenderedPages``), never the whole site.
/// Not thread-safe: the server calls it from one queue.
public final class PreviewBuilder {
    /// What one build did.
    public struct Report: Sendable {
        /// The snapshot to serve.
        public var snapshot: SiteSnapshot
        /// Pages loaded from disk (every page on a full build).
        public var reloadedPages: Int
        /// Whether everything was reloaded.
        public var wasFull: Bool
        /// Lint findings over the whole site.
        public var findings: Int
        /// Why the site cannot be built, when it cannot (`file:line:col: error: message`).
        public var failure: [String]
        /// Problems with `docgen.yml` and `toc.yml` that do not stop the build.
        public var warnings: [String] = []
        /// How long loading, linting and rendering took.
        public var seconds: Double
        /// Of which loading pages from disk.
        public var loadSeconds: Double = 0
        /// Of which linting (the whole site, or the pages a save can change).
        public var lintSeconds: Double = 0
        /// Of which preparing the site's structure and navigation for rendering.
        public var renderSeconds: Double = 0
        /// Pages linted (every page on a full build).
        public var lintedPages = 0
        /// Whether the site's structure (navigation, reading order, role paths) was kept from
        /// the previous snapshot: the save changed no title, front matter or heading.
        public var keptStructure = false
        /// Whether the site's structure was kept from the previous snapshot with new titles: the
        /// save changed a title or description and nothing else other pages read of the page,
        /// so only the navigations listing it were made again.
        public var retitledStructure = false
        /// Pages whose files were removed, without everything being loaded again.
        public var removedPages = 0
        /// Pages the cache stood for: neither read nor linted (a start from the cache).
        public var cachedPages = 0
        /// Articles whose search summary came from the cache: the search index is made without
        /// reading them.
        public var cachedSearchSummaries = 0
        /// Notes about the cache (one that could not be trusted or written).
        public var cacheNotes: [String] = []
    }

    /// The content root.
    public let contentRoot: URL
    /// The templates folder.
    public let templatesFolder: URL
    private var site: Site?
    private var templates: TemplateSet?
    private var assets: [String: ByteBuffer] = [:]
    private var last: SiteSnapshot?
    private var lint: SiteLintResults?
    private var outputs: SiteOutputs?
    private var dependencies: PageDependencies?
    private var searchSummaries = SearchSummaries()
    private var version = 0
    /// Whether a full build starts from the cache in the content root's `.docgen-cache/`.
    public let usesCache: Bool
    /// The pages of `site` that are stand-ins from the cache, not yet read: rendered from a
    /// load of the page when a browser asks for one.
    private var standIns: Set<String> = []
    /// The pages that hold their whole tree: `index.md`, whose body the home page shows, and the
    /// pages saves reloaded. Every other page, a stand-in or one whose tree was dropped once it
    /// was checked, is read again when a browser asks for it.
    private var wholeTrees: Set<String> = []
    /// The engine that checked the pages as they were read, which a save's re-lint must use:
    /// the findings it kept with each page name its rules by its own order.
    private var engine: LintEngine?
    /// The cache entry of this content root, read and decoded on another thread from
    /// the moment the builder is made, for the first build to start from.
    private var prefetched: BackgroundValue<RunCache.Prefetched<CachedPreview>>?
    /// The cache entry the last full build has yet to write (``storeCache()``).
    private var pendingEntry: PendingEntry?
    /// The cache entry to write again with the articles' search summaries once the search index
    /// of the last full build is prepared (``storeSearchSummaries()``); nil without the cache, once
    /// written, or when a save made it stale.
    private var searchEntry: PendingEntry?

    /// A cache entry to write: the run it ends and what the start loaded.
    private struct PendingEntry {
        var cache: RunCache
        var run: RunCache.Run
        var loaded: ReusingLoad
        var siteKey: SiteKey
        var today: Date
        /// The records' head ``storeCache()`` wrote, which the entry with the search summaries
        /// codes again: making every page's record again took 2 s at 10,000 pages.
        var writtenHead: [UInt8]?
    }

    /// Creates a builder; nothing is loaded until ``build()``. With `usesCache`, a full build
    /// starts from what the last one left in the content root's `.docgen-cache/`, and
    /// ``storeCache()`` leaves what the next one needs.
    /// The cache entry is read and decoded from the moment the builder is made, on another thread:
    /// it reads only the cache folder, never the content, so the server lists the content for
    /// watching meanwhile (about 0.3 s at 10,000 pages, half of it decoding the page records).
    public init(contentRoot: URL, templates: URL, usesCache: Bool = false) {
        self.contentRoot = contentRoot
        templatesFolder = templates
        self.usesCache = usesCache
        if usesCache {
            prefetched = BackgroundValue {
                RunCache(contentRoot: contentRoot, shownAs: RunCache.folderName).prefetch(CachedPreview.self, slot: CachedPreview.slot(root: contentRoot))
            }
        }
    }

    /// Loads, lints and renders everything.
    public func build() -> Report {
        let start = Date()
        version += 1
        assets = Self.templateAssets(in: templatesFolder)
        site = nil
        lint = nil
        outputs = nil
        dependencies = nil
        standIns = []
        wholeTrees = []
        engine = nil
        pendingEntry = nil
        searchEntry = nil
        searchSummaries = SearchSummaries()
        do {
            templates = try TemplateSet(folder: templatesFolder)
        } catch {
            templates = nil
            return failed(["\(error.file):\(error.line):\(error.column): error: \(error.message)"], title: "A template does not parse", assets: assets, start: start)
        }
        let today = Date()
        var cacheNotes: [String] = []
        // Each page is checked as it is read and its tree dropped, so that the server never
        // holds every tree; the home page shows index.md's body, which keeps its tree.
        let compiling = SiteChecks.Compiling(today: today, keepingTrees: ["index.md"])
        let fromCache = usesCache ? cachedStart(today: today, compiling: compiling, notes: &cacheNotes) : nil
        let reusing = fromCache?.loaded
        let site = reusing?.site ?? SiteLoader.load(root: contentRoot, displayPrefix: "", compiling: compiling.pages(of:))
        if let failure = configurationFailure(site) {
            // Left unset, so that the next change of any file rebuilds everything.
            return failed(failure, title: "docgen.yml or toc.yml is not valid", assets: assets, start: start, pages: site.documents.count)
        }
        self.site = site
        standIns = reusing?.unread ?? []
        wholeTrees = ["index.md"]
        let loaded = Date()
        let engine = compiling.engine ?? Self.lintEngine(for: site)
        self.engine = engine
        let kept = reusing?.keptDiagnostics ?? [:]
        // Linted on other cores while the site's structure is prepared: neither reads the other.
        let linting = BackgroundValue { () -> (results: SiteLintResults, seconds: Double) in
            let started = Date()
            let results = SiteLintResults(engine: engine, context: LintContext(site: site, today: today), kept: kept)
            return (results, Date().timeIntervalSince(started))
        }
        dependencies = PageDependencies(site, known: reusing?.keptFilesRead ?? [:])
        if let fromCache {
            let entry = PendingEntry(cache: fromCache.cache, run: fromCache.run, loaded: fromCache.loaded, siteKey: fromCache.siteKey, today: today)
            // The kept pages' search summaries: the search index is made again from them and
            // from the pages read, not from every page read again.
            searchSummaries = SearchSummaries(fromCache.loaded.keptArticles)
            // Nothing changed since the entry: it stands as it is.
            if fromCache.stored {
                fromCache.cache.reused(fromCache.run)
            } else {
                pendingEntry = entry
            }
            searchEntry = entry
        }
        var report = snapshot(
            site, lint: { linting.value.results }, reloaded: site.documents.count - standIns.count, linted: site.documents.count - kept.count, full: true,
            start: start, loaded: loaded)
        lint = linting.value.results
        report.lintSeconds = linting.value.seconds
        report.cachedPages = standIns.count
        report.cachedSearchSummaries = searchSummaries.all.count
        report.cacheNotes = cacheNotes
        return report
    }

    /// The load a full build starts from with the cache: the pages no edit touched since the
    /// entry are stand-ins. An entry that cannot be trusted adds a note, and every page is loaded.
    private func cachedStart(
        today: Date, compiling: SiteChecks.Compiling, notes: inout [String]
    ) -> (cache: RunCache, run: RunCache.Run, stored: Bool, loaded: ReusingLoad, siteKey: SiteKey) {
        let root = contentRoot
        // The first build takes the entry read ahead, once it has fingerprinted the content; a
        // later one reads it then.
        let ahead = prefetched
        prefetched = nil
        let cache = RunCache(contentRoot: root, shownAs: RunCache.folderName)
        let (run, stored, earlier, siteKey) = cache.begin(
            CachedPreview.self, slot: CachedPreview.slot(root: root), notes: &notes, keepingEarlier: true,
            prefetched: ahead.map { ahead in { ahead.value } },
            inputs: { CachedPreview.inputs(root: root, today: today, hashes: $0) }, key: \.whole)
        let loaded = CachedPreview.load(root: root, siteKey: siteKey, cached: stored ?? earlier, compiling: compiling)
        return (cache, run, stored != nil, loaded, siteKey)
    }

    /// Writes what the next start needs into the cache, when the last full build read pages
    /// (the server calls it after the snapshot is served, so the first answer does not wait for
    /// it). Returns a note when the cache could not be written.
    @discardableResult
    public func storeCache() -> String? {
        guard let pending = pendingEntry, let lint else { return nil }
        pendingEntry = nil
        var written: CachedPreview?
        let note = pending.cache.finish(pending.run) {
            let entry = CachedPreview(loaded: pending.loaded, byPage: lint.pageFindings, siteKey: pending.siteKey, today: pending.today, summaries: searchSummaries.all)
            written = entry
            return entry
        }
        if note == nil, let written { searchEntry?.writtenHead = written.recordsHead }
        return note
    }

    /// Writes the cache entry of the last full build again with the search summaries its search
    /// index was made from, when it lacks some that a later start could take (every page's but
    /// `index.md`'s, which is always read), so that the next start's search index is made from
    /// them instead of every page read again. The server calls it once that index is prepared.
    /// Nothing is written after a save: the entry's inputs are no longer the content's. Returns a
    /// note when the cache could not be written.
    @discardableResult
    public func storeSearchSummaries() -> String? {
        guard let entry = searchEntry, let lint else { return nil }
        searchEntry = nil
        let summaries = searchSummaries.all
        let recorded = entry.loaded.keptArticles
        guard summaries.keys.contains(where: { $0 != "index.md" && recorded[$0] == nil }) else { return nil }
        return entry.cache.finish(entry.run) {
            if let head = entry.writtenHead { return CachedPreview(recordsHead: head, loaded: entry.loaded, summaries: summaries) }
            return CachedPreview(loaded: entry.loaded, byPage: lint.pageFindings, siteKey: entry.siteKey, today: entry.today, summaries: summaries)
        }
    }

    private static func lintEngine(for site: Site) -> LintEngine {
        SiteChecks.engine(for: site)
    }

    /// Applies `changes`: reloads the pages they touch, reads the pages added and forgets those
    /// removed (``FileListChange``), or loads everything when the configuration, the table of
    /// contents, a template or any other file changed, or the files came or went in a way the
    /// pages do not record.
    public func update(_ changes: ChangeWatcher.Changes) -> Report {
        guard var site, var lint, var dependencies, let engine, templates != nil, !changes.templatesChanged,
              !changes.modified.contains(where: Self.reloadsEverything)
        else { return build() }
        if !changes.added.isEmpty || !changes.removed.isEmpty {
            return applyingFileList(changes, to: site, lint: lint, dependencies: dependencies, engine: engine) ?? build()
        }
        let start = Date()
        version += 1
        searchEntry = nil
        let changed = changes.modified
        let affected = dependencies.pages(reading: changed).sorted().compactMap { site.document(at: $0) }
        if affected.isEmpty, let last {
            // Only media or unused files changed: the pages stay, the browsers reload for the files.
            let snapshot = last.withVersion(version)
            self.last = snapshot
            return Report(snapshot: snapshot, reloadedPages: 0, wasFull: false, findings: lint.count, failure: [], seconds: Date().timeIntervalSince(start))
        }
        let loader = DocumentLoader(files: site.files, docfx: site.docfx)
        let reloaded = SiteLoader.parallelMap(affected.map(\.path)) { loader.load($0) }
        // A stand-in's source is not read: whether it held a suppression comment is not known.
        let savedStandIns = affected.contains { standIns.contains($0.path) }
        take(reloaded, into: &site, &dependencies)
        // A root-relative link added or removed changes which links lead to other doc sets, and
        // may change the Learn URL paths inferred from them; then everything is loaded again.
        guard site.refreshOtherDocSetLinks(replacing: affected, with: reloaded) else { return build() }
        // The saved pages and, when a page's title, headings or anchors changed, the pages linking
        // to it, as their memos record (a stand-in's holds the cache's record).
        var relinted = SiteLintResults.pagesToRelint(changed: Array(zip(affected.map(Optional.some), reloaded)), in: site)
        // Every page chosen (a change to the root's index.md, which any page reaches as `/`) is a
        // whole load.
        guard let read = readingStandIns(among: relinted.map(\.path), into: &site, &dependencies, using: loader) else { return build() }
        if read > 0 { relinted = relinted.map { site.document(at: $0.path) ?? $0 } }
        self.site = site
        self.dependencies = dependencies
        let loaded = Date()
        // Read now, the stand-ins are linted as whole pages, comments and all.
        let suppressionsChanged = savedStandIns || read > 0 || (affected + reloaded).contains { Suppressions.appear(in: $0.source) }
        lint.relint(relinted, engine: engine, context: LintContext(site: site, today: Date()), suppressionsChanged: suppressionsChanged)
        self.lint = lint
        searchSummaries = searchSummaries.removing(Set(affected.map(\.path)))
        // A body edit leaves the navigation, role paths and reading order as they were; a new
        // title or description leaves them too, but for the entries and pages showing it.
        let sameStructure = zip(affected, reloaded).allSatisfy { $0.hasSameSiteFacts(as: $1) }
        let sameButTitles = !sameStructure && zip(affected, reloaded).allSatisfy { $0.hasSameSiteFacts(apartFromTitleAs: $1) }
        let relintedResults = lint
        return snapshot(
            site, lint: { relintedResults }, reloaded: affected.count + read, linted: relinted.count, full: false, start: start, loaded: loaded,
            keepingStructureOf: sameStructure ? outputs : nil, retitling: sameButTitles ? outputs.map { ($0, reloaded) } : nil)
    }

    /// Applies pages and media files added or removed (``FileListChange``): the site is made
    /// again around the pages it holds, the added pages are read, the pages linking to a file
    /// added or removed are linted again, and the site's structure is made again. Nil when the
    /// change needs everything loaded again.
    private func applyingFileList(
        _ changes: ChangeWatcher.Changes, to site: Site, lint: SiteLintResults, dependencies: PageDependencies, engine: LintEngine
    ) -> Report? {
        let start = Date()
        guard let change = FileListChange(changes, site: site, dependencies: dependencies) else { return nil }
        var site = change.site, lint = lint, dependencies = dependencies
        for path in changes.removed {
            dependencies.remove(path)
            standIns.remove(path)
            wholeTrees.remove(path)
        }
        take(change.addedPages, into: &site, &dependencies)
        let loader = DocumentLoader(files: site.files, docfx: site.docfx)
        guard let read = readingStandIns(among: change.pagesToRelint.sorted(), into: &site, &dependencies, using: loader) else { return nil }
        version += 1
        searchEntry = nil
        self.site = site
        self.dependencies = dependencies
        let loaded = Date()
        let relinted = change.pagesToRelint.sorted().compactMap { site.document(at: $0) }
        lint.forget(changes.removed)
        lint.relint(relinted, engine: engine, context: LintContext(site: site, today: Date()))
        self.lint = lint
        searchSummaries = searchSummaries.removing(changes.added.union(changes.removed))
        let relintedResults = lint
        var report = snapshot(
            site, lint: { relintedResults }, reloaded: change.addedPages.count + read, linted: relinted.count, full: false, start: start,
            loaded: loaded)
        report.removedPages = change.removedPages
        return report
    }

    /// Reads the stand-ins among `pages`, the pages to lint (a stand-in has no links to check),
    /// into `site` and `dependencies`, and says how many it read; nil when `pages` are every page
    /// of the site, which a whole load reads without keeping every tree.
    private func readingStandIns(among pages: [String], into site: inout Site, _ dependencies: inout PageDependencies, using loader: DocumentLoader) -> Int? {
        let stood = pages.filter { standIns.contains($0) }
        if !stood.isEmpty, pages.count == site.documents.count { return nil }
        take(SiteLoader.parallelMap(stood) { loader.load($0) }, into: &site, &dependencies)
        return stood.count
    }

    /// Puts `documents`, pages read again, into `site` and `dependencies`: they are whole pages now.
    private func take(_ documents: [Document], into site: inout Site, _ dependencies: inout PageDependencies) {
        for document in documents {
            site.replace(document)
            dependencies.update(document)
            standIns.remove(document.path)
            wholeTrees.insert(document.path)
        }
    }

    /// Whether a change of `path` reloads everything: docgen.yml, every toc.yml, YAML pages
    /// (Landing, Hub, FAQ), zone pivot groups, docfx.json, redirections and the other JSON and
    /// YAML files the site is configured by, and the markdownlint configuration (`.jsonc` too).
    static func reloadsEverything(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
        return name.hasSuffix(".yml") || name.hasSuffix(".yaml") || name.hasSuffix(".json") || name.hasPrefix(".markdownlint")
    }

    /// The snapshot of `site`, whose findings `lint` gives (waiting for a lint still under way).
    private func snapshot(
        _ site: Site, lint: @escaping @Sendable () -> SiteLintResults, reloaded: Int, linted: Int, full: Bool, start: Date, loaded: Date,
        keepingStructureOf previous: SiteOutputs? = nil, retitling: (outputs: SiteOutputs, pages: [Document])? = nil
    ) -> Report {
        guard let templates else { return build() }
        let lintedAt = Date()
        let options = BuildOptions(
            contentRoot: contentRoot, output: contentRoot.appendingPathComponent("_site"), templates: templatesFolder, includeDrafts: true)
        let findings: @Sendable (Document) -> [Diagnostic] = { document in Self.findings(of: document, in: lint(), site: site) }
        // A page the cache stands for, or whose tree was dropped, is read and parsed when a
        // browser asks for it.
        let wholeTrees = self.wholeTrees
        let loader = DocumentLoader(files: site.files, docfx: site.docfx)
        let materialize: @Sendable (Document) -> Document = { document in wholeTrees.contains(document.path) ? document : loader.load(document.path) }
        let retitled = retitling.flatMap { $0.outputs.retitled($0.pages, site: site, findings: findings, materialize: materialize) }
        let outputs = previous?.updated(site: site, findings: findings, materialize: materialize) ?? retitled
            ?? SiteOutputs(site: site, templates: templates, options: options, findings: findings, liveReload: true, materialize: materialize)
        self.outputs = outputs
        let pages = RenderedPages(outputs: outputs, searchSummaries: searchSummaries, files: site.files)
        let snapshot = SiteSnapshot(version: version, pages: pages, assets: assets, contentRoot: site.files.root)
        last = snapshot
        let warnings = site.configurationDiagnostics.map(\.formatted)
        let findingCount = lint().count
        let end = Date()
        return Report(
            snapshot: snapshot, reloadedPages: reloaded, wasFull: full, findings: findingCount, failure: [], warnings: warnings,
            seconds: end.timeIntervalSince(start), loadSeconds: loaded.timeIntervalSince(start), lintSeconds: lintedAt.timeIntervalSince(loaded),
            renderSeconds: end.timeIntervalSince(lintedAt), lintedPages: linted, keptStructure: previous != nil, retitledStructure: retitled != nil)
    }

    /// A page's findings: its own, then those in the files it includes, marked with the file
    /// (their lines are that file's). Asked for when the page is rendered.
    static func findings(of document: Document, in lint: SiteLintResults, site: Site) -> [Diagnostic] {
        var findings = lint.diagnostics(inFile: site.displayPath(document.path))
        for included in document.includedFiles.sorted() {
            findings += lint.diagnostics(inFile: site.displayPath(included)).map { diagnostic in
                var marked = diagnostic
                marked.message = "In \(included): \(diagnostic.message)"
                return marked
            }
        }
        return findings
    }

    private func failed(_ problems: [String], title: String, assets: [String: ByteBuffer], start: Date, pages: Int = 0) -> Report {
        last = nil
        let snapshot = SiteSnapshot(version: version, failure: ErrorPage.failure(title: title, problems: problems), assets: assets)
        return Report(snapshot: snapshot, reloadedPages: pages, wasFull: true, findings: 0, failure: problems, seconds: Date().timeIntervalSince(start))
    }

    /// A `docgen.yml` or `toc.yml` that does not parse stops the build: its defaults would give a
    /// site that looks wrong for no visible reason.
    private func configurationFailure(_ site: Site) -> [String]? {
        let fatal = site.configurationProblems.filter { $0.kind == .invalidYAML }
        guard !fatal.isEmpty else { return nil }
        return fatal.map { "\($0.path):\($0.position.line):\($0.position.column): error: \($0.message)" }
    }

    /// The files of the templates' `assets/` folder, read into memory, keyed `assets/PATH`.
    /// Listed, never looked up by a requested name.
    static func templateAssets(in templates: URL) -> [String: ByteBuffer] {
        var assets: [String: ByteBuffer] = [:]
        for path in ChangeWatcher.scan(templates.appendingPathComponent("assets")).keys {
            guard let data = FileManager.default.contents(atPath: templates.appendingPathComponent("assets").appendingPathComponent(path).path) else { continue }
            assets["assets/" + path] = ByteBuffer(bytes: data)
        }
        return assets
    }
}
