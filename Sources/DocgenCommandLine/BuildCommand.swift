import ArgumentParser
import DocgenCore
import DocgenEngine
import DocgenRender
import Foundation

/// `docgen build`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the content folder into a static site.",
        discussion: """
        Findings are printed as file:line:col: severity: message [rule]. A finding in one page never stops \
        the others: the site is written, and the exit code says what was found (1 for errors, or warnings \
        with --strict; 2 when the build could not run). The site is written beside the output folder first \
        and swapped in at the end, so a failed or interrupted build leaves the previous site intact.

        The build checks what breaks a published page: links, anchors, images, directives, includes, \
        metadata and headings. The draft checks (truncated sentences, repeated words, draft markers, \
        half-filled tables, ...) belong to docgen lint; --all-checks runs them in the build too.

        A build whose content, templates and options are those of the last build, and whose output \
        nobody changed since, repeats that build's findings and leaves the site as it is. After edits \
        to pages alone, it reads, checks and renders the edited pages, and keeps every other page's \
        findings and HTML. The cache is .docgen-cache/ in the content folder, which git is told to \
        ignore. --no-cache does the whole build and neither reads nor writes the cache.

        Examples:
          docgen build
          docgen build docs --output public --base-url https://example.com/docs/ --strict
        """
    )

    @Argument(help: "The content folder.")
    var content = "content"

    @Option(name: .shortAndLong, help: "Where to write the site.")
    var output = "_site"

    @Option(help: "The templates folder (default: site-templates/).")
    var templates: String?

    @Option(name: .customLong("base-url"), help: "Absolute URL the site is published at, for canonical links and sitemap.xml.")
    var baseURL = ""

    @Flag(help: "Exit 1 on warnings too.")
    var strict = false

    @Flag(help: "Publish pages marked draft: true.")
    var drafts = false

    @Flag(help: "Also run docgen lint's draft checks (tagged 'drafts' in docgen rules).")
    var allChecks = false

    @Flag(help: "Do the whole build; neither read nor write the cache in the content folder's .docgen-cache/.")
    var noCache = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("content folder '\(content)' does not exist; pass the folder that holds your Markdown")
        }
        if !baseURL.isEmpty, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            throw ValidationError("--base-url must be an absolute http(s) URL such as https://example.com/docs/")
        }
    }

    func run() throws {
        guard let templateFolder = ContentLocation.templates(templates) else {
            Console.error("docgen: error: no site-templates/ folder found; pass --templates DIR")
            throw ExitCode(2)
        }
        let options = BuildOptions(
            contentRoot: URL(fileURLWithPath: content), output: URL(fileURLWithPath: output), templates: templateFolder,
            baseURL: baseURL, includeDrafts: drafts, draftChecks: allChecks)
        let report: SiteBuilder.Report
        let displayPrefix = ContentLocation.displayPrefix(for: content)
        let cache = noCache ? nil : RunCache(contentRoot: URL(fileURLWithPath: content), shownAs: displayPrefix + RunCache.folderName)
        do {
            report = try SiteBuilder.build(options, displayPrefix: displayPrefix, cache: cache)
        } catch {
            Console.error("docgen: error: \(error.description)")
            throw ExitCode(2)
        }
        // The process ends after the report: the site the build worked with is left to the exit
        // rather than freed on one core.
        KeptToExit.keep(report)
        for note in report.cacheNotes where !global.quiet { Console.error("docgen: note: " + note) }
        Console.error(lines: report.diagnostics.lazy.map(\.formatted))
        let summary = DiagnosticSummary(report.diagnostics)
        if !global.quiet, report.fromCache {
            let seconds = String(format: "%.2f", report.seconds)
            Console.error("Nothing changed since the last build of \(report.pages) pages into \(output)/ (checked in \(seconds) s; --no-cache builds again): \(summary.errors) errors, \(summary.warnings) warnings.")
        } else if !global.quiet {
            let seconds = String(format: "%.2f", report.seconds)
            let kept = report.keptPages > 0 ? " (\(report.keptPages) unchanged, kept from the last build)" : ""
            Console.error("Built \(report.pages) pages\(kept), \(report.generatedPages) generated pages and \(report.assets) assets into \(output)/ in \(seconds) s: \(summary.errors) errors, \(summary.warnings) warnings\(allChecks ? "" : " (draft checks: docgen lint, or build --all-checks)").")
        }
        if global.verbose {
            Console.error("Phases: " + report.phases.map { String(format: "%@ %.2f s", $0.name, $0.seconds) }.joined(separator: ", ") + "; \(report.unchangedFiles) files already up to date" + (report.unreadPages > 0 ? ", \(report.unreadPages) pages not read (the cache stood for them)." : "."))
        }
        let code = summary.exitCode(strict: strict)
        if code != 0 { throw ExitCode(code) }
    }
}
