import DocgenRender
import Foundation

/// Finds things on disk the way a user expects from the command line.
enum ContentLocation {
    /// The prefix shown before content paths in diagnostics: the folder as the user typed it.
    static func displayPrefix(for typed: String) -> String {
        if typed == "." || typed == "./" || typed.isEmpty { return "" }
        return typed.hasSuffix("/") ? typed : typed + "/"
    }

    /// The templates folder: `--templates`, else `site-templates/` in the working directory,
    /// else the one beside the docgen checkout the executable was built in.
    static func templates(_ option: String?) -> URL? {
        let manager = FileManager.default
        if let option { return URL(fileURLWithPath: option) }
        let local = URL(fileURLWithPath: "site-templates")
        if manager.fileExists(atPath: local.appendingPathComponent("layout.mustache").path) { return local }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("site-templates")
            if manager.fileExists(atPath: candidate.appendingPathComponent("layout.mustache").path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// The content root a file belongs to: the nearest folder above it with a `docgen.yml`,
    /// `toc.yml` or `docfx.json`, else the file's own folder.
    static func root(of file: URL) -> URL {
        let manager = FileManager.default
        var folder = file.deletingLastPathComponent().standardizedFileURL
        let start = folder
        while folder.path != "/" {
            for marker in ["docgen.yml", "docfx.json"] where manager.fileExists(atPath: folder.appendingPathComponent(marker).path) {
                return folder
            }
            folder = folder.deletingLastPathComponent()
        }
        return start
    }
}

extension ContentLocation {
    /// `folder` as a path relative to the working directory, with a trailing slash ("" for it).
    static func relativeDisplay(of folder: URL) -> String {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let target = folder.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < cwd.count, common < target.count, cwd[common] == target[common] { common += 1 }
        let parts = Array(repeating: "..", count: cwd.count - common) + target[common...]
        return parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
    }
}
