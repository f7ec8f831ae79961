import DocgenCore
import DocgenLint
import DocgenRender
import Foundation

/// `docgen build`: loads the content, lints it through the one engine, renders the site and
/// swaps it into the output folder. A finding in one page never stops the others.
public enum SiteBuilder {
    /// What a build did.
    public struct Report: Sendable {
        public var pages: Int
        public var generatedPages: Int
        public var assets: Int
        public var diagnostics: [Diagnostic]
        public var seconds: Double
        /// Written files (pages, generated pages, the search index) the previous site already held
        /// byte for byte, and which were left alone.
        public var unchangedFiles = 0
        /// Pages whose findings and HTML were kept from the last build, which had them as they
        /// are: only pages were edited since, and the edits changed nothing other pages show.
        public var keptPages = 0
        /// Pages not read at all: stand-ins from the cache took their place.
        public var unreadPages = 0
        /// Seconds each phase took, in order: compare with the cache, load (read and parse), render and write, check (run beside rendering: the wait after it), copy assets, swap in, cache.
        public var phases: [(name: String, seconds: Double)] = []
        /// Whether nothing had changed since a build with the same options, so the output was
        /// left as that build made it and its findings were taken from the cache.
        public var fromCache = false
        /// What went wrong with the cache (an entry ignored, a folder that cannot be written).
        public var cacheNotes: [String] = []
        /// What the build worked with (the loaded site, its findings by page, the page records),
        /// held by the report: a process that exits after the build can keep it rather than free
        /// it, which for a large site takes a tenth of a second on one core.
        public var workingSet: (any Sendable)?
    }

