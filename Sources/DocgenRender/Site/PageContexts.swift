import DocgenCore
import Foundation

/// Builds the values each template receives (see `site-templates/README.md`).
struct PageContexts {
    let structure: SiteStructure
    let options: BuildOptions
    var liveReload = false
    /// The templates, to render navigation entries once and reuse them across pages.
    var templates: TemplateSet?

    private var configuration: SiteConfiguration { structure.site.configuration }

    /// The keys every page has.
    func common(kind: String, outputPath: String, title: String, description: String, roleIDs: [String], findings: [Diagnostic] = [], root rootOverride: String? = nil) -> [String: Any] {
        let root = rootOverride ?? RelativePath.rootPrefix(of: outputPath)
        let base = options.baseURL.hasSuffix("/") || options.baseURL.isEmpty ? options.baseURL : options.baseURL + "/"
        let page: [String: Any] = [
            "kind": kind, "title": title, "description": description, "url": outputPath,
            "canonical": base.isEmpty || kind == "404" ? "" : base + outputPath, "roleIDs": roleIDs.joined(separator: " "),
            "isHome": kind == "home", "titleSuffix": "",
        ]
        let navListUsed = templates?.usesNavigationList ?? true
        let renderEntry = templates.map { templates in
            { (entry: [String: Any]) in templates.renderAlone("nav-item", context: entry) }
        }
        let tree = structure.navigation(for: outputPath)
        // Past navigation.inline-limit the page carries its own branch; docgen-nav.js loads the rest.
        let navScript = structure.navigationScript(for: outputPath)
        let nav: [[String: Any]]
        if navScript != nil {
            nav = tree.branchValue(currentPath: outputPath, root: root, renderEntry: renderEntry, htmlOnly: !navListUsed)
        } else {
            nav = navListUsed ? tree.templateValue(currentPath: outputPath, root: root, renderEntry: renderEntry) : []
        }
        // The whole tree as HTML, each top-level entry through nav-item.mustache (off-trail ones
        // come already rendered), so the layout does not look each entry up again per page.
        let navHTML: String
        if let renderEntry, let templates {
            navHTML = navListUsed || navScript != nil
                ? nav.map { entry in (entry["navItemHTML"] as? String).map { $0 + "\n" } ?? templates.renderAlone("nav-item", context: entry) }.joined()
                : tree.html(currentPath: outputPath, root: root, renderEntry: renderEntry)
        } else {
            navHTML = ""
        }
        return [
            "root": root,
            "site": ["title": configuration.title, "description": configuration.description, "language": configuration.language, "baseURL": options.baseURL],
            "page": page,
            "nav": nav,
            "navHTML": navHTML,
            "hasNavTree": navScript != nil,
            "navTreeURL": navScript.map { root + $0.path + "?v=" + $0.version } ?? "",
            "roles": configuration.roles.map { role in
                ["id": role.id, "title": role.title, "summary": role.summary, "url": root + SiteStructure.roleURL(role.id),
                 "layerTitles": role.layers.compactMap { configuration.layer($0)?.title }.joined(separator: ", ")] as [String: Any]
            },
            "hasRoles": !configuration.roles.isEmpty,
            "liveReload": liveReload,
            "findings": findings.map { ["severity": $0.severity.rawValue, "ruleID": $0.ruleID, "alias": $0.alias, "line": $0.line, "column": $0.column, "message": $0.message, "sourceURL": ""] as [String: Any] },
            "hasFindings": !findings.isEmpty,
        ]
    }

