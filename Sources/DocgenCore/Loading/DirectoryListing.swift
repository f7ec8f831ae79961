import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lists the files under a folder with `readdir`, which reports each entry's type, instead of
/// Foundation's enumerator, which asks the file system once more per entry: listing a large doc
/// set is the one part of loading that runs on a single core.
public enum DirectoryListing {
    /// The file `docgen build` leaves at the top of every site it writes. A folder below the
    /// listed root that holds it is a built site, not content: its files are never listed for
    /// loading or for the cache's fingerprint, so building into a folder inside the content root
    /// changes neither what is loaded nor the key of the next run.
    public static let builtSiteMarker = ".docgen-site"

    /// Root-relative paths of the regular files under `root` (absolute, symbolic links resolved).
    /// Hidden entries (names starting with `.`) are skipped; a symbolic link counts when it leads
    /// to a regular file inside the root, and symbolic links to folders are not followed.
    static func regularFiles(under root: String) -> [String] {
        regularFiles(under: root, hiddenConfiguration: { _ in false }).files
    }

    /// ``regularFiles(under:)``, and apart from them the hidden regular files whose name
    /// `hiddenConfiguration` accepts (`.openpublishing.redirection.json`, `.markdownlint.json`),
    /// found in the same pass. Hidden folders are still skipped.
    static func regularFiles(under root: String, hiddenConfiguration: (String) -> Bool) -> (files: [String], hidden: [String]) {
        var found: [String] = []
        var hidden: [String] = []
        walk(under: root, includeHidden: false, skipBuiltSites: true, alsoVisit: hiddenConfiguration) { root, relative, kind in
            let isHidden = relative.split(separator: "/").last?.hasPrefix(".") == true
            switch kind {
            case .file where isHidden: hidden.append(relative)
            case .file: found.append(relative)
            case .link where !isHidden: if isFileInside(root, link: root + "/" + relative) { found.append(relative) }
            case .link, .folder, .other: break
            }
        }
        return (found, hidden)
    }

    /// Root-relative paths of everything under `root`, hidden entries included: its folders, and
    /// the rest (files, symbolic links, which are not followed) as files. For sweeping a folder
    /// docgen wrote, where each entry is either kept or deleted.
    public static func allEntries(under root: String) -> (files: [String], folders: [String]) {
        var files: [String] = []
        var folders: [String] = []
        walk(under: root, includeHidden: true) { _, relative, kind in
            if kind == .folder { folders.append(relative) } else { files.append(relative) }
        }
        return (files, folders)
    }

    /// Root-relative paths of every regular file under `root` that loading could read, hidden files
    /// included, of its symbolic links (which loading resolves only to files inside the root), and
    /// of its folders. Hidden folders (`.git`, docgen's own `.docgen-cache`) are skipped, as loading
    /// skips them, unless `includingHiddenFolders` (for the templates, whose `assets/` is copied whole).
    public static func inputEntries(under root: String, includingHiddenFolders: Bool = false) -> (files: [String], links: [String], folders: [String]) {
        var files: [String] = []
        var links: [String] = []
        var folders: [String] = []
        func record(_: String, _ relative: String, _ kind: Kind) {
            switch kind {
            case .file: files.append(relative)
            case .link: links.append(relative)
            case .folder: folders.append(relative)
            case .other: break
            }
        }
        walk(under: root, includeHidden: includingHiddenFolders, skipBuiltSites: true, alsoVisit: { _ in true }, record)
        return (files, links, folders)
    }

    /// Calls `body` with `root` (without a trailing slash), the root-relative path and the kind of
    /// every entry under `root`, descending into folders but not into symbolic links to them, nor,
    /// with `skipBuiltSites`, into a folder below the root that holds ``builtSiteMarker``.
    private static func walk(
        under root: String, includeHidden: Bool, skipBuiltSites: Bool = false, alsoVisit: (String) -> Bool = { _ in false },
        _ body: (String, String, Kind) -> Void
    ) {
        let root = root.hasSuffix("/") ? String(root.dropLast()) : root
        var pending: [String] = [""]
        while let folder = pending.popLast() {
            guard let directory = opendir(folder.isEmpty ? root : root + "/" + folder) else { continue }
            // The folder's entries are read whole first: a built site is known by a file among them.
            var entries: [(name: String, type: UInt8)] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                entries.append((name, entry.pointee.d_type))
            }
            closedir(directory)
            if skipBuiltSites, !folder.isEmpty, entries.contains(where: { $0.name == builtSiteMarker }) { continue }
            for (name, type) in entries {
                guard name != ".", name != "..", includeHidden || !name.hasPrefix(".") || alsoVisit(name) else { continue }
                let relative = folder.isEmpty ? name : folder + "/" + name
                let kind = kind(of: type, at: root + "/" + relative)
                if !includeHidden, name.hasPrefix("."), kind != .file { continue }
                if kind == .folder { pending.append(relative) }
                body(root, relative, kind)
            }
        }
    }

    private enum Kind { case file, folder, link, other }

    private static func kind(of type: UInt8, at path: String) -> Kind {
        switch Int32(type) {
        case Int32(DT_REG): return .file
        case Int32(DT_DIR): return .folder
        case Int32(DT_LNK): return .link
        case Int32(DT_UNKNOWN):
            // Some file systems do not fill in the type.
            var status = stat()
            guard lstat(path, &status) == 0 else { return .other }
            switch status.st_mode & S_IFMT {
            case S_IFREG: return .file
            case S_IFDIR: return .folder
            case S_IFLNK: return .link
            default: return .other
            }
        default: return .other
        }
    }

    private static func isFileInside(_ root: String, link: String) -> Bool {
        let target = URL(fileURLWithPath: link).resolvingSymlinksInPath().path
        guard target.hasPrefix(root + "/") else { return false }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
