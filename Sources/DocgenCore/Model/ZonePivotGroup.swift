/// A group of zone pivots from a `zone-pivot-groups.yml` (`YamlMime:ZonePivotGroups`): the choices a
/// page's `:::zone pivot="..."` blocks are written for, such as programming languages, with the
/// prompt Learn's picker shows.
public struct ZonePivotGroup: Sendable, Hashable {
    /// One choice.
    public struct Pivot: Sendable, Hashable {
        public var id: String
        public var title: String
    }

    public var id: String
    public var title: String
    /// What the picker asks ("Choose a programming language").
    public var prompt: String
    public var pivots: [Pivot]

    /// The groups of a `YamlMime:ZonePivotGroups` document.
    static func groups(in content: YAMLValue) -> [ZonePivotGroup] {
        (content["groups"]?.list ?? []).compactMap { group in
            guard let id = group["id"]?.string?.trimmingSpaces(), !id.isEmpty else { return nil }
            let pivots = (group["pivots"]?.list ?? []).compactMap { pivot -> Pivot? in
                guard let pivotID = pivot["id"]?.string?.trimmingSpaces(), !pivotID.isEmpty else { return nil }
                return Pivot(id: pivotID, title: pivot["title"]?.string?.trimmingSpaces() ?? pivotID)
            }
            let title = group["title"]?.string?.trimmingSpaces() ?? id
            return ZonePivotGroup(id: id, title: title, prompt: group["prompt"]?.string?.trimmingSpaces() ?? "Choose: \(title)", pivots: pivots)
        }
    }
}

/// Zone pivot groups by the folder of the `zone-pivot-groups.yml` that defines them: each doc set
/// of a repository has its own file, and two may define one group id differently
/// (semantic-kernel's `programming-languages` offers Java, agent-framework's Go).
public struct ZonePivotGroupFiles: Sendable {
    private var byFolder: [String: [String: ZonePivotGroup]] = [:]

    /// No groups.
    public init() {}

    /// Adds `group` as the file at root-relative `path` defines it; a second definition of an id
    /// in one folder is ignored.
    public mutating func add(_ group: ZonePivotGroup, definedIn path: String) {
        let folder = RelativePath.directory(of: path)
        if byFolder[folder]?[group.id] == nil { byFolder[folder, default: [:]][group.id] = group }
    }

    /// The group `id` for the page at root-relative `path`: as the nearest folder at or above the
    /// page defines it, else as the first folder (in path order) that defines it.
    public func group(_ id: String, forPage path: String) -> ZonePivotGroup? {
        var folder = RelativePath.directory(of: path)
        while true {
            if let group = byFolder[folder]?[id] { return group }
            if folder.isEmpty { break }
            folder = RelativePath.directory(of: folder)
        }
        return byFolder.keys.sorted().lazy.compactMap { byFolder[$0]?[id] }.first
    }
}
