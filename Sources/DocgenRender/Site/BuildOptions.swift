import Foundation

/// How to build a site.
public struct BuildOptions: Sendable {
    /// The content root.
    public var contentRoot: URL
    /// Where the site goes.
    public var output: URL
    /// The templates folder.
    public var templates: URL
    /// Absolute base URL for canonical links and the sitemap ("" for none).
    public var baseURL: String
    /// Whether pages marked `draft: true` are published.
    public var includeDrafts: Bool
    /// "Today", for the date rules.
    public var today: Date
    /// Whether the draft-gap rules (tagged `drafts`) run too; by default they are left to
    /// `docgen lint`, and the build checks what breaks a published page.
    public var draftChecks: Bool

    /// Creates options.
    public init(contentRoot: URL, output: URL, templates: URL, baseURL: String = "", includeDrafts: Bool = false, draftChecks: Bool = false, today: Date = Date()) {
        self.contentRoot = contentRoot
        self.output = output
        self.templates = templates
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.today = today
        self.draftChecks = draftChecks
    }
}