    func article(_ document: Document, _ article: RenderedArticle, findings: [Diagnostic] = [], monikers: PageMonikers? = nil) -> [String: Any] {
        let output = document.outputPath
        let root = RelativePath.rootPrefix(of: output)
        var context = common(kind: "article", outputPath: output, title: document.displayTitle, description: document.frontMatter.description ?? "", roleIDs: document.frontMatter.roles, findings: findings)
        var page = context["page"] as! [String: Any]
        page["heading"] = article.headingHTML.isEmpty ? HTMLEscaping.escape(document.displayTitle) : article.headingHTML
        page["body"] = article.bodyHTML
        page["author"] = document.frontMatter.string("author") ?? ""
        page["date"] = document.frontMatter.string("ms.date") ?? ""
        page["sourcePath"] = document.path
        // Learn's window title: "Title - titleSuffix | site" (titleSuffix from front matter or
        // docfx.json fileMetadata, which the page inherits).
        page["titleSuffix"] = document.frontMatter.string("titleSuffix")?.trimmingSpaces() ?? ""
        page["onThisPage"] = article.outline.map { ["id": $0.id, "text": $0.text, "level": $0.level, "isSub": $0.level == 3, "pivots": $0.pivots.joined(separator: " ")] as [String: Any] }
        page["hasOnThisPage"] = !article.outline.isEmpty
        // The same list as markup: layout and article show it twice per page, and a Mustache loop
        // over a long page's headings cost a tenth of a build.
        page["onThisPageHTML"] = article.outline.map { entry in
            let pivot = entry.pivots.isEmpty ? "" : " data-pivot=\"\(HTMLEscaping.escape(entry.pivots.joined(separator: " ")))\""
            let moniker = entry.monikers.map { " data-moniker=\"\(HTMLEscaping.escape($0.joined(separator: " ")))\"" } ?? ""
            return "<li class=\"toc-level-\(entry.level)\(entry.level == 3 ? " is-sub" : "")\"\(pivot)\(moniker)><a href=\"#\(HTMLEscaping.escape(entry.id))\">\(HTMLEscaping.escape(entry.text))</a></li>\n"
        }.joined()
        page["breadcrumbs"] = BreadcrumbTrail.crumbs(for: document, structure: structure, root: root)
        page["pivotGroups"] = structure.pivotGroups(of: document).map { group in
            ["id": group.id, "prompt": group.prompt, "pivots": group.pivots.map { ["id": $0.id, "title": $0.title] }] as [String: Any]
        }
        // The version picker: on a page with moniker blocks for more than one version.
        if let monikers, !monikers.blockRanges.isEmpty, monikers.versions.count > 1 {
            page["versionPicker"] = ["versions": monikers.versions.map { ["id": $0] }]
        }
        page["roles"] = document.frontMatter.roles.compactMap { id in configuration.role(id).map { ["id": $0.id, "title": $0.title, "url": root + SiteStructure.roleURL($0.id)] } }
        page["layers"] = document.frontMatter.layers.compactMap { Int($0) }.compactMap { number in
            configuration.layer(number).map { ["number": $0.number, "title": $0.title, "url": root + SiteStructure.layerURL($0.number)] as [String: Any] }
        }
        if let index = structure.readingIndex[output] {
            if index > 0 { page["prev"] = link(structure.readingOrder[index - 1], root: root) }
            if index + 1 < structure.readingOrder.count { page["next"] = link(structure.readingOrder[index + 1], root: root) }
        }
        page["rolePaths"] = configuration.roles.compactMap { role -> [String: Any]? in
            guard let path = structure.rolePaths[role.id], let index = structure.rolePathIndex[role.id]?[document.path] else { return nil }
            var entry: [String: Any] = ["roleID": role.id]
            if index > 0 { entry["prev"] = ["title": path[index - 1].displayTitle, "url": root + path[index - 1].outputPath] }
            if index + 1 < path.count { entry["next"] = ["title": path[index + 1].displayTitle, "url": root + path[index + 1].outputPath] }
            return entry
        }
        context["page"] = page
        return context
    }

    private func link(_ outputPath: String, root: String) -> [String: Any] {
        ["title": structure.pageByOutput[outputPath]?.displayTitle ?? outputPath, "url": root + outputPath]
    }

    /// The home page; a content root's own `index.md` gives it its title, H1, description and body.
    func home(index: (document: Document, article: RenderedArticle)?) -> [String: Any] {
        let title = index?.document.displayTitle ?? configuration.title
        let description = index?.document.frontMatter.description ?? configuration.description
        var context = common(kind: "home", outputPath: "index.html", title: title, description: description, roleIDs: [])
        var page = context["page"] as! [String: Any]
        let intro = index?.article.bodyHTML ?? ""
        page["body"] = !intro.isEmpty ? intro : configuration.description.isEmpty ? "" : "<p>\(HTMLEscaping.escape(configuration.description))</p>"
        page["heading"] = index.map { $0.article.headingHTML.isEmpty ? HTMLEscaping.escape($0.document.displayTitle) : $0.article.headingHTML } ?? HTMLEscaping.escape(configuration.title)
        context["page"] = page
        context["layers"] = configuration.layers.map { layer in
            ["number": layer.number, "title": layer.title, "summary": layer.summary, "url": SiteStructure.layerURL(layer.number),
             "components": layer.components.joined(separator: ", "),
             "roleTitles": configuration.roles.filter { $0.layers.contains(layer.number) }.map(\.title).joined(separator: ", ")] as [String: Any]
        }
        context["articles"] = structure.pages.count
        context["firstArticle"] = structure.readingOrder.first ?? ""
        return context
    }