    /// A build that could not run at all (bad templates, unwritable output).
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Builds the site; `displayPrefix` is put before content paths in diagnostics. With a
    /// `cache`, a build whose inputs and options are those of the last build, and whose output
    /// nobody changed since, reports that build's result and writes nothing.
    public static func build(_ options: BuildOptions, displayPrefix: String = "", cache: RunCache? = nil) throws(Failure) -> Report {
        let start = Date()
        var phases: [(name: String, seconds: Double)] = []
        var phaseStart = start
        func endPhase(_ name: String) {
            let now = Date()
            phases.append((name, now.timeIntervalSince(phaseStart)))
            phaseStart = now
        }
        var cacheNotes: [String] = []
        var cacheRun: RunCache.Run?
        var earlier: PageRecords?
        var siteKey: SiteKey?
        if let cache {
            let (run, stored, earlierBuild, inputs) = cache.begin(
                CachedBuild.self, slot: CachedBuild.slot(options, displayPrefix: displayPrefix), notes: &cacheNotes, keepingEarlier: true,
                inputs: { CachedBuild.inputs(options, displayPrefix: displayPrefix, hashes: $0) }, key: \.whole)
            let outputStamp = stored != nil || earlierBuild != nil ? OutputStamp.of(options.output) : ""
            if let stored, stored.outputStamp == outputStamp, let diagnostics = stored.diagnostics {
                cache.reused(run)
                return Report(
                    pages: stored.pages, generatedPages: stored.generatedPages, assets: stored.assets, diagnostics: diagnostics,
                    seconds: Date().timeIntervalSince(start), phases: [("compare with the cache", Date().timeIntervalSince(start))], fromCache: true,
                    cacheNotes: cacheNotes)
            }
            cacheRun = run
            // The last build's pages are worth keeping only while its site is the output as it left it.
            if let earlierBuild, earlierBuild.outputStamp == outputStamp { earlier = earlierBuild.pageRecords }
            siteKey = inputs
            endPhase("compare with the cache")
        }
        let templates: TemplateSet
        do {
            templates = try TemplateSet(folder: options.templates)
        } catch {
            throw Failure(description: error.description)
        }
        // Each page is checked by the rules that read only it and rendered as it is read; then its
        // tree and its text are dropped, so that no build holds every page's tree or text at once.
        // `index.md` keeps both: the home page shows its body. The articles' HTML waits in a file
        // beside the output until the pages are written.
        let spill = ArticleSpill(beside: options.output)
        let compiling = SiteChecks.Compiling(
            today: options.today, draftChecks: options.draftChecks, keepingTrees: ["index.md"], keepingSources: false,
            alsoEach: { frame in PrerenderedArticle.recorder(for: frame, options: options, spill: spill) })
        let loaded = ReusingLoad.load(
            root: options.contentRoot, displayPrefix: displayPrefix, records: earlier, siteKey: siteKey, compiling: compiling,
            showingTitles: { site, changed in TitleDependents.pages(showingTitlesOf: changed, in: site, options: options) })
        let site = loaded.site, kept = loaded.kept
        endPhase("load")
        // Checked beside rendering, which reads none of the findings; then what the next build
        // keeps of each page but the articles, and the findings, are coded. After an edit the
        // render works mostly on one core, so these take the other.
        let engine = compiling.engine
        let checking = BackgroundValue {
            SiteChecks.check(site, draftChecks: options.draftChecks, today: options.today, kept: kept.mapValues(\.diagnostics), engine: engine)
        }
        let coding = siteKey.map { siteKey in
            BackgroundValue { () -> (recordsHead: [UInt8], diagnostics: [UInt8]) in
                let findings = checking.value
                return (PageRecords(of: site, siteKey: siteKey, byPage: findings.byPage, kept: kept, today: options.today).head, CachedBuild.coded(findings.all))
            }
        }
        try checkOutputIsSafe(options.output, contentRoot: site.files.root)
        let writer: SiteWriter
        do {
            writer = try SiteWriter(output: options.output)
        } catch {
            throw Failure(description: "cannot write the site next to \(options.output.path): \(error.localizedDescription)")
        }
        let errors = WriteErrors()
        // The pages rendered again, as the last build summarized them: its search index is patched.
        let replaced = kept.isEmpty ? [:] : Dictionary(
            site.documents.compactMap { page in kept[page.path] == nil ? earlier?.pages[page.path]?.article.map { (page.path, $0) } : nil },
            uniquingKeysWith: { first, _ in first })
        let previousIndex = replaced.isEmpty ? [:] : SearchIndexPatch.read(from: options.output)
        let result = SiteRenderer(site: site, templates: templates, options: options).render(
            kept: kept.compactMapValues(\.article), keepsGenerated: !kept.isEmpty, remakesGeneratedPages: loaded.generatedChanged,
            remakesNavigation: loaded.navigationChanged, previousIndex: previousIndex, replaced: replaced
        ) { path in
            if !writer.keep(path) { errors.record("\(path): the last build's page could not be kept; --no-cache builds every page again") }
        } emit: { path, data in
            do { try writer.write(data, to: path) } catch { errors.record("\(path): \(error.localizedDescription)") }
        }
        if let failure = spill?.failure { errors.record(failure) }
        endPhase("render and write")
        let findings = checking.value
        let diagnostics = findings.all
        endPhase("check (beside rendering; the wait after it)")
        var assets = result.assets
        for path in site.files.paths where path.hasPrefix("media/") { assets.insert(path) }
        // Copied on all cores: most of the time goes to file system calls for each asset.
        let copies = assets.filter { site.files.contains($0) }.sorted()
        _ = SiteLoader.parallelMap(copies) { asset in
            do { try writer.copy(site.files.url(asset), to: asset) } catch { errors.record("\(asset): \(error.localizedDescription)") }
        }
        let assetFolder = options.templates.appendingPathComponent("assets")
        let templateAssets = (try? FileManager.default.contentsOfDirectory(atPath: assetFolder.path)) ?? []
        for name in templateAssets where !name.hasPrefix(".") {
            do { try writer.copy(assetFolder.appendingPathComponent(name), to: "assets/" + name) } catch { errors.record("assets/\(name): \(error.localizedDescription)") }
        }
        do { try writer.write(Data("docgen\n".utf8), to: markerFile) } catch { errors.record(error.localizedDescription) }
        endPhase("copy assets")
        if let first = errors.first {
            writer.abandon()
            throw Failure(description: "writing the site failed (\(first)); the previous site is untouched")
        }
        // The output's stamp is taken of the finished staging folder, which the exchange makes the
        // output as it is: taken after, it could be another build's site put in place meanwhile.
        var outputStamp = ""
        do {
            try writer.commit { staging in if cacheRun != nil { outputStamp = OutputStamp.of(staging) } }
        } catch {
            writer.abandon()
            throw Failure(description: "could not put the new site in place: \(error.localizedDescription); the previous site is untouched")
        }
        endPhase("swap in")
        var report = Report(
            pages: result.articleCount, generatedPages: result.generatedCount, assets: assets.count + templateAssets.count,
            diagnostics: diagnostics, seconds: 0, unchangedFiles: writer.unchangedFiles, keptPages: result.keptCount, unreadPages: loaded.unreadPages,
            phases: phases, cacheNotes: cacheNotes)
        if let cache, let cacheRun, let coding {
            let note = cache.finish(cacheRun) {
                // Every page's article, as rendered or kept (nil for a page not published).
                let articles = PageRecords.articles(of: Dictionary(site.documents.map { ($0.path, result.summaries[$0.path]) }, uniquingKeysWith: { first, _ in first }))
                return CachedBuild(
                    pages: report.pages, generatedPages: report.generatedPages, assets: report.assets, diagnosticBytes: coding.value.diagnostics,
                    outputStamp: outputStamp, pageRecordBytes: PageRecords.coded(head: coding.value.recordsHead, articles: articles))
            }
            if let note { report.cacheNotes.append(note) }
            endPhase("cache")
            report.phases = phases
        }
        report.seconds = Date().timeIntervalSince(start)
        report.workingSet = (loaded, earlier, findings, result)
        return report
    }
}

extension SiteBuilder {
    /// The file that marks a folder as a site docgen wrote, so a build never replaces a folder
    /// that holds anything else.
    public static let markerFile = DirectoryListing.builtSiteMarker

    /// Refuses outputs whose replacement would lose data: the content root itself, a folder that
    /// contains it, or an existing non-empty folder docgen did not write.
    static func checkOutputIsSafe(_ output: URL, contentRoot: URL) throws(Failure) {
        let outputPath = output.standardizedFileURL.resolvingSymlinksInPath().path
        let contentPath = contentRoot.path
        if outputPath == contentPath || contentPath.hasPrefix(outputPath == "/" ? "/" : outputPath + "/") {
            throw Failure(description: "the output folder \(output.path) contains the content; choose an --output outside \(contentPath)")
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: outputPath, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw Failure(description: "the output path \(output.path) is a file; choose a folder for --output")
        }
        let entries = (try? manager.contentsOfDirectory(atPath: outputPath)) ?? []
        if !entries.isEmpty, !entries.contains(markerFile) {
            throw Failure(description: "the output folder \(output.path) already holds files docgen did not write; empty it, remove it, or choose another --output")
        }
    }
}

/// Write failures collected from concurrent writers.
final class WriteErrors: @unchecked Sendable {
    private var messages: [String] = []
    private let lock = NSLock()

    func record(_ message: String) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    var first: String? {
        lock.lock()
        defer { lock.unlock() }
        return messages.first
    }
}
