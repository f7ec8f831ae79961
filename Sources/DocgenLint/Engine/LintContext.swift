import DocgenCore
import Foundation

/// What a rule may look at besides the page: the whole site and the current date.
public struct LintContext: Sendable {
    /// The loaded site.
    public let site: Site
    /// "Today", fixed for the run so date rules are reproducible in tests.
    public let today: Date

    /// Creates a context.
    public init(site: Site, today: Date = Date()) {
        self.site = site
        self.today = today
    }

    /// Resolves a link destination written in the file at root-relative `path`.
    public func resolve(_ destination: String, from path: String) -> LinkTarget {
        LinkTarget.resolve(destination, from: path, files: site.files)
    }
}
