import Foundation

/// Everything a run of docgen reads, reduced to one ``StableHash``: when the fingerprint is the
/// same, the run's findings and output are the same, so a cached result can stand in for it.
public enum InputFingerprint {
    /// The names docgen looks for in the folders above a content root (`DocfxProject`,
    /// `MarkdownlintSettings`).
    static func isConfigurationAbove(_ name: String) -> Bool {
        name == "docfx.json" || (name.hasPrefix(".openpublishing.") && name.hasSuffix(".json")) || name.hasPrefix(".markdownlint")
    }

    /// The hash of every file under `contentRoot` that loading could read (path and bytes, hidden
    /// files included), of where its symbolic links lead and what they lead to, and of the
    /// configuration files docgen reads in the folders above it, up to the repository's top.
    public static func of(contentRoot: URL) -> String {
        let root = contentRoot.standardizedFileURL.resolvingSymlinksInPath()
        let entries = DirectoryListing.inputEntries(under: root.path)
        var hash = StableHash()
        hash.add(folderHash(root, files: entries.files, links: entries.links, readsOutside: false))
        var folder = root.deletingLastPathComponent()
        while true {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            for name in names where isConfigurationAbove(name) {
                hash.add("above:" + folder.path + "/" + name)
                hash.add(fileHash(folder.appendingPathComponent(name).path))
            }
            // docgen's configuration search stops at the repository's top.
            if names.contains(".git") || folder.path == "/" { break }
            folder = folder.deletingLastPathComponent()
        }
        return hash.hex
    }

    /// The hash of every entry under `folder`, hidden ones included, with what its symbolic links
    /// lead to: for the templates folder, whose `assets/` is copied whole.
    public static func of(folder: URL) -> String {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath()
        let entries = DirectoryListing.allEntries(under: root.path)
        var hash = StableHash()
        hash.add(folderHash(root, files: entries.files, links: [], readsOutside: true))
        for folder in entries.folders.sorted() { hash.add("folder:" + folder) }
        return hash.hex
    }

    /// Files are hashed through symbolic links: a link is its target's path and bytes. A link out
    /// of the content root is only its target's path: loading does not read through it, and
    /// nothing outside the root is read (`readsOutside` is for the templates, read wherever their
    /// links lead).
    private static func folderHash(_ folder: URL, files: [String], links: [String], readsOutside: Bool) -> String {
        let paths = (files + links).sorted()
        // Reading and hashing the files is most of the cost; it runs on all cores.
        let hashes = SiteLoader.parallelMap(paths) { path in
            let full = folder.path + "/" + path
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: full) else { return fileHash(full) }
            let target = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
            let readable = readsOutside || target.hasPrefix(folder.path + "/")
            return "link to \(target) (\(destination))\n" + (readable ? fileHash(target) : "outside")
        }
        var hash = StableHash()
        for (path, fileHash) in zip(paths, hashes) {
            hash.add(path)
            hash.add(fileHash)
        }
        return hash.hex
    }

    /// The hash of a file's bytes, read through a mapping so a large video costs address space,
    /// not memory.
    private static func fileHash(_ path: String) -> String {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return "unreadable" }
        var hash = StableHash()
        data.withUnsafeBytes { hash.add($0) }
        return hash.hex
    }
}
