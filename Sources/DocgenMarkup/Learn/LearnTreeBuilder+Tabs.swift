// Learn tab groups: `# [Title](#tab/id)` headings and the blocks under them, ended by `---`.

extension LearnTreeBuilder {
    /// Groups `# [Title](#tab/id)` headings and what follows them into tab groups, ended by a
    /// thematic break or the end of the parent.
    mutating func groupTabs(_ blocks: [MarkupNode]) -> [MarkupNode] {
        guard blocks.contains(where: { Self.tabLink(in: $0) != nil }) else { return blocks }
        var output: [MarkupNode] = []
        var group: MarkupNode?
        var ids = Set<String>()
        var sectionLevel = 2
        var enclosingLevel = 2
        func finish(terminated: Bool) {
            guard var finished = group else { return }
            // Unended, the last tab takes everything to the end of its container; that is only a
            // slip when it swallows a later section (an H2, or a heading no deeper than the
            // section the group is in; deeper ones are the tab's own), not when the group ends a list
            // item, an include file or the article.
            let swallowsSection = finished.children.last?.children.contains { if case .heading(let level, _) = $0.kind { level <= sectionLevel } else { false } } ?? false
            if !terminated, swallowsSection, let first = finished.children.first?.range?.start {
                problems.append(MarkupProblem(
                    .tabGroup,
                    "The tab group is not ended by a '---' line, so everything up to the end of the article belongs to its last tab; add '---' after the last tab's content.",
                    at: first, isError: false))
            }
            finished.range = SourceRange(
                start: finished.children.first?.range?.start ?? SourcePosition(line: 1, column: 1),
                end: finished.children.last?.children.last?.range?.end ?? finished.children.last?.range?.end ?? SourcePosition(line: 1, column: 1))
            output.append(finished)
            group = nil
            ids = []
        }
        for block in blocks {
            if let tab = Self.tabLink(in: block) {
                if group == nil {
                    sectionLevel = max(enclosingLevel, 2)
                    tabGroupCount += 1
                    group = MarkupNode(.tabGroup(index: tabGroupCount))
                }
                // Dependent tabs (`#tab/azure-cli/customer-managed`) repeat an id under other conditions.
                let key = tab.id + "/" + (tab.condition ?? "")
                if ids.contains(key), let start = block.range?.start {
                    problems.append(MarkupProblem(.tabGroup, "Duplicate tab id '\(tab.id)' in one tab group.", at: start, isError: false))
                }
                ids.insert(key)
                group!.children.append(MarkupNode(.tab(id: tab.id, condition: tab.condition, title: tab.title), range: block.range))
            } else if group != nil {
                if block.kind == .thematicBreak {
                    finish(terminated: true)
                } else {
                    group!.children[group!.children.count - 1].children.append(block)
                }
            } else {
                if case .heading(let level, _) = block.kind { enclosingLevel = level }
                output.append(block)
            }
        }
        finish(terminated: false)
        return output
    }

    static func tabLink(in block: MarkupNode) -> (id: String, condition: String?, title: String)? {
        guard case .heading = block.kind else { return nil }
        let inlines = block.children.filter { if case .html = $0.kind { return false } else { return true } }
        guard inlines.count == 1, case .link(let destination, _, _) = inlines[0].kind, destination.hasPrefix("#tab/") else {
            return nil
        }
        let parts = destination.dropFirst(5).split(separator: "/", omittingEmptySubsequences: false)
        guard let idPart = parts.first, !idPart.isEmpty,
              idPart.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "+" }) else { return nil }
        let condition = parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil
        return (String(idPart), condition, inlines[0].plainText)
    }
}
