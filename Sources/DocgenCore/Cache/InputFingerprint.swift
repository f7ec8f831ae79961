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
    /// files included), of where its symbolic links lead, and of the configuration files docgen
    /// reads in the folders above it, up to the repository's top.
    public static func of(contentRoot: URL) -> String {
        let root = contentRoot.standardizedFileURL.resolvingSymlinksInPath()
        var hash = StableHash()
        hash.add(folderHash(root))
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

    /// The hash of every file under `folder` (path and bytes, hidden files included, hidden folders
    /// not) and of where its symbolic links lead: for the templates folder.
    public static func of(folder: URL) -> String {
        folderHash(folder.standardizedFileURL.resolvingSymlinksInPath())
    }

    private static func folderHash(_ folder: URL) -> String {
        let entries = DirectoryListing.inputEntries(under: folder.path)
        let files = entries.files.sorted()
        // Reading and hashing the files is most of the cost; it runs on all cores.
        let fileHashes = SiteLoader.parallelMap(files) { fileHash(folder.path + "/" + $0) }
        var hash = StableHash()
        for (path, fileHash) in zip(files, fileHashes) {
            hash.add(path)
            hash.add(fileHash)
        }
        for link in entries.links.sorted() {
            hash.add("link:" + link)
            hash.add((try? FileManager.default.destinationOfSymbolicLink(atPath: folder.path + "/" + link)) ?? "unreadable")
        }
        return hash.hex
    }

    private static func fileHash(_ path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "unreadable" }
        var hash = StableHash()
        data.withUnsafeBytes { hash.add($0) }
        return hash.hex
    }
}
