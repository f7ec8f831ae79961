import DocgenCore
import DocgenMarkup

/// The template values of YAML pages. Landing and Hub pages, whose YAML names its parts
/// differently (`landingContent`, `highlightedContent`, `conceptualContent`, `productDirectory`,
/// `tools`, `additionalContent`), become one shape: sections of cards, each card a title with
/// an optional link and summary and lists of links. FAQ pages become sections of questions with
/// their answers rendered from Markdown.
extension PageContexts {
    func yamlPage(_ page: YAMLPage, files: ContentFiles, docfx: DocfxProject) -> [String: Any] {
        var context = common(kind: page.kind == .faq ? "faq" : "landing", outputPath: page.outputPath, title: page.displayTitle, description: page.description, roleIDs: [])
        var values = context["page"] as! [String: Any]
        values["heading"] = HTMLEscaping.escape(page.displayTitle)
        values["summaryHTML"] = Self.markdownHTML(page.content["summary"]?.string, page: page, files: files, docfx: docfx)
        values["sourcePath"] = page.path
        context["page"] = values
        let rewriter = LinkRewriter(files: files, pageOutputPath: page.outputPath, docfx: docfx)
        func link(_ url: String?) -> String {
            guard let url = url?.trimmingSpaces(), !url.isEmpty else { return "" }
            return rewriter.rewrite(url, from: page.path).url ?? ""
        }
        switch page.kind {
        case .landing, .hub:
            let sections = Self.sections(of: page, link: link).filter { !(($0["cards"] as? [[String: Any]]) ?? []).isEmpty }
            context["sections"] = sections
        case .faq:
            var slugger = HeadingSlugger()
            context["faqSections"] = (page.content["sections"]?.list ?? []).map { section -> [String: Any] in
                let name = section["name"]?.string?.trimmingSpaces() ?? ""
                let questions = (section["questions"]?.list ?? []).map { item -> [String: Any] in
                    let question = (item["question"]?.string ?? "").trimmingSpaces()
                    return ["question": question, "id": slugger.issue(for: question),
                            "answerHTML": Self.markdownHTML(item["answer"]?.string, page: page, files: files, docfx: docfx)]
                }
                return ["name": name, "id": name.isEmpty ? "" : slugger.issue(for: name), "questions": questions]
            }
            context["postContentHTML"] = Self.markdownHTML(page.content["postContent"]?.string, page: page, files: files, docfx: docfx)
        }
        return context
    }

    /// Markdown from a YAML page rendered as its blocks; links resolve from the page's folder.
    static func markdownHTML(_ markdown: String?, page: YAMLPage, files: ContentFiles, docfx: DocfxProject) -> String {
        guard let markdown, !markdown.trimmingSpaces().isEmpty else { return "" }
        return HTMLRenderer.renderFragment(MarkdownParser.parse(markdown).root.children, path: page.path, files: files, docfx: docfx)
    }

    private static func sections(of page: YAMLPage, link: (String?) -> String) -> [[String: Any]] {
        let content = page.content
        if page.kind == .landing {
            return [section(title: nil, summary: nil, items: content["landingContent"]?.list ?? [], link: link)]
        }
        var result: [[String: Any]] = []
        for key in ["highlightedContent", "conceptualContent", "productDirectory", "tools"] {
            guard let part = content[key] else { continue }
            result.append(section(title: part["title"]?.string, summary: part["summary"]?.string, items: part["items"]?.list ?? [], link: link))
        }
        for part in content["additionalContent"]?["sections"]?.list ?? [] {
            result.append(section(title: part["title"]?.string, summary: part["summary"]?.string, items: part["items"]?.list ?? [], link: link))
        }
        return result
    }

    private static func section(title: String?, summary: String?, items: [YAMLValue], link: (String?) -> String) -> [String: Any] {
        let cards = items.map { item -> [String: Any] in
            var lists: [[String: Any]] = []
            for list in item["linkLists"]?.list ?? [] {
                lists.append(["label": label(list["linkListType"]?.string), "links": links(list["links"]?.list ?? [], link: link)])
            }
            if let plain = item["links"]?.list {
                lists.append(["label": "", "links": links(plain, link: link)])
            }
            lists = lists.filter { !(($0["links"] as? [[String: Any]]) ?? []).isEmpty }
            return [
                "title": (item["title"]?.string ?? "").trimmingSpaces(), "url": link(item["url"]?.string),
                "summary": (item["summary"]?.string ?? "").trimmingSpaces(), "typeLabel": label(item["itemType"]?.string), "lists": lists,
            ]
        }
        return ["title": (title ?? "").trimmingSpaces(), "summary": (summary ?? "").trimmingSpaces(), "cards": cards.filter { !($0["title"] as! String).isEmpty }]
    }

    private static func links(_ items: [YAMLValue], link: (String?) -> String) -> [[String: Any]] {
        items.compactMap { item in
            let text = (item["text"]?.string ?? "").trimmingSpaces()
            guard !text.isEmpty else { return nil }
            return ["text": text, "url": link(item["url"]?.string), "typeLabel": label(item["itemType"]?.string)]
        }
    }

    /// Learn's item types as readers see them: `how-to-guide` -> "How-to guide".
    static func label(_ type: String?) -> String {
        guard let type = type?.trimmingSpaces(), !type.isEmpty else { return "" }
        let known = ["how-to-guide": "How-to guide", "get-started": "Get started", "whats-new": "What's new", "quickstart": "Quickstart"]
        if let name = known[type.lowercased()] { return name }
        let words = type.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
