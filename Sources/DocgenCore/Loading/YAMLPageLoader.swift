/// Finds the YAML pages of a content root and reads them; a file that does not parse, or a
/// YamlMime type docgen does not build, is a problem with its file and line, never dropped silently.
enum YAMLPageLoader {
    /// The pages, sorted by path, and the problems: one per file that does not parse, and one per
    /// unsupported YamlMime type (at its first file, counting the others).
    /// Zone pivot groups (`YamlMime:ZonePivotGroups`) are read on the way, by id; a group defined
    /// twice keeps its first definition, by path.
    static func load(files: ContentFiles) -> (pages: [YAMLPage], problems: [DocumentProblem], pivotGroups: ZonePivotGroupFiles) {
        var pages: [YAMLPage] = []
        var pivotGroups = ZonePivotGroupFiles()
        var problems: [DocumentProblem] = []
        var unsupported: [String: [String]] = [:]
        let candidates = files.paths.filter { path in
            guard RelativePath.hasSuffix(path, ignoringCase: ".yml") || RelativePath.hasSuffix(path, ignoringCase: ".yaml") else { return false }
            let parts = path.lowercased().split(separator: "/")
            return !TableOfContents.isTOCFileName(String(parts.last ?? ""))
                && !parts.dropLast().contains { SiteLoader.nonPageFolders.contains(String($0)) }
        }.sorted()
        // Read and parsed on all cores, then taken in path order.
        let read = SiteLoader.parallelMap(candidates) { path -> (mime: String, parsed: Result<YAMLValue, YAMLReader.Failure>?)? in
            guard let text = files.read(path)?.text, let mime = YAMLPage.mimeType(in: text) else { return nil }
            guard mime == "ZonePivotGroups" || YAMLPage.Kind(rawValue: mime) != nil else { return (mime, nil) }
            return (mime, Result { () throws(YAMLReader.Failure) in try YAMLReader.read(text) })
        }
        for (path, file) in zip(candidates, read) {
            guard let (mime, parsed) = file else { continue }
            if mime == "ZonePivotGroups", let parsed {
                do {
                    for group in ZonePivotGroup.groups(in: try parsed.get()) { pivotGroups.add(group, definedIn: path) }
                } catch {
                    problems.append(DocumentProblem(.invalidYAML, "\(path) is \(error.message); its zone pivot groups are not read.", path: path, at: .init(line: error.line, column: error.column)))
                }
                continue
            }
            guard let kind = YAMLPage.Kind(rawValue: mime), let parsed else {
                if !YAMLPage.configurationTypes.contains(mime) { unsupported[mime, default: []].append(path) }
                continue
            }
            do {
                let content = try parsed.get()
                guard case .map = content else {
                    problems.append(DocumentProblem(.invalidYAML, "\(path) is a YamlMime:\(mime) page but holds no YAML mapping; write its keys (title, summary, ...) below the first line.", path: path, at: .init(line: 1, column: 1)))
                    continue
                }
                pages.append(YAMLPage(path: path, kind: kind, content: content))
            } catch {
                problems.append(DocumentProblem(.invalidYAML, "\(path) is \(error.message); the page is not built.", path: path, at: .init(line: error.line, column: error.column)))
            }
        }
        for (mime, paths) in unsupported.sorted(by: { $0.key < $1.key }) {
            let others = paths.count > 1 ? " (and \(paths.count - 1) other file\(paths.count == 2 ? "" : "s"))" : ""
            problems.append(DocumentProblem(
                .unsupportedPage, "YamlMime:\(mime) pages are not built by docgen\(others); only Landing, Hub and FAQ pages are. Links to them stay as written.",
                path: paths[0], at: .init(line: 1, column: 1), isError: false))
        }
        return (pages, problems, pivotGroups)
    }
}
