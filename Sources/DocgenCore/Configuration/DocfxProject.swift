import Foundation

/// The Learn publishing configuration around a content root, read as Learn's build reads it:
/// every `docfx.json` (at the root, in the nearest folder above it, or in folders below it, such
/// as `docs/docfx.json` when the repository root is linted), the repository's
/// `.openpublishing.publish.config.json` (dependent repositories) and its
/// `.openpublishing.redirection*.json` files (redirected source paths; ``RedirectMap`` resolves them).
///
/// Paths given to and returned by this type are content-root-relative.
public struct DocfxProject: Sendable {
    /// One `docfx.json`: a doc set.
    public struct Docset: Sendable {
        /// Where the doc set's folder is relative to the content root.
        public let scope: FolderScope
        /// Its global and file metadata.
        public let metadata: DocfxMetadata
    }

    /// A dependent repository of `.openpublishing.publish.config.json` that is not checked out.
    public struct DependentRepository: Sendable, Hashable {
        /// `path_to_root`, the folder the repository is checked out to.
        public let name: String
        /// Its Git URL.
        public let url: String
        /// The content-root-relative folder it would occupy.
        public let folder: String
    }

    /// The doc sets, deepest folder first.
    public let docsets: [Docset]
    /// Dependent repositories not checked out in the repository.
    public let missingRepositories: [DependentRepository]
    /// The entries of every `.openpublishing.redirection*.json`, in file order.
    public let redirections: [Redirection]
    /// Problems reading the configuration files (not valid JSON), redirection files excepted.
    public let problems: [DocumentProblem]
    /// Redirection files that could not be read (not valid JSON, no `redirections` list), at
    /// the line where reading stopped.
    public let redirectionProblems: [DocumentProblem]
    /// Whether a `.openpublishing.publish.config.json` was found (inside the root or above it).
    public let hasPublishConfig: Bool
    /// Every folder that holds a file, content-root-relative and lower-cased.
    private let folders: Set<String>
    /// `build.content` source folders with no file in the checkout (content-root-relative,
    /// lower-cased): generated at build time, such as reference pages made from code.
    public let unavailableSources: [String]

    /// No configuration.
    public init() {
        docsets = []
        missingRepositories = []
        redirections = []
        problems = []
        redirectionProblems = []
        unavailableSources = []
        hasPublishConfig = false
        folders = []
    }

