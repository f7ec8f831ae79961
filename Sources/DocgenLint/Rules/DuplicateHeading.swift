import DocgenCore
import DocgenMarkup

/// Reports a heading whose text repeats an earlier sibling: a heading of the same level under
/// the same parent, as markdownlint's MD024 with `siblings_only`. The same subheading under
/// different parents is a pattern, not a slip: reference pages have "### Remarks" under every
/// member, release notes "### Storage" under every version. With `siblings-only: false`, a repeat
/// at another level is reported too. Headings in different pivot zones, moniker ranges or tabs are
/// never shown together and may repeat.
public struct DuplicateHeading: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG313", alias: "duplicate-heading",
        summary: "Sibling headings in a page are unique",
        severity: .warning, tags: ["structure", "headings"],
        rationale: "Two sections of one parent with one name read as a copy-and-paste slip, show twice in the page outline, and get ids like 'azure-services-1' that nobody links to on purpose.",
        bad: "## Azure services\n\nText.\n\n## Network engineer\n\nText.\n\n## Azure services\n\nText.\n",
        good: "## Azure services\n\nText.\n\n## Network engineer\n\n### Azure services\n\nText.\n",
        options: [
            "allowed-duplicate-headings": "none (heading texts that may repeat anywhere, such as Example)",
            "siblings-only": "true (false: also a repeat of a heading at another level, anywhere before)",
        ])

    private let allowed: Set<String>
    private let siblingsOnly: Bool

    public init(options: RuleOptions) {
        allowed = Set(options.strings("allowed-duplicate-headings", default: []).map { $0.lowercased() })
        siblingsOnly = options.bool("siblings-only", default: true)
    }

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        let headings = DraftSupport.pageHeadings(document.root)
        // The parent of each heading: the nearest earlier heading of a higher level.
        var parents: [Int?] = []
        var open: [Int] = []
        for (index, heading) in headings.enumerated() {
            while let last = open.last, headings[last].level >= heading.level { open.removeLast() }
            parents.append(open.last)
            open.append(index)
        }
        var seen: [String: [Int]] = [:]
        var findings: [Finding] = []
        for (index, heading) in headings.enumerated() {
            // Compare as readers do: case and spacing are not part of a heading's name.
            let key = heading.text.lowercased()
            guard !key.isEmpty, !allowed.contains(key) else { continue }
            let clash = seen[key, default: []].first { earlier in
                (parents[earlier] == parents[index] && headings[earlier].level == heading.level || !siblingsOnly && headings[earlier].level != heading.level)
                    && !DraftSupport.exclusive(headings[earlier].visibility, heading.visibility)
            }
            if let clash {
                let other = headings[clash]
                let relation = other.level == heading.level ? "the sibling heading" : "the H\(other.level)"
                findings.append(Finding(
                    path: document.path, at: heading.position,
                    "Heading '\(heading.text)' repeats \(relation) on line \(other.position.line); give each section a unique name."))
            }
            seen[key, default: []].append(index)
        }
        return findings
    }
}