    func role(_ role: Role) -> [String: Any] {
        let output = SiteStructure.roleURL(role.id)
        let root = RelativePath.rootPrefix(of: output)
        var context = common(kind: "role", outputPath: output, title: role.title, description: role.summary, roleIDs: [role.id])
        let diagram = "media/role-\(role.id).svg"
        context["role"] = [
            "id": role.id, "title": role.title, "summary": role.summary,
            "layers": role.layers.compactMap { configuration.layer($0) }.map { ["number": $0.number, "title": $0.title, "summary": $0.summary, "url": root + SiteStructure.layerURL($0.number)] as [String: Any] },
            "articles": (structure.rolePaths[role.id] ?? []).map { ["title": $0.displayTitle, "url": root + $0.outputPath, "description": $0.frontMatter.description ?? ""] },
            "questions": (structure.questions[role.id] ?? []).map { ["text": $0.text, "url": root + $0.outputPath + "#" + $0.fragment, "articleTitle": $0.articleTitle] },
            "hasQuestions": !(structure.questions[role.id] ?? []).isEmpty,
            "diagram": structure.site.files.contains(diagram) ? root + diagram : "",
        ] as [String: Any]
        return context
    }

    func layer(_ layer: Layer) -> [String: Any] {
        let output = SiteStructure.layerURL(layer.number)
        let root = RelativePath.rootPrefix(of: output)
        var context = common(kind: "layer", outputPath: output, title: "Layer \(layer.number): \(layer.title)", description: layer.summary, roleIDs: [])
        let pages = structure.site.readingOrder.filter { page in structure.pageByOutput[page.outputPath] != nil && page.frontMatter.layers.contains(String(layer.number)) }
        context["layer"] = [
            "number": layer.number, "title": layer.title, "summary": layer.summary, "components": layer.components,
            "roles": configuration.roles.filter { $0.layers.contains(layer.number) }.map { ["id": $0.id, "title": $0.title, "url": root + SiteStructure.roleURL($0.id)] },
            "articles": pages.map { ["title": $0.displayTitle, "url": root + $0.outputPath, "description": $0.frontMatter.description ?? ""] },
        ] as [String: Any]
        return context
    }

    func matrix() -> [String: Any] {
        var context = common(kind: "matrix", outputPath: "matrix.html", title: "Roles and layers", description: "Which role owns which layer, and the articles for each.", roleIDs: [])
        context["layers"] = configuration.layers.map { ["number": $0.number, "title": $0.title, "url": SiteStructure.layerURL($0.number)] as [String: Any] }
        context["rows"] = configuration.roles.map { role in
            [
                "role": ["id": role.id, "title": role.title, "url": SiteStructure.roleURL(role.id)],
                "cells": configuration.layers.map { layer -> [String: Any] in
                    let articles = (structure.rolePaths[role.id] ?? []).filter { $0.frontMatter.layers.contains(String(layer.number)) }
                    return ["owned": role.layers.contains(layer.number), "count": articles.count,
                            "articles": articles.map { ["title": $0.displayTitle, "url": $0.outputPath] }]
                },
            ] as [String: Any]
        }
        return context
    }

    func search() -> [String: Any] {
        // No list of every page: on a large site it made search.html megabytes.
        common(kind: "search", outputPath: "search.html", title: "Search", description: "Search \(configuration.title).", roleIDs: [])
    }

    func notFound() -> [String: Any] {
        // Hosts serve 404.html at any depth, so with a base URL every link goes through it.
        let base = options.baseURL.isEmpty ? nil : (options.baseURL.hasSuffix("/") ? options.baseURL : options.baseURL + "/")
        return common(kind: "404", outputPath: "404.html", title: "Page not found", description: "", roleIDs: [], root: base)
    }
}