    /// Reads the configuration that applies to the content root of `files`.
    public init(files: ContentFiles) {
        var problems: [DocumentProblem] = []
        var docsets: [Docset] = []
        func load(_ url: URL, scope: FolderScope, shownAs path: String) {
            guard let data = try? Data(contentsOf: url) else { return }
            if let metadata = DocfxMetadata(json: data) {
                docsets.append(Docset(scope: scope, metadata: metadata))
            } else {
                problems.append(DocumentProblem(.invalidYAML, "docfx.json is not valid JSON; its metadata, groups and content globs are ignored.", path: path, at: .init(line: 1, column: 1), isError: false))
            }
        }
        for path in files.paths where path == "docfx.json" || path.hasSuffix("/docfx.json") {
            let folder = RelativePath.directory(of: path)
            load(files.url(path), scope: FolderScope(folder: folder, prefix: ""), shownAs: path)
        }
        if !files.contains("docfx.json"), let above = Self.nearestAbove(files.root, containing: "docfx.json") {
            load(above.folder.appendingPathComponent("docfx.json"), scope: FolderScope(folder: "", prefix: above.prefix), shownAs: "docfx.json")
        }
        self.docsets = docsets.sorted { $0.scope.folder.count > $1.scope.folder.count }
        let folders: Set<String> = Set(files.paths.flatMap { path in
            // Every folder that holds a file, lower-cased.
            var result: [String] = []
            var folder = RelativePath.directory(of: path).lowercased()
            while !folder.isEmpty { result.append(folder); folder = RelativePath.directory(of: folder) }
            return result
        })
        self.folders = folders
        unavailableSources = docsets.flatMap { docset in
            docset.metadata.contentSources.compactMap { source in
                guard let local = RelativePath.join("", source).flatMap({ docset.scope.prefix.isEmpty ? RelativePath.join(docset.scope.folder, $0) : docset.scope.local($0) }) else { return nil }
                return folders.contains(local.lowercased()) ? nil : local.lowercased()
            }
        }

        // The repository: where .openpublishing.publish.config.json is, inside the root or above.
        let publishName = ".openpublishing.publish.config.json"
        var repository: FolderScope?
        var publishURL: URL?
        if let inside = files.configurationFiles.filter({ $0 == publishName || $0.hasSuffix("/" + publishName) }).min(by: { $0.count < $1.count }) {
            repository = FolderScope(folder: RelativePath.directory(of: inside), prefix: "")
            publishURL = files.url(inside)
        } else if let above = Self.nearestAbove(files.root, containing: publishName) {
            repository = FolderScope(folder: "", prefix: above.prefix)
            publishURL = above.folder.appendingPathComponent(publishName)
        }
        hasPublishConfig = publishURL != nil
        var missing: [DependentRepository] = []
        if let repository, let publishURL, let data = try? Data(contentsOf: publishURL) {
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            for entry in object?["dependent_repositories"] as? [[String: Any]] ?? [] {
                guard let name = (entry["path_to_root"] as? String)?.trimmingCharacters(in: CharacterSet(charactersIn: "/")), !name.isEmpty,
                      let folder = repository.local(name) else { continue }
                let checkedOut = files.paths.contains { $0.hasPrefix(folder + "/") }
                if !checkedOut { missing.append(DependentRepository(name: name, url: entry["url"] as? String ?? "", folder: folder)) }
            }
        }
        missingRepositories = missing

        var redirections: [Redirection] = []
        var redirectionProblems: [DocumentProblem] = []
        // (file URL, path shown, content-root-relative folder of the file or nil when above the root)
        var redirectionFiles: [(URL, String, String?)] = files.configurationFiles
            .filter { ($0.split(separator: "/").last ?? "").hasPrefix(".openpublishing.redirection") && $0.hasSuffix(".json") }
            .map { (files.url($0), $0, RelativePath.directory(of: $0)) }
        if repository?.prefix.isEmpty == false, let above = Self.nearestAbove(files.root, containing: publishName),
           let names = try? FileManager.default.contentsOfDirectory(atPath: above.folder.path) {
            // Linting a folder inside the repository: the redirection files at its top level apply.
            redirectionFiles += names.filter { $0.hasPrefix(".openpublishing.redirection") && $0.hasSuffix(".json") }.sorted().map { (above.folder.appendingPathComponent($0), $0, nil) }
        }
        let scope = repository ?? FolderScope(folder: "", prefix: "")
        for (url, shownAs, folder) in redirectionFiles {
            guard let data = try? Data(contentsOf: url) else { continue }
            switch RedirectionFile.read(data, shownAs: shownAs) {
            case .unreadable(let problem):
                redirectionProblems.append(problem)
            case .entries(let entries):
                for entry in entries {
                    let written = entry.source.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
                    // source_path_from_root is the repository's; source_path is relative to the
                    // file's own folder (for a file above the root, the repository's).
                    let source = entry.isFromRoot || folder == nil ? scope.local(written) : RelativePath.join(folder!, written)
                    guard let source, !source.isEmpty else { continue }
                    redirections.append(Redirection(source: source, url: entry.url, file: shownAs, position: entry.position))
                }
            }
        }
        self.redirections = redirections
        self.redirectionProblems = redirectionProblems
        self.problems = problems
    }

    /// The doc set a page belongs to: the deepest `docfx.json` folder that holds it.
    public func docset(of path: String) -> Docset? {
        docsets.first { $0.scope.relative(path) != nil }
    }

    /// Whether a docfx.json content entry publishes the page at `path` (always, without
    /// docfx.json; never, for a page outside every doc set when there are doc sets).
    public func publishes(_ path: String) -> Bool {
        guard !docsets.isEmpty else { return true }
        guard let docset = docset(of: path), let inside = docset.scope.relative(path) else { return false }
        return docset.metadata.publishes(inside)
    }

