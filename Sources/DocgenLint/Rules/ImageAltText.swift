import DocgenCore
import DocgenMarkup
import Foundation

/// Reports Markdown images without alt text, and alt text that is only a file name or a generic
/// word such as `image1` or `screenshot`.
public struct ImageAltText: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG202", alias: "image-alt-text",
        summary: "Images must have alt text that describes them",
        severity: .warning, tags: ["images", "accessibility"],
        rationale: "Screen readers read the alt text in place of the image, and it shows when the image fails to load. An empty alt hides the image from those readers; a file name or 'screenshot' tells them nothing. (:::image without alt-text is a syntax error, reported by DG203.)",
        bad: "![](media/node-view.png)\n\n![node-view.png](media/node-view.png)\n\n![Screenshot 1](media/pods.png)",
        good: "![Node health view with two nodes under memory pressure.](media/node-view.png)")

    /// Extensions that make alt text look like a file name.
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "tif", "tiff", "ico", "avif"]
    /// Words that say "an image" without saying what it shows.
    static let genericWords = ["screenshot", "screen shot", "screen-shot", "screen_shot", "screencap", "image", "img", "picture", "pic", "photo", "figure", "fig", "graphic", "untitled"]

    /// Reads where the page's links lead, which the Learn URL paths inferred from every page decide.
    public static let readsLoadedSite = true

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        context.links(in: document).compactMap { image in
            guard image.kind == .image || image.kind == .imageDirective else { return nil }
            let alt = image.text.trimmingWhitespace()
            if alt.isEmpty {
                // A missing :::image alt-text is a parse problem (DG203); icons may have none.
                guard image.kind == .image else { return nil }
                return Finding(path: image.path, at: image.position, "Image '\(image.destination)' has no alt text; describe what it shows in the brackets: ![description](\(image.destination)).")
            }
            guard Self.looksLikeFileName(alt, source: image.destination) else { return nil }
            return Finding(path: image.path, at: image.position, "Alt text '\(alt)' looks like a file name, not a description; describe what the image shows.")
        }
    }

    /// True for `x.png`, the source's own file name with or without extension, and generic
    /// names such as `image1`, `Screenshot (3)` or `IMG_0042`.
    static func looksLikeFileName(_ alt: String, source: String) -> Bool {
        let lower = alt.lowercased()
        if let dot = lower.lastIndex(of: "."), imageExtensions.contains(String(lower[lower.index(after: dot)...])) { return true }
        let path = source.prefix { $0 != "?" && $0 != "#" }
        let fileName = RelativePath.percentDecoded(String(path.split(separator: "/").last ?? "")).lowercased()
        let stem = fileName.lastIndex(of: ".").map { String(fileName[..<$0]) } ?? fileName
        if !fileName.isEmpty, lower == fileName || lower == stem { return true }
        // A generic word followed only by numbering: digits, separators, brackets.
        guard let word = genericWords.first(where: { lower.hasPrefix($0) }) else { return false }
        return lower.dropFirst(word.count).allSatisfy { $0.isNumber || " _-.()#".contains($0) }
    }
}
