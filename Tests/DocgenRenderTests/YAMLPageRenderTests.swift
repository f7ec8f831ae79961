@testable import DocgenRender
import DocgenCore
import DocgenTestSupport
import Foundation
import Testing

/// Landing, Hub and FAQ pages as readers see them.
@Suite struct YAMLPageRenderTests {
    private static func article(_ html: String) -> String { RenderedSite.element("article", in: html) }

    private static let page = "---\ntitle: Start\n---\n# Start\n"

    @Test func rendersALandingPageAsCardsOfLinkLists() throws {
        let pages = try RenderedSite.build([
            "cli/index.yml": """
            ### YamlMime:Landing
            title: Azure CLI <docs>
            summary: Manage Azure from a *shell*.
            landingContent:
              - title: About
                linkLists:
                  - linkListType: how-to-guide
                    links:
                      - text: Get started
                        url: start.md
                      - text: Learn module
                        url: /training/modules/cli
                      - text: Unsafe
                        url: javascript:alert(1)
            """,
            "cli/start.md": Self.page,
        ])
        let html = Self.article(try #require(pages["cli/index.html"]))
        #expect(html == """
        <article class="article landing">
        <header class="article-header">
        <h1>Azure CLI &lt;docs&gt;</h1>
        </header>
        <p>Manage Azure from a <em>shell</em>.</p>

        <section class="landing-section">
        <ul class="landing-cards">
        <li class="landing-card">
        <h3 class="landing-card-title">About</h3>
        <p class="landing-list-label">How-to guide</p>
        <ul class="landing-links">
        <li><a href="start.html">Get started</a></li>
        <li><a href="/training/modules/cli">Learn module</a></li>
        <li>Unsafe</li>
        </ul>
        </li>
        </ul>
        </section>
        </article>
        """)
    }

    @Test func rendersAHubPageSectionsAndTheRootIndexAsTheHomePage() throws {
        let pages = try RenderedSite.build([
            "index.yml": """
            ### YamlMime:Hub
            title: Contoso documentation
            highlightedContent:
              items:
                - title: About Contoso
                  itemType: overview
                  url: start.md
            conceptualContent:
              title: Concepts
              items:
                - title: Clusters
                  links:
                    - text: Nodes
                      url: start.md#nodes
            """,
            "start.md": Self.page,
        ])
        let home = try #require(pages["index.html"])
        #expect(home.contains("<title>Contoso documentation | Documentation</title>"))
        #expect(home.contains("<p class=\"landing-card-type\">Overview</p>\n<h3 class=\"landing-card-title\"><a href=\"start.html\">About Contoso</a></h3>"))
        #expect(home.contains("<section class=\"landing-section\" aria-label=\"Concepts\">\n<h2>Concepts</h2>"))
        #expect(home.contains("<li><a href=\"start.html#nodes\">Nodes</a></li>"))
        #expect(!home.contains("hero-title"))
    }

    @Test func rendersAnFAQWithAnchoredQuestionsAndMarkdownAnswers() throws {
        let pages = try RenderedSite.build([
            "faq.yml": """
            ### YamlMime:FAQ
            title: Questions
            sections:
              - name: General
                questions:
                  - question: How do I start?
                    answer: |
                      See [Start](start.md) and run `contoso init`.
                  - question: How do I start?
                    answer: Twice.
            """,
            "start.md": Self.page,
            "link.md": "---\ntitle: Link\n---\n# Link\n\nRead the [FAQ](faq.yml#how-do-i-start).\n",
        ])
        let html = Self.article(try #require(pages["faq.html"]))
        #expect(html.contains("<h2 id=\"general\">General</h2>\n<h3 id=\"how-do-i-start\">How do I start?</h3>\n<div class=\"faq-answer\">\n<p>See <a href=\"start.html\">Start</a> and run <code>contoso init</code>.</p>\n</div>\n<h3 id=\"how-do-i-start-1\">How do I start?</h3>"))
        #expect(try #require(pages["link.html"]).contains("<a href=\"faq.html#how-do-i-start\">FAQ</a>"))
    }
}
