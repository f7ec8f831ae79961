import DocgenCore
import DocgenMarkup

extension HTMLRenderer {
    /// Renders the Learn block extensions.
    mutating func learnBlock(_ node: MarkupNode) {
        switch node.kind {
        case .alert(let kind):
            let name = kind.rawValue.lowercased()
            let title = kind.rawValue.prefix(1) + kind.rawValue.dropFirst().lowercased()
            container("<div class=\"alert is-\(name)\" role=\"note\">\n<p class=\"alert-title\">\(title)</p>\n", node.children, "</div>\n")
        case .division(let attributes):
            container("<div\(Self.divisionAttributes(attributes))>\n", node.children, "</div>\n")
        case .video(let url):
            if HTMLEscaping.isSafeURL(url) {
                // An embedded player would load another host; link to the video instead.
                let host = url.split(separator: "/").dropFirst(1).first.map(String.init) ?? "the video site"
                output += "<p class=\"video-link\"><a href=\"\(HTMLEscaping.escape(url))\" class=\"external\" rel=\"noopener\">Watch the video (opens \(HTMLEscaping.escape(host)))</a></p>\n"
            }
        case .complexImage(let image):
            let id = "longdesc-\(image.position.line)-\(image.position.column)"
            let border = image.border ? " has-border" : ""
            output += "<figure class=\"docgen-image complex\(border)\">" + imageHTML(image, describedBy: id)
            container("<div id=\"\(id)\" class=\"visually-hidden\">\n", node.children, "</div></figure>\n")
        case .includedContent(let path):
            // Links and images inside an include resolve relative to the include file.
            // An include is a file of its own: its raw HTML is balanced within it.
            pathStack.append(path)
            sanitizer.enterScope()
            node.lendChildren { block($0) }
            output += sanitizer.exitScope()
            pathStack.removeLast()
        case .zone(let pivots, let target):
            var classes = "zone"
            var attributes = ""
            if let target { classes += " has-target"; attributes += " data-target=\"\(HTMLEscaping.escape(target))\"" }
            if !pivots.isEmpty { classes += " has-pivot"; attributes += " data-pivot=\"\(HTMLEscaping.escape(pivots.joined(separator: " ")))\"" }
            let titles = pivots.compactMap { pivotTitles[$0] }
            let label = !titles.isEmpty && titles.count == pivots.count ? "<p class=\"zone-label\">\(HTMLEscaping.escape(titles.joined(separator: ", ")))</p>\n" : ""
            container("<div class=\"\(classes)\"\(attributes)>\n" + label, node.children, "</div>\n")
        case .moniker(let range):
            // As Learn: data-moniker lists the versions the block is for. Without JavaScript every
            // block shows, labelled with its range; the version picker hides the others.
            let versions = monikers?.versions(of: range) ?? []
            container(
                "<div class=\"moniker\" data-moniker=\"\(HTMLEscaping.escape(versions.joined(separator: " ")))\" data-moniker-range=\"\(HTMLEscaping.escape(range))\">\n"
                    + "<p class=\"moniker-label\">Applies to: \(HTMLEscaping.escape(range))</p>\n",
                node.children, "</div>\n")
        case .row:
            container("<section class=\"row\">\n", node.children, "</section>\n")
        case .column(let span):
            let spanClass = span.map { " span\(HTMLEscaping.escape($0))" } ?? ""
            container("<div class=\"column\(spanClass)\">\n", node.children, "</div>\n")
        case .codeSnippet(let snippet):
            let language = snippet.language ?? Self.language(forExtension: String(snippet.source.split(separator: ".").last ?? ""))
            if let code = snippet.resolvedCode {
                output += codeBlock(language: language, code: code)
            } else {
                output += "<div class=\"alert is-warning\" role=\"note\">\n<p class=\"alert-title\">Warning</p>\n<p>The code sample \(HTMLEscaping.escape(snippet.source)) could not be found.</p>\n</div>\n"
            }
        case .tabGroup(let index):
            tabGroup(node, index: index)
        case .tab:
            node.lendChildren { block($0) }
        case .include(let path, _, _):
            output += "<p>\(HTMLEscaping.escape("[!INCLUDE [](\(path))]"))</p>\n"
        default:
            output += "<p>" + inlineHTML([node]) + "</p>\n"
        }
    }

    private mutating func tabGroup(_ node: MarkupNode, index: Int) {
        output += "<div class=\"tabGroup\" id=\"tabgroup_\(index)\">\n<ul role=\"tablist\">\n"
        var panels: [(id: String, node: MarkupNode, tab: String, condition: String?)] = []
        for (position, tab) in node.children.enumerated() {
            guard case .tab(let id, let condition, let title) = tab.kind else { continue }
            let panelID = "tabpanel_\(index)_\(id)" + (condition.map { "_\($0)" } ?? "")
            let selected = position == 0
            let conditionAttribute = condition.map { " data-condition=\"\(HTMLEscaping.escape($0))\"" } ?? ""
            output += "<li role=\"presentation\"><a href=\"#\(HTMLEscaping.escape(panelID))\" role=\"tab\" aria-controls=\"\(HTMLEscaping.escape(panelID))\" data-tab=\"\(HTMLEscaping.escape(id))\"\(conditionAttribute) tabindex=\"\(selected ? 0 : -1)\" aria-selected=\"\(selected)\">\(HTMLEscaping.escape(title))</a></li>\n"
            panels.append((panelID, tab, id, condition))
        }
        output += "</ul>\n"
        for panel in panels {
            let conditionAttribute = panel.condition.map { " data-condition=\"\(HTMLEscaping.escape($0))\"" } ?? ""
            container("<section id=\"\(HTMLEscaping.escape(panel.id))\" role=\"tabpanel\" data-tab=\"\(HTMLEscaping.escape(panel.tab))\"\(conditionAttribute)>\n", panel.node.children, "</section>\n")
        }
        output += "</div>\n"
    }

    /// `[!div class="x" id="y"]` attributes, kept only where they are safe: class, id, title and data-*.
    static func divisionAttributes(_ text: String) -> String {
        guard let attributes = HTMLSanitizer.attributes(ofTag: "<div " + text + ">") else { return "" }
        return attributes.filter { ["class", "id", "title", "lang", "dir"].contains($0.0) || $0.0.hasPrefix("data-") }
            .map { " \($0.0)=\"\(HTMLEscaping.escape($0.1))\"" }.joined()
    }

    /// Learn's language inference from a file extension for `:::code`.
    static func language(forExtension ext: String) -> String {
        let table: [String: String] = [
            "cs": "csharp", "vb": "vb", "fs": "fsharp", "js": "javascript", "json": "json", "ts": "typescript", "py": "python",
            "ps1": "powershell", "sh": "bash", "bash": "bash", "bat": "batchfile", "cmd": "batchfile", "xml": "xml", "html": "html",
            "rb": "ruby", "rs": "rust", "go": "go", "java": "java", "c": "cpp", "cpp": "cpp", "h": "cpp", "sql": "sql",
            "yml": "yaml", "yaml": "yaml", "kql": "kusto", "md": "markdown", "swift": "swift", "bicep": "bicep", "tf": "terraform",
        ]
        return table[ext.lowercased()] ?? ""
    }
}
