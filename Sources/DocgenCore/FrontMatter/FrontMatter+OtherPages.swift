extension FrontMatter {
    /// Learn's per-page metadata: keys whose values only the page itself shows (its own HTML: the
    /// date and author lines, its `<title>`) or checks (page rules such as DG001 and the `ms.date`
    /// rules), and keys docgen does not read at all. No other page, navigation, generated page,
    /// search entry or site rule reads them, so an edit to them (authors bump `ms.date` on every
    /// edit) asks nothing of the rest of the site: a cached build keeps the other pages and
    /// `serve` keeps the site's structure. A key that other pages come to show must leave this set.
    public static let keysOnlyThePageReads: Set<String> = [
        "author", "ms.author", "manager", "ms.reviewer", "ms.date", "ms.update-cycle", "titleSuffix", "ms.topic", "ms.service",
        "ms.subservice", "ms.custom", "ms.devlang", "ms.collection", "ms.assetid", "ms.workload", "ms.tgt_pltfrm", "ms.prod",
        "ms.technology", "ms.component", "services", "keywords", "ROBOTS", "recommendations",
    ]

    /// The entries the rest of the site may read, with their positions: every entry but those of
    /// ``keysOnlyThePageReads``.
    public var shownToOtherPages: FrontMatter {
        FrontMatter(entries: entries.filter { !Self.keysOnlyThePageReads.contains($0.key) }, startLine: startLine)
    }
}
