import Foundation

/// Everything a run of docgen reads, reduced to one ``StableHash``: when the fingerprint is the
/// same, the run's findings and output are the same, so a cached result can stand in for it.
public enum InputFingerprint {
    /// The names docgen looks for in the folders above a content root (`DocfxProject`,
    /// `MarkdownlintSettings`).
    static func isConfigurationAbove(_ name: String) -> Bool {
        name == "docfx.json" || ContentFiles.isConfigurationFile(name)
    }

    /// The hash of every file under `contentRoot` that loading could read (path and bytes, hidden
    /// files included), of where its symbolic links lead and what they lead to, and of the
    /// configuration files docgen reads in the folders above it, up to the repository's top.
    /// `hashes` knows the files whose status did not change since it last read them.
    public static func of(contentRoot: URL, hashes: FileHashes = FileHashes()) -> String {
        let root = contentRoot.standardizedFileURL.resolvingSymlinksInPath()
        let entries = DirectoryListing.inputEntries(under: root.path)
        var hash = StableHash()
        hash.add(folderHash(root, files: entries.files, links: entries.links, readsOutside: false, hashes: hashes))
        var folder = root.deletingLastPathComponent()
        while true {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            for name in names where isConfigurationAbove(name) {
                hash.add("above:" + folder.path + "/" + name)
                hash.add(hashes.hash(of: folder.appendingPathComponent(name).path))
            }
            // docgen's configuration search stops at the repository's top.
            if names.contains(".git") || folder.path == "/" { break }
            folder = folder.deletingLastPathComponent()
        }
        return hash.hex
    }

    /// The hash of every entry under `folder`, hidden ones included, with what its symbolic links
    /// lead to: for the templates folder, whose `assets/` is copied whole.
    public static func of(folder: URL, hashes: FileHashes = FileHashes()) -> String {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath()
        let entries = DirectoryListing.inputEntries(under: root.path, includingHiddenFolders: true)
        var hash = StableHash()
        hash.add(folderHash(root, files: entries.files, links: entries.links, readsOutside: true, hashes: hashes))
        for folder in entries.folders.sorted() { hash.add("folder:" + folder) }
        return hash.hex
    }

    /// Files are hashed through symbolic links: a link is its target's path and bytes. A link out
    /// of the content root is only its target's path: loading does not read through it, and
    /// nothing outside the root is read (`readsOutside` is for the templates, read wherever their
    /// links lead).
    private static func folderHash(_ folder: URL, files: [String], links: [String], readsOutside: Bool, hashes: FileHashes) -> String {
        let paths = (files + links).sorted()
        let isLink = Set(links)
        // Reading and hashing the files is most of the cost; it runs on all cores.
        let hashes = SiteLoader.parallelMap(paths) { path in
            let full = folder.path + "/" + path
            guard isLink.contains(path), let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: full) else {
                return hashes.hash(of: full)
            }
            let target = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
            let readable = readsOutside || target.hasPrefix(folder.path + "/")
            return "link to \(target) (\(destination))\n" + (readable ? hashes.hash(of: target) : "outside")
        }
        var hash = StableHash()
        for (path, fileHash) in zip(paths, hashes) {
            hash.add(path)
            hash.add(fileHash)
        }
        return hash.hex
    }
}
