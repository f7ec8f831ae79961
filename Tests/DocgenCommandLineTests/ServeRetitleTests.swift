@testable import DocgenServe
import DocgenTestSupport
import Foundation
import Testing

/// A save that changes a page's title or description, and nothing else other pages read of it,
/// keeps the site's structure with the new title in it instead of making it again: what a
/// browser then sees is exactly what a fresh start on the same files shows.
@Suite("serve: a new title keeps the site's structure")
struct ServeRetitleTests {
    private static let configuration = """
        site:
          title: Retitle site
          description: Pages whose titles change.
        roles:
          - id: operator
            title: Operator
            summary: Runs the clusters.
            layers: [1]
        layers:
          - number: 1
            title: Clusters
            summary: The machines.

        """

    private static func page(_ title: String, description: String = "A page the retitle tests edit.", body: String) -> String {
        """
        ---
        title: \(title)
        description: \(description)
        author: docgen
        ms.date: 01/15/2026
        roles: [operator]
        layers: [1]
        ---

        \(body)
        """
    }

    private static let alertsBody = "# Alerts\n\n## How do I silence an alert?\n\nSilence it. See [logs](logs.md).\n"

    private static func pages() -> [String: String] {
        [
            "alerts.md": page("Alerts for operators", body: alertsBody),
            "logs.md": page("Logs for operators", body: "# Logs\n\nRead the logs. See [alerts](alerts.md#how-do-i-silence-an-alert).\n"),
            "nodes.md": page("Nodes for operators", body: "# Nodes\n\nWatch the nodes.\n"),
            ".openpublishing.redirection.json": #"{"redirections": [{"source_path": "old-alerts.md", "redirect_url": "alerts"}]}"#,
        ]
    }

    @Test("A new title on a site whose TOC names its entries shows in the neighbours, the role's questions and the redirect page")
    func titleWithANamedTOC() throws {
        var files = Self.pages()
        files["docgen.yml"] = Self.configuration
        files["toc.yml"] = "- name: Alerts\n  href: alerts.md\n- name: Logs\n  href: logs.md\n- name: Nodes\n  href: nodes.md\n"
        let (content, templates, builder) = try ServeFixtures.started(files)

        try content.write("alerts.md", Self.page("Silencing alerts", description: "How operators silence alerts.", body: Self.alertsBody))
        let retitled = builder.update(ChangeWatcher.Changes(modified: ["alerts.md"]))
        #expect(retitled.retitledStructure)
        #expect(!retitled.keptStructure)
        #expect(try ServeFixtures.servedPage("logs.html", in: retitled).contains("Silencing alerts"), "the previous-page link of the page after shows the new title")
        #expect(try ServeFixtures.servedPage("roles/operator.html", in: retitled).contains("How operators silence alerts."))
        #expect(try ServeFixtures.servedPage("old-alerts.html", in: retitled).contains("Silencing alerts"))
        ServeFixtures.expectSameAsFreshStart(retitled, content: content, templates: templates)
    }

    @Test("A new title on a site navigated by its folders, past the inline limit, shows in the navigation's file")
    func titleInAFolderNavigation() throws {
        var files = Self.pages()
        files["docgen.yml"] = Self.configuration + "navigation:\n  inline-limit: 2\n"
        let (content, templates, builder) = try ServeFixtures.started(files)
        let before = try ServeFixtures.servedPage("toc/site.js", in: builder.build())
        #expect(before.contains("Alerts for operators"))

        try content.write("alerts.md", Self.page("Silencing alerts", body: Self.alertsBody))
        let retitled = builder.update(ChangeWatcher.Changes(modified: ["alerts.md"]))
        #expect(retitled.retitledStructure)
        let script = try ServeFixtures.servedPage("toc/site.js", in: retitled)
        #expect(script.contains("Silencing alerts") && !script.contains("Alerts for operators"))
        ServeFixtures.expectSameAsFreshStart(retitled, content: content, templates: templates)
    }

    @Test("A title saved with a new role, heading or front matter key makes the structure again")
    func titleWithOtherFacts() throws {
        var files = Self.pages()
        files["docgen.yml"] = Self.configuration
        let (content, templates, builder) = try ServeFixtures.started(files)

        try content.write("nodes.md", Self.page("Node pools", body: "# Nodes\n\n## How do I drain a node?\n\nDrain it.\n"))
        let headed = builder.update(ChangeWatcher.Changes(modified: ["nodes.md"]))
        #expect(!headed.retitledStructure && !headed.keptStructure, "a new question changes the role's questions")
        ServeFixtures.expectSameAsFreshStart(headed, content: content, templates: templates)

        try content.write("nodes.md", Self.page("Node pools", body: "# Nodes\n\n## How do I drain a node?\n\nDrain it.\n").replacingOccurrences(of: "layers: [1]", with: "layers: []"))
        let relayered = builder.update(ChangeWatcher.Changes(modified: ["nodes.md"]))
        #expect(!relayered.retitledStructure && !relayered.keptStructure)
        ServeFixtures.expectSameAsFreshStart(relayered, content: content, templates: templates)
    }
}
