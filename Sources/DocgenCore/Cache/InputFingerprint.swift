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
        parts(contentRoot: contentRoot, hashes: hashes).whole
    }

    /// A content root's fingerprint, and the same with its Markdown and media files' bytes set
    /// apart: a build whose other inputs are those of the last build can tell which pages were
    /// edited, and which images were replaced.
    public struct Parts: Sendable {
        /// Every input, as ``InputFingerprint/of(contentRoot:hashes:)`` hashes them.
        public var whole: String
        /// Every input but the Markdown and media files (paths and bytes), which
        /// ``markdownAndMediaHashes`` holds: a run can tell which were added or removed too.
        public var withoutMarkdownAndMediaBytes: String
        /// The hash of each Markdown and media file's bytes (not a symbolic link's), by
        /// root-relative path.
        public var markdownAndMediaHashes: [String: String]
    }

    /// The fingerprint of `contentRoot` in ``Parts``.
    public static func parts(contentRoot: URL, hashes: FileHashes = FileHashes()) -> Parts {
        let root = contentRoot.standardizedFileURL.resolvingSymlinksInPath()
        let entries = DirectoryListing.inputEntries(under: root.path)
        let files = fileHashes(root, files: entries.files, links: entries.links, readsOutside: false, hashes: hashes)
        var whole = StableHash()
        var withoutWeighedApart = StableHash()
        // Markdown and media files, whose bytes are weighed one by one.
        var weighedApart: [String: String] = [:]
        let isLink = Set(entries.links)
        for (path, fileHash) in files {
            whole.add(path)
            whole.add(fileHash)
            if path.hasSuffix(".md") || ContentFiles.isMedia(path), !isLink.contains(path) {
                weighedApart[path] = fileHash
            } else {
                withoutWeighedApart.add(path)
                withoutWeighedApart.add(fileHash)
            }
        }
        var above = StableHash()
        var folder = root.deletingLastPathComponent()
        while true {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            for name in names where isConfigurationAbove(name) {
                above.add("above:" + folder.path + "/" + name)
                above.add(hashes.hash(of: folder.appendingPathComponent(name).path))
            }
            // docgen's configuration search stops at the repository's top.
            if names.contains(".git") || folder.path == "/" { break }
            folder = folder.deletingLastPathComponent()
        }
        var parts = Parts(whole: "", withoutMarkdownAndMediaBytes: "", markdownAndMediaHashes: weighedApart)
        for (hash, result) in [(whole, \Parts.whole), (withoutWeighedApart, \Parts.withoutMarkdownAndMediaBytes)] {
            var combined = StableHash()
            combined.add(hash.hex)
            combined.add(above.hex)
            parts[keyPath: result] = combined.hex
        }
        return parts
    }

    /// The hash of every entry under `folder`, hidden ones included, with what its symbolic links
    /// lead to: for the templates folder, whose `assets/` is copied whole.
    public static func of(folder: URL, hashes: FileHashes = FileHashes()) -> String {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath()
        let entries = DirectoryListing.inputEntries(under: root.path, includingHiddenFolders: true)
        var hash = StableHash()
        var files = StableHash()
        for (path, fileHash) in fileHashes(root, files: entries.files, links: entries.links, readsOutside: true, hashes: hashes) {
            files.add(path)
            files.add(fileHash)
        }
        hash.add(files.hex)
        for folder in entries.folders.sorted() { hash.add("folder:" + folder) }
        return hash.hex
    }

    /// Files are hashed through symbolic links: a link is its target's path and bytes. A link out
    /// of the content root is only its target's path: loading does not read through it, and
    /// nothing outside the root is read (`readsOutside` is for the templates, read wherever their
    /// links lead).
    private static func fileHashes(_ folder: URL, files: [String], links: [String], readsOutside: Bool, hashes: FileHashes) -> [(path: String, hash: String)] {
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
        return Array(zip(paths, hashes))
    }
}
