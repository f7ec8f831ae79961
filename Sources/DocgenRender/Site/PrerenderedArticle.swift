import DocgenCore
import Foundation

/// An article rendered as its page is read, before the rest of the site is (`build`), so that the
/// page's tree can be dropped at once: its HTML with the links that wait for the loaded site
/// left pending, its versions, and what the search index and the asset copy keep of it.
/// ``SiteOutputs`` takes it from the page's memo instead of rendering the page's tree.
public struct PrerenderedArticle: Sendable {
    /// The article, without its plain text, which `summary` holds as search terms, and without
    /// its body when that was written to a spill file.
    var article: RenderedArticle
    var monikers: PageMonikers
    var summary: ArticleSummary
    /// Where the body was written, when it was.
    var spilledBody: (file: ArticleSpill, place: ArticleSpill.Place)?

    /// The article, its body read back from the spill file when it was written there.
    var wholeArticle: RenderedArticle {
        guard let spilledBody else { return article }
        var whole = article
        whole.bodyHTML = spilledBody.file.read(spilledBody.place)
        return whole
    }

    /// The name it is kept under in a page's memo.
    static let memoKey = "render.prerendered-article"

    /// The function that renders each page `options` publishes as the site is known before any
    /// page is read (`frame`: its files, configuration, docfx.json and YAML pages) and keeps the
    /// result in the page's memo, its body written to `spill` when there is one; it reads the
    /// page's tree, so call it before dropping the tree.
    public static func recorder(for frame: Site, options: BuildOptions, spill: ArticleSpill?) -> @Sendable (Document) -> Void {
        let reserved = SiteRenderer.reservedOutputPaths(for: frame.configuration)
        return { page in
            guard SiteOutputs.publishes(page, options: options, reserved: reserved) else { return }
            let (article, monikers) = SiteOutputs.renderArticle(page, in: frame, pendingSiteLinks: true)
            let summary = SiteOutputs.summary(of: page, article)
            var kept = article
            kept.plainText = ""
            let spilledBody = spill.flatMap { spill in spill.store(article.bodyHTML).map { (spill, $0) } }
            if spilledBody != nil { kept.bodyHTML = "" }
            _ = page.memo.value(memoKey) { PrerenderedArticle(article: kept, monikers: monikers, summary: summary, spilledBody: spilledBody) }
        }
    }

    /// The article `page` was rendered into as it was read, if it was.
    static func of(_ page: Document) -> PrerenderedArticle? {
        page.memo.recorded(memoKey)
    }
}
