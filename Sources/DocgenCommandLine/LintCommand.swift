import ArgumentParser
import DocgenCore
import DocgenEngine
import DocgenLint
import DocgenMarkup
import Foundation

/// `docgen lint`.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check Markdown for broken links and anchors, missing images, bad directives, missing metadata and draft gaps.",
        discussion: """
        Folders are scanned for .md files; files named explicitly are linted whatever their extension. \
        Cross-file checks (links, anchors, duplicate titles) see every page of the content root. Exit codes: \
        0 when nothing reaches error severity (warnings too with --strict), 1 when something does, 2 on a \
        usage error. Rules are configured in the content root's docgen.yml and with \
        <!-- docgen-disable RULE --> comments; `docgen rules` lists them.

        --fix applies the fixes that are certain (rules marked `fix` in `docgen rules`), writing each file \
        atomically and only if it is unchanged since it was read, then reports what remains; a fix that \
        overlaps one applied before it waits for the next run. --fix --dry-run prints the changes as a \
        unified diff and writes nothing. A file that cannot be written makes the exit code 1.

        Linting a whole content folder keeps its findings in the folder's .docgen-cache/ (which git is \
        told to ignore): run again on the same day with no file changed, docgen lint reports them \
        without linting again, and after edits to pages alone it reads and checks the edited pages \
        only. --no-cache lints everything and neither reads nor writes the cache.

        Examples:
          docgen lint content --strict
          docgen lint drafts/*.txt
          docgen lint content --format sarif > docgen.sarif
          docgen lint content --format github
          docgen lint content --rule truncated-sentence
          docgen lint content --fix --dry-run
          docgen lint content --fix
        """
    )

    @Argument(help: "Folders and files to lint.")
    var paths: [String] = ["content"]

    @Option(name: .shortAndLong, help: "Output format: text, json, sarif or github.")
    var format: String = "text"

    @Flag(help: "Exit 1 on warnings too.")
    var strict = false

    @Option(name: .customLong("rule"), help: "Report only this rule (id or alias, such as DG401 or truncated-sentence); repeat for more.")
    var onlyRules: [String] = []

    @Flag(help: "Apply the fixes that are certain, then report what remains.")
    var fix = false

    @Flag(help: "With --fix: print the fixes as a unified diff and change no file.")
    var dryRun = false

    @Flag(help: "Lint everything; neither read nor write the cache in the content folder's .docgen-cache/.")
    var noCache = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if dryRun, !fix { throw ValidationError("--dry-run shows what --fix would change; use it with --fix") }
        guard OutputFormat(rawValue: format) != nil else {
            throw ValidationError("unknown --format '\(format)'; use text, json, sarif or github")
        }
        for name in onlyRules where RuleRegistry.rule(named: name) == nil {
            throw ValidationError("unknown rule '\(name)'; `docgen rules` lists them")
        }
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("'\(path)' does not exist")
        }
    }

    /// The ids of the rules `--rule` names; nil when it names none (every rule).
    private var namedRuleIDs: Set<String>? {
        onlyRules.isEmpty ? nil : Set(onlyRules.compactMap { RuleRegistry.rule(named: $0)?.metadata.id })
    }

    func run() throws {
        var diagnostics: [Diagnostic] = []
        var fileCount = 0
        // The line the text report shows under each finding, by file and line number: from the
        // pages as loaded, or from the cache, whose entry holds them (the files are what they were).
        var shownLines: [String: Substring] = [:]
        func lineKey(_ file: String, _ line: Int) -> String { file + "\u{0}" + String(line) }
        // Only the text report shows the lines findings are on; the other formats need no file read again.
        let showsLines = OutputFormat(rawValue: format) == .text
        var fixes = FixSummary()
        let today = Date()
        for group in LintTargets.group(paths) {
            let loadStart = Date()
            // Only a whole content root's findings are cached: they are what CI asks for again.
            let cache = noCache || fix || group.files != nil ? nil : RunCache(contentRoot: group.root, shownAs: group.displayPrefix + RunCache.folderName)
            var cacheRun: RunCache.Run?
            var earlier: CachedLint?
            var siteKey: SiteKey?
            if let cache {
                var notes: [String] = []
                let (run, stored, earlierLint, inputs) = CachedLint.begin(in: cache, root: group.root, displayPrefix: group.displayPrefix, today: today, notes: &notes)
                earlier = earlierLint
                siteKey = inputs
                for note in notes where !global.quiet { Console.error("docgen: note: " + note) }
                if let stored {
                    cache.reused(run)
                    diagnostics += stored.diagnostics
                    fileCount += stored.fileCount
                    if showsLines {
                        for (diagnostic, line) in zip(stored.diagnostics, stored.shownLines) {
                            if let line { shownLines[lineKey(diagnostic.file, diagnostic.line)] = Substring(line) }
                        }
                    }
                    if global.verbose {
                        Console.error(String(format: "%@: nothing changed since the last lint; %d pages' findings from the cache in %.2f s", group.root.path, stored.fileCount, Date().timeIntervalSince(loadStart)))
                    }
                    continue
                }
                cacheRun = run
            }
            let timings = global.verbose ? RuleTimings() : nil
            // A whole root is checked page by page as it is read, each tree dropped once checked;
            // --fix and named files are linted on whole trees.
            let compiling = group.files == nil && !fix ? SiteChecks.Compiling(today: today, timings: timings) : nil
            // A whole root linted with the cache reads only the pages edited since the last lint;
            // named files, only themselves and the pages edited since the last whole lint.
            let reusing = siteKey.map { CachedLint.load(root: group.root, displayPrefix: group.displayPrefix, siteKey: $0, earlier: earlier, compiling: compiling) }
                ?? group.files.flatMap { files in noCache || fix ? nil : loadFromCache(named: files, in: group, today: today) }
            var site = reusing?.site
                ?? SiteLoader.load(root: group.root, alsoLoad: group.files ?? [], displayPrefix: group.displayPrefix, compiling: compiling?.pages(of:))
            if fix {
                // --rule limits what is fixed as well as what is reported.
                let before = findings(site, group).filter { namedRuleIDs?.contains($0.ruleID) ?? true }
                let outcomes = LintFixing.apply(before, in: site, root: group.root, write: !dryRun)
                fixes.add(outcomes)
                // A dry run prints only the diff; its exit code is that of these findings.
                if dryRun {
                    diagnostics += before
                    continue
                }
                // The report is of what remains: the root is read again when a file changed.
                if !dryRun, outcomes.contains(where: { $0.applied > 0 }) {
                    site = SiteLoader.load(root: group.root, alsoLoad: group.files ?? [], displayPrefix: group.displayPrefix)
                }
            }
            let lintStart = Date()
            var found: [Diagnostic]
            var byPage: [String: [Diagnostic]] = [:]
            if group.files == nil {
                // The whole root: the configuration files' problems too, page by page for the cache.
                let findings = SiteChecks.check(site, today: today, kept: reusing?.keptDiagnostics ?? [:], engine: compiling?.engine, timings: timings)
                found = findings.all
                byPage = findings.byPage
            } else {
                // Named files are linted on their own; the rest of the root is loaded for cross-page checks.
                found = SiteChecks.engine(for: site).run(LintContext(site: site, today: today), only: group.files.map { Set($0) }, timings: timings)
            }
            if let timings {
                let unread = reusing.map { $0.unreadPages > 0 ? String(format: " (%d not read: the cache stood for them)", $0.unreadPages) : "" } ?? ""
                // A compiling load runs most page rules itself; what is left reads the loaded site.
                let stages = compiling == nil ? "loaded %d pages%@ in %.2f s, linted in %.2f s" : "loaded %d pages%@ and checked each as it was read in %.2f s, checked links and the site in %.2f s"
                Console.error(String(format: "%@: " + stages, group.root.path, site.documents.count, unread, lintStart.timeIntervalSince(loadStart), Date().timeIntervalSince(lintStart)))
                let slowest = timings.slowestFirst.prefix(8).map { String(format: "%@ %.2f s", $0.rule, $0.seconds) }
                Console.error("  slowest rules (time summed over all cores): " + slowest.joined(separator: ", "))
                let mappings = site.files.learnPaths.mappings.map { "\($0.urlPrefix) -> \($0.folder.isEmpty ? "." : $0.folder)" }
                if !mappings.isEmpty { Console.error("  Learn URL paths of this doc set: " + mappings.joined(separator: ", ")) }
            }
            if let files = group.files {
                let wanted = Set(files.map { site.displayPath($0) })
                found = found.filter { wanted.contains($0.file) }
                fileCount += files.count
            } else {
                fileCount += site.documents.count
            }
            diagnostics += found
            // The process ends right after the report: tearing down a large site's trees node
            // by node would only delay the exit, on one core.
            KeptToExit.keep(site)
            guard showsLines || cacheRun != nil else { continue }
            // The files the report shows lines of: the pages as loaded, and the other files read.
            var groupSources: [String: SourceText] = [:]
            let unread = reusing?.unread ?? []
            for document in site.documents where !unread.contains(document.path) { groupSources[site.displayPath(document.path)] = document.source }
            // A file no edit touched shows the lines the last lint kept of it; others are read.
            var earlierLines: [String: String] = [:]
            if let earlier, let reusing, !reusing.unread.isEmpty {
                let edited = Set(reusing.edited.map { site.displayPath($0) })
                for (diagnostic, line) in zip(earlier.diagnostics, earlier.shownLines) where !edited.contains(diagnostic.file) {
                    if let line { earlierLines[lineKey(diagnostic.file, diagnostic.line)] = line }
                }
            }
            var unknown = Set<String>()
            for diagnostic in found where groupSources[diagnostic.file] == nil && earlierLines[lineKey(diagnostic.file, diagnostic.line)] == nil {
                unknown.insert(diagnostic.file)
            }
            for path in unknown {
                let relative = String(path.dropFirst(group.displayPrefix.count))
                if let text = site.files.read(relative)?.text { groupSources[path] = SourceText(text) }
            }
            let lines = found.map { diagnostic in
                groupSources[diagnostic.file].map { $0.line(diagnostic.line) } ?? earlierLines[lineKey(diagnostic.file, diagnostic.line)].map { Substring($0) }
            }
            if let cache, let cacheRun, let siteKey, let reusing {
                let note = cache.finish(cacheRun) {
                    CachedLint(diagnostics: found, shownLines: lines.map { $0.map(String.init) }, loaded: reusing, byPage: byPage, siteKey: siteKey, today: today)
                }
                if let note, !global.quiet { Console.error("docgen: note: " + note) }
            }
            if showsLines {
                for (diagnostic, line) in zip(found, lines) {
                    if let line { shownLines[lineKey(diagnostic.file, diagnostic.line)] = line }
                }
            }
        }
        if let namedRuleIDs { diagnostics = diagnostics.filter { namedRuleIDs.contains($0.ruleID) } }
        diagnostics = Diagnostic.sortedByLocation(diagnostics)
        if fix {
            fixes.report(dryRun: dryRun)
            if dryRun {
                let code = max(DiagnosticSummary(diagnostics).exitCode(strict: strict), fixes.failures.isEmpty ? 0 : 1)
                if code != 0 { throw ExitCode(code) }
                return
            }
        }
        switch OutputFormat(rawValue: format)! {
        case .text:
            // Repeats of one cause, and past 40 listed findings each rule's warnings and notes,
            // are summarised unless -v asks for every finding or --rule names what to list.
            let listAll = global.verbose || !onlyRules.isEmpty
            let report = TextReport(color: Console.useColor(fd: 1), groupRepeatsFrom: listAll ? nil : 10, summariseRulesAbove: listAll ? nil : 40) { file, line in
                shownLines[lineKey(file, line)]
            }
            let text = report.render(diagnostics, fileCount: fileCount)
            Console.out(global.quiet && diagnostics.isEmpty ? "" : text)
        case .json:
            Console.out(JSONReport.render(diagnostics, fileCount: fileCount, toolVersion: Docgen.version))
        case .sarif:
            Console.out(SARIFReport.render(diagnostics, rules: RuleRegistry.all.map { $0.metadata }, toolVersion: Docgen.version))
        case .github:
            Console.out(GitHubReport.render(diagnostics))
        }
        let code = max(DiagnosticSummary(diagnostics).exitCode(strict: strict), fixes.failures.isEmpty ? 0 : 1)
        if code != 0 { throw ExitCode(code) }
    }

    /// For `lint FILE...`: the root loaded with every page the files do not touch standing in from
    /// the last whole lint's cache entry, when there is one whose records allow it; nil otherwise.
    /// Nothing is written: the entry stays the whole lint's.
    private func loadFromCache(named files: [String], in group: LintTargets, today: Date) -> ReusingLoad? {
        let cache = RunCache(contentRoot: group.root, shownAs: group.displayPrefix + RunCache.folderName)
        // The whole lint's entry is kept by how it showed paths: as this run shows them (the
        // folder named from here), or absolute. Its page records are the same either way.
        let shownAs = [group.displayPrefix, group.root.path + "/"]
        guard let prefix = shownAs.first(where: { cache.hasEntry(slot: CachedLint.slot(root: group.root, displayPrefix: $0)) }) else { return nil }
        // An entry that cannot be trusted is the whole lint's to report and replace.
        var notes: [String] = []
        let (_, stored, earlier, siteKey) = CachedLint.begin(in: cache, root: group.root, displayPrefix: prefix, today: today, notes: &notes)
        return CachedLint.load(root: group.root, displayPrefix: group.displayPrefix, siteKey: siteKey, earlier: stored ?? earlier, reading: files)
    }

    /// The group's findings whose fixes --fix applies: those of the files the report lists.
    private func findings(_ site: Site, _ group: LintTargets) -> [Diagnostic] {
        let engine = SiteChecks.engine(for: site)
        var found = engine.run(LintContext(site: site), only: group.files.map { Set($0) })
        if let files = group.files {
            let wanted = Set(files.map { site.displayPath($0) })
            found = found.filter { wanted.contains($0.file) }
        }
        return found
    }
}

/// The command line's paths grouped by content root.
struct LintTargets {
    var root: URL
    var displayPrefix: String
    /// Root-relative files to report on; nil for "every page of the root".
    var files: [String]?

    static func group(_ paths: [String]) -> [LintTargets] {
        var groups: [LintTargets] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                groups.append(LintTargets(root: URL(fileURLWithPath: path), displayPrefix: ContentLocation.displayPrefix(for: path), files: nil))
                continue
            }
            let file = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
            let root = ContentLocation.root(of: file).resolvingSymlinksInPath()
            let relative = String(file.path.dropFirst(root.path.count + 1))
            if let index = groups.firstIndex(where: { $0.root.standardizedFileURL.path == root.path && $0.files != nil }) {
                groups[index].files!.append(relative)
            } else {
                groups.append(LintTargets(root: root, displayPrefix: ContentLocation.relativeDisplay(of: root), files: [relative]))
            }
        }
        return groups
    }
}
