/// Which folder of which tree each inotify watch stands for, and back. One watch can stand for
/// a folder of both trees (templates inside the content root). A folder moved within a tree
/// keeps its watch, which then stands for the new path only: the old path stays listed under
/// `folders` until it is forgotten, so that the files under it are still known to be gone.
struct WatchedFolders {
    struct Target: Hashable {
        var tree: Int
        var folder: String
    }

    /// Per tree, each folder known to be watched and its watch.
    private(set) var folders: [[String: Int32]] = [[:], [:]]
    /// What each watch stands for.
    private(set) var targets: [Int32: [Target]] = [:]

    /// Whether `folder` is watched under its current path.
    func isWatched(_ folder: String, in tree: Int) -> Bool {
        guard let watch = folders[tree][folder] else { return false }
        return targets[watch]?.contains(Target(tree: tree, folder: folder)) ?? false
    }

    /// Whether `folder` was a watched folder, even if it has since moved.
    func wasFolder(_ folder: String, in tree: Int) -> Bool { folders[tree][folder] != nil }

    /// Records that `watch` now stands for `folder`; a watch returned again for another path
    /// of the same tree means the folder moved there. Returns a watch no longer needed.
    mutating func add(_ watch: Int32, for folder: String, in tree: Int) -> Int32? {
        var unneeded: Int32?
        if let old = folders[tree][folder], old != watch { unneeded = drop(Target(tree: tree, folder: folder), from: old) }
        folders[tree][folder] = watch
        var standsFor = (targets[watch] ?? []).filter { $0.tree != tree }
        standsFor.append(Target(tree: tree, folder: folder))
        targets[watch] = standsFor
        return unneeded
    }

    /// Forgets `path` and every folder under it; returns the watches no longer needed.
    mutating func forget(under path: String, in tree: Int) -> [Int32] {
        let inside = path + "/"
        let gone = folders[tree].filter { $0.key == path || $0.key.hasPrefix(inside) }
        var unneeded: [Int32] = []
        for (folder, watch) in gone {
            folders[tree][folder] = nil
            if let watch = drop(Target(tree: tree, folder: folder), from: watch) { unneeded.append(watch) }
        }
        return unneeded
    }

    /// Forgets the folders of `tree` that a full listing no longer found; returns the watches
    /// no longer needed.
    mutating func keep(only found: Set<String>, in tree: Int) -> [Int32] {
        var unneeded: [Int32] = []
        for (folder, watch) in folders[tree] where !found.contains(folder) {
            folders[tree][folder] = nil
            if let watch = drop(Target(tree: tree, folder: folder), from: watch) { unneeded.append(watch) }
        }
        return unneeded
    }

    /// Removes `target` from what `watch` stands for; returns `watch` when it stands for nothing.
    private mutating func drop(_ target: Target, from watch: Int32) -> Int32? {
        guard var standsFor = targets[watch] else { return nil }
        standsFor.removeAll { $0 == target }
        if standsFor.isEmpty {
            targets[watch] = nil
            return watch
        }
        targets[watch] = standsFor
        return nil
    }
}
