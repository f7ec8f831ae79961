// docgen-bench: measures `docgen build` and `docgen lint` on a corpus and prints pages per
// second and peak memory. Make a corpus first:
//
//     python3 scripts/generate-corpus.py 10000 bench-corpus
//     swift run -c release docgen-bench bench-corpus
//
// Each phase runs `--runs` times (default 3); the best run is reported, as timings on a shared
// machine only ever get slower. Peak memory is the process's maximum resident set size.
import DocgenCore
import DocgenEngine
import DocgenMarkup
import DocgenLint
import DocgenRender
import Foundation

func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(0, &usage) // RUSAGE_SELF
    return Double(usage.ru_maxrss) / 1024
}

func best(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var fastest = Double.infinity
    for _ in 0..<runs {
        let start = DispatchTime.now()
        try body()
        fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
    }
    return fastest
}

let arguments = CommandLine.arguments.dropFirst()
guard let corpus = arguments.first(where: { !$0.hasPrefix("--") }) else {
    print("usage: docgen-bench CORPUS [--runs N] [--templates DIR] [--output DIR]")
    exit(2)
}
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), arguments.index(after: index) < arguments.endIndex else { return nil }
    return arguments[arguments.index(after: index)]
}
let runs = Int(option("--runs") ?? "3") ?? 3
let templates = URL(fileURLWithPath: option("--templates") ?? "site-templates")
let output = URL(fileURLWithPath: option("--output") ?? NSTemporaryDirectory() + "docgen-bench-site")
let root = URL(fileURLWithPath: corpus)

if arguments.contains("--phases") {
    // Where loading spends its time, one phase at a time over every page, on one core.
    let files = ContentFiles(root: root)
    let paths = SiteLoader.pages(in: files)
    var texts: [String] = []
    let read = best(1) { texts = paths.compactMap { files.read($0)?.text } }
    var splits: [FrontMatterSplit] = []
    let split = best(1) { splits = texts.map { FrontMatterSplit($0) } }
    let yaml = best(1) { for s in splits { _ = try? YAMLReader.read(s.yaml ?? "") } }
    let parse = best(1) { for s in splits { _ = MarkdownParser.parse(s.body) } }
    let loader = DocumentLoader(files: files)
    let load = best(1) { for path in paths { _ = loader.load(path) } }
    let lines = best(1) { for t in texts { _ = SourceText(t) } }
    print(String(format: "%d pages: read %.3f s, split %.3f s, yaml %.3f s, markdown %.3f s, source lines %.3f s, whole load %.3f s", paths.count, read, split, yaml, parse, lines, load))
    exit(0)
}
if let saved = option("--save") {
    // What `serve` does on a save of one page, stage by stage, after loading and linting the site.
    var site = SiteLoader.load(root: root)
    let engine = LintEngine(configuration: LintConfiguration(site.configuration.lint))
    var lint = SiteLintResults(engine: engine, context: LintContext(site: site))
    guard let old = site.document(at: saved) else {
        print("\(saved) is not a page of \(corpus)")
        exit(2)
    }
    func milliseconds(_ work: () -> Void) -> Double { best(1, work) * 1000 }
    var reloaded = old
    let load = milliseconds { reloaded = DocumentLoader(files: site.files, docfx: site.docfx).load(saved) }
    site.replace(reloaded)
    var relinted: [Document] = []
    let select = milliseconds { relinted = SiteLintResults.pagesToRelint(changed: [(old, reloaded)], in: site) }
    let context = LintContext(site: site)
    let pageRules = milliseconds { _ = engine.pageDiagnostics(relinted, in: context) }
    let timings = RuleTimings()
    let siteRules = milliseconds { _ = engine.siteDiagnostics(context, timings: timings) }
    let relint = milliseconds {
        lint.relint(relinted, engine: engine, context: context, suppressionsChanged: Suppressions.appear(in: old.source) || Suppressions.appear(in: reloaded.source))
    }
    let templateSet = try TemplateSet(folder: templates)
    let options = BuildOptions(contentRoot: root, output: output, templates: templates, includeDrafts: true)
    var outputs: SiteOutputs?
    let prepare = milliseconds { outputs = SiteOutputs(site: site, templates: templateSet, options: options, liveReload: true) }
    // Again, as serve does after a save that changes a heading: what pages keep in their memo is not made again.
    let prepareAgain = milliseconds { outputs = SiteOutputs(site: site, templates: templateSet, options: options, liveReload: true) }
    var kept: SiteOutputs?
    let keep = milliseconds { kept = outputs?.updated(site: site, findings: { _ in [] }) }
    let render = milliseconds { _ = kept?.render(reloaded.outputPath) }
    print("corpus: \(corpus) (\(site.documents.count) pages), a save of \(saved), one run")
    print(String(format: "load the page %.1f ms; choose pages to lint %.1f ms (%d); their page rules %.1f ms; site rules %.1f ms", load, select, relinted.count, pageRules, siteRules))
    print("  site rules: " + timings.slowestFirst.map { String(format: "%@ %.1f ms", $0.rule, $0.seconds * 1000) }.joined(separator: ", "))
    print(String(format: "re-lint and combine %.1f ms; prepare the site's structure %.1f ms (again %.1f ms), or keep it %.1f ms; render the page %.1f ms", relint, prepare, prepareAgain, keep, render))
    exit(0)
}
var pageCount = 0
let loadSeconds = best(runs) { pageCount = SiteLoader.load(root: root).documents.count }
let site = SiteLoader.load(root: root)
var findings = 0
let lintSeconds = best(runs) {
    findings = LintEngine(configuration: LintConfiguration(site.configuration.lint)).run(LintContext(site: site)).count
}
var report: SiteBuilder.Report?
let buildSeconds = try best(runs) {
    report = try SiteBuilder.build(BuildOptions(contentRoot: root, output: output, templates: templates))
}
try? FileManager.default.removeItem(at: output)
// The build keeps the site it replaced beside the output, for the next build to reuse.
try? FileManager.default.removeItem(at: output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).docgen-previous"))

print("corpus: \(corpus) (\(pageCount) pages), best of \(runs) runs on \(ProcessInfo.processInfo.activeProcessorCount) cores")
print(String(format: "load (read + parse + includes): %7.3f s  %8.0f pages/s", loadSeconds, Double(pageCount) / loadSeconds))
print(String(format: "lint (load + all rules):        %7.3f s  %8.0f files/s  (%d findings)", loadSeconds + lintSeconds, Double(pageCount) / (loadSeconds + lintSeconds), findings))
print(String(format: "build (load, lint, render, write, swap): %7.3f s  %8.0f pages/s  (%d pages + %d generated)", buildSeconds, Double(pageCount) / buildSeconds, report?.pages ?? 0, report?.generatedPages ?? 0))
print(String(format: "peak memory: %.0f MiB", peakMemoryMiB()))
