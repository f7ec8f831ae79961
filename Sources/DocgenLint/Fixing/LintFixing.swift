import DocgenCore
import DocgenMarkup
import Foundation

/// `docgen lint --fix`: the fixes of a site's diagnostics applied file by file.
public enum LintFixing {
    /// Applies (with `write`, else only diffs) the fixes of `diagnostics`, found in `site` loaded
    /// from `root`. Only files of the content root are written, through their real path when
    /// it is inside the root.
    public static func apply(_ diagnostics: [Diagnostic], in site: Site, root: URL, write: Bool) -> [FileFixer.Outcome] {
        var byFile: [String: [Diagnostic]] = [:]
        var order: [String] = []
        for diagnostic in diagnostics where !diagnostic.fixes.isEmpty {
            if byFile[diagnostic.file] == nil { order.append(diagnostic.file) }
            byFile[diagnostic.file, default: []].append(diagnostic)
        }
        let realRoot = root.standardizedFileURL.resolvingSymlinksInPath().path
        return order.map { file in
            let relative = file.hasPrefix(site.displayPrefix) ? String(file.dropFirst(site.displayPrefix.count)) : file
            let real = site.files.url(relative).standardizedFileURL.resolvingSymlinksInPath()
            guard site.files.contains(relative), real.path.hasPrefix(realRoot + "/") else {
                var outcome = FileFixer.Outcome(file: file)
                outcome.failure = "\(file): is not a file of the content root \(root.path); its fixes were not applied."
                return outcome
            }
            let linted = site.document(at: relative)?.source ?? site.files.read(relative).map { SourceText($0.text) }
            return FileFixer(file: file, url: real).fix(byFile[file]!, linted: linted, write: write)
        }
    }
}
