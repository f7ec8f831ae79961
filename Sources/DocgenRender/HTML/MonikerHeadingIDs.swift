import DocgenCore
import DocgenMarkup

/// The ids headings inside moniker blocks have on Learn, where each version of a page is built
/// apart: a heading repeated in the blocks of two versions is `installation` in both, where the
/// one page docgen writes needs `installation` and `installation-1`. Each such heading carries
/// its id in every version that shows it (`data-version-ids="vs-2019:installation-1
/// vs-2022:installation"`), and the version picker gives a shown heading the chosen version's id
/// when no other element holds it.
enum MonikerHeadingIDs {
    /// Past this many versions a page's headings keep their page ids: each version is one pass
    /// over the page's headings.
    static let maximumVersions = 64

    /// For each heading of the page's own text inside a moniker block, by its page id: the
    /// `data-version-ids` value, its id in the page built for each version that shows it.
    static func versionIDs(_ root: MarkupNode, monikers: PageMonikers) -> [String: String] {
        // Only a page with a version picker renames its headings.
        guard !monikers.blockRanges.isEmpty, monikers.versions.count > 1 else { return [:] }
        var headings: [(id: String, base: String, versions: Set<String>?)] = []
        collect(root, versions: nil, monikers: monikers, into: &headings)
        guard headings.contains(where: { $0.versions != nil }) else { return [:] }
        var result: [String: String] = [:]
        for version in monikers.versions.prefix(maximumVersions) {
            var slugger = HeadingSlugger()
            for heading in headings where heading.versions?.contains(version) ?? true {
                let id = slugger.reserve(heading.base)
                // An explicit id with a space cannot be listed; that heading keeps its page id.
                guard heading.versions != nil, !id.contains(" "), !heading.id.contains(" ") else { continue }
                result[heading.id, default: ""] += (result[heading.id] == nil ? "" : " ") + version + ":" + id
            }
        }
        return result
    }

    /// Headings in document order as the tree builder numbers them (an include's headings have
    /// their own scope and are left out), each with the versions of its block.
    private static func collect(
        _ node: MarkupNode, versions: Set<String>?, monikers: PageMonikers, into headings: inout [(id: String, base: String, versions: Set<String>?)]
    ) {
        if case .heading(_, let id) = node.kind {
            headings.append((id, baseID(id, text: node.plainText), versions))
            return
        }
        guard node.kind.mayHoldOwnHeadings else { return }
        var inner = versions
        if case .moniker(let range) = node.kind { inner = Set(monikers.versions(of: range)) }
        for child in node.children { collect(child, versions: inner, monikers: monikers, into: &headings) }
    }

    /// The id before de-duplication: the slug of the text when `id` is it or it with `-N`;
    /// otherwise `id` itself (an explicit `<a id>`).
    private static func baseID(_ id: String, text: String) -> String {
        var slug = HeadingSlugger.slug(text)
        if slug.isEmpty { slug = "section" }
        guard id != slug else { return slug }
        if id.hasPrefix(slug + "-"), !id.dropFirst(slug.count + 1).isEmpty, id.dropFirst(slug.count + 1).allSatisfy(\.isASCIIDigit) {
            return slug
        }
        return id
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { self >= "0" && self <= "9" }
}
