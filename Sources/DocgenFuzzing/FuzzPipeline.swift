import DocgenCore
import DocgenEngine
import DocgenLint
import DocgenRender
import Foundation

/// Loads, lints and renders a content root the way `docgen serve` does (drafts included, each
/// page's findings in its panel), keeping nothing: the fuzz targets run it on every input.
public final class FuzzPipeline {
    /// What one run produced, for the replay test to check.
    public struct Outcome: Sendable {
        /// Every output path with its bytes.
        public var outputs: [String: Data]
        /// Every finding.
        public var diagnostics: [Diagnostic]
    }

    /// The content root the inputs are written into; reused by every run.
    public let root: URL
    private let templates: TemplateSet
    private let templatesFolder: URL
    private var written: Set<String> = []
    /// A fixed day, so that date rules give the same findings on every run.
    static let today = Date(timeIntervalSince1970: 1_780_000_000)

    /// Makes a fresh content root in `workFolder` (default: `/dev/shm` when there is one, else
    /// the temporary folder) and loads `templates`.
    public init(templates: URL, workFolder: URL? = nil) throws {
        let base = workFolder
            ?? (FileManager.default.fileExists(atPath: "/dev/shm") ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory)
        root = base.appendingPathComponent("docgen-fuzz-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        templatesFolder = templates
        self.templates = try TemplateSet(folder: templates)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Writes `files` as the content root (removing what the previous run wrote and this one
    /// does not), then loads, lints and renders it.
    @discardableResult
    public func run(_ files: [String: Data]) throws -> Outcome {
        for path in written.subtracting(files.keys) { try? FileManager.default.removeItem(at: root.appendingPathComponent(path)) }
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        written = Set(files.keys)
        return Self.build(root: root, templates: templates, templatesFolder: templatesFolder)
    }

    /// Loads, lints and renders the content root at `root`.
    static func build(root: URL, templates: TemplateSet, templatesFolder: URL) -> Outcome {
        let site = SiteLoader.load(root: root)
        let diagnostics = SiteChecks.engine(for: site).run(LintContext(site: site, today: today))
        let findings = Dictionary(grouping: diagnostics, by: \.file)
        let options = BuildOptions(
            contentRoot: root, output: root.appendingPathComponent("_site"), templates: templatesFolder, includeDrafts: true, draftChecks: true,
            today: today)
        let collector = OutputCollector()
        _ = SiteRenderer(site: site, templates: templates, options: options).render(findings: findings, liveReload: true) { path, data in
            collector.add(path, data)
        }
        return Outcome(outputs: collector.outputs, diagnostics: diagnostics)
    }
}

/// Outputs collected from the renderer's threads.
private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String: Data] = [:]

    func add(_ path: String, _ data: Data) {
        lock.lock()
        collected[path] = data
        lock.unlock()
    }

    var outputs: [String: Data] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}