    /// The metadata the page at `path` inherits from its doc set.
    public func inheritedEntries(for path: String) -> [YAMLEntry] {
        guard let docset = docset(of: path), let inside = docset.scope.relative(path) else { return [] }
        return docset.metadata.entries(for: inside)
    }

    /// The doc set and version group that publish the page at `path`, as one key: pages with
    /// different keys are published apart (another doc set, or another version of it).
    public func publicationKey(of path: String) -> String {
        guard let docset = docset(of: path), let inside = docset.scope.relative(path) else { return "" }
        return docset.scope.folder + "\u{0}" + (docset.metadata.group(of: inside) ?? "")
    }

    /// The folder `~/` stands for in the file at `path`: its doc set's folder, else the root.
    public func tildeScope(of path: String) -> FolderScope {
        docset(of: path)?.scope ?? FolderScope(folder: "", prefix: "")
    }

    /// The content-root-relative path of `rest` in `~/rest`, written in the file at `path`: `~`
    /// is the doc set's folder (the `docfx.json` one), else the content root. Nil when it leads
    /// out of the content root.
    public func resolveTilde(_ rest: String, from path: String) -> String? {
        let scope = tildeScope(of: path)
        if scope.prefix.isEmpty { return RelativePath.join(scope.folder, rest) }
        return RelativePath.join("", scope.prefix + rest).flatMap { scope.local($0) }
    }

    /// The dependent repository, not checked out, that the content-root-relative `path` is in.
    public func missingRepository(containing path: String) -> DependentRepository? {
        missingRepositories.first { path.hasPrefix($0.folder + "/") || path == $0.folder }
    }

    /// Whether `path` is in a `build.content` folder that is not in the checkout.
    public func isInUnavailableSource(_ path: String) -> Bool {
        let lower = path.lowercased()
        return unavailableSources.contains { lower.hasPrefix($0 + "/") }
    }

    /// Without a `.openpublishing.publish.config.json` to say which repositories the doc set
    /// depends on, the top folder of a `~/` path (resolved to `path`) that the checkout does not
    /// have at all, taken as a dependent repository that is not checked out: a Learn repository
    /// linted without its publishing configuration (a copy of its doc set folder).
    public func unknownRepository(forTildePath path: String) -> DependentRepository? {
        guard !hasPublishConfig, let first = path.split(separator: "/").first, path.contains("/"),
              !folders.contains(first.lowercased()) else { return nil }
        return DependentRepository(name: String(first), url: "", folder: String(first))
    }

    /// The nearest folder strictly above `root` that holds `name`, and the root's path inside
    /// it ("articles/").
    static func nearestAbove(_ root: URL, containing name: String) -> (folder: URL, prefix: String)? {
        var folder = root.standardizedFileURL
        var prefix = ""
        while folder.path != "/" {
            prefix = folder.lastPathComponent + "/" + prefix
            folder = folder.deletingLastPathComponent()
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) { return (folder, prefix) }
            // A repository's configuration is never above its Git folder.
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) { return nil }
        }
        return nil
    }
}

/// A folder a configuration file speaks for, relative to the content root: either a folder inside
/// it (`folder`, with an empty `prefix`), or a folder above it, inside which the content root is
/// at `prefix` ("articles/").
public struct FolderScope: Sendable, Hashable {
    /// The content-root-relative folder ("" for the root itself), with no trailing slash.
    public let folder: String
    /// The content root's path inside a folder above it, with a trailing slash, else "".
    public let prefix: String

    /// A scope.
    public init(folder: String, prefix: String) {
        self.folder = folder
        self.prefix = prefix
    }

    /// `path` (content-root-relative) relative to the scope's folder; nil when the scope does
    /// not hold it.
    public func relative(_ path: String) -> String? {
        if folder.isEmpty { return prefix + path }
        return path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : nil
    }

    /// The content-root-relative path of `path` written relative to the scope's folder; nil
    /// when it is outside the content root.
    public func local(_ path: String) -> String? {
        if !prefix.isEmpty {
            guard path.hasPrefix(prefix) else { return nil }
            return String(path.dropFirst(prefix.count))
        }
        return folder.isEmpty ? path : folder + "/" + path
    }
}
