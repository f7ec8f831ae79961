import DocgenCore
import DocgenMarkup

/// Reports a heading whose text repeats an earlier heading of the same section (a sibling) or
/// of another level. The same subheading under different parents is a pattern, not a slip:
/// release notes have "### Storage" under every version. Headings in different pivot zones,
/// moniker ranges or tabs are never shown together and may repeat.
public struct DuplicateHeading: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG313", alias: "duplicate-heading",
        summary: "Headings in a page are unique among their siblings and across levels",
        severity: .warning, tags: ["structure", "headings"],
        rationale: "Two sections with one name read as a copy-and-paste slip, show twice in the page outline, and get ids like 'azure-services-1' that nobody links to on purpose.",
        bad: "## Azure services\n\nText.\n\n## Network engineer\n\n### Azure services\n\nText.\n",
        good: "## Azure services\n\nText.\n\n## Network engineer\n\n### Services for network engineers\n\nText.\n",
        options: ["allowed-duplicate-headings": "none (heading texts that may repeat anywhere, such as Example)"])

    private let allowed: Set<String>

    public init(options: RuleOptions) {
        allowed = Set(options.strings("allowed-duplicate-headings", default: []).map { $0.lowercased() })
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
                (headings[earlier].level != heading.level || parents[earlier] == parents[index])
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
