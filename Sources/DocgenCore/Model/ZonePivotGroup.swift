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
