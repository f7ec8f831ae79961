/// A Learn `:::image:::` directive after validation.
public struct ImageDirective: Sendable, Hashable {
    /// `content`, `complex` or `icon`.
    public enum ImageType: String, Sendable, Hashable {
        case content, complex, icon
    }

    /// The image type; `content` when omitted.
    public var type: ImageType
    /// The `source` path as written.
    public var source: String
    /// The `alt-text`, nil when missing.
    public var altText: String?
    /// The `lightbox` path, nil when absent.
    public var lightbox: String?
    /// The `link` URL, nil when absent; it wins over `lightbox`, as in DocFX.
    public var link: String?
    /// Whether to draw a border; defaults to true except for icons.
    public var border: Bool
    /// Where the directive starts in the file.
    public var position: SourcePosition

    /// The attributes Learn accepts on `:::image`.
    public static let knownAttributes: Set<String> = ["type", "source", "alt-text", "lightbox", "link", "border", "loc-scope"]

    /// Validates parsed attributes. Returns the directive, or the problems that make it invalid.
    public static func make(
        from parsed: DirectiveAttributes, at position: SourcePosition
    ) -> (ImageDirective?, [MarkupProblem]) {
        var problems: [MarkupProblem] = parsed.errors.map {
            MarkupProblem(.imageDirective, "Invalid :::image: \($0.message)", at: position.advanced(by: $0.offset))
        }
        for attribute in parsed.attributes where !knownAttributes.contains(attribute.name) {
            problems.append(MarkupProblem(
                .imageDirective,
                "Unknown attribute '\(attribute.name)' on :::image; use type, source, alt-text, lightbox, link, border or loc-scope.",
                at: position))
        }
        let typeValue = parsed["type"] ?? "content"
        guard let type = ImageType(rawValue: typeValue) else {
            problems.append(MarkupProblem(
                .imageDirective, "Invalid :::image type \"\(typeValue)\"; use content, complex or icon.", at: position))
            return (nil, problems)
        }
        guard let source = parsed["source"], !source.isEmpty else {
            problems.append(MarkupProblem(
                .imageDirective, ":::image has no source; add source=\"path/to/image.png\".", at: position))
            return (nil, problems)
        }
        let alt = parsed["alt-text"]
        if type != .icon, alt == nil || alt!.trimmingSpaces.isEmpty {
            problems.append(MarkupProblem(
                .imageDirective, ":::image has no alt-text; add alt-text=\"...\" describing the image.", at: position))
            return (nil, problems)
        }
        if !parsed.selfClosed {
            problems.append(MarkupProblem(
                .imageDirective, ":::image is not closed; end the directive with ':::' on the same line.", at: position, isError: false))
        }
        let border = parsed["border"].flatMap { Bool($0.lowercased()) } ?? (type != .icon)
        let image = ImageDirective(
            type: type, source: source, altText: alt, lightbox: parsed["lightbox"], link: parsed["link"],
            border: border, position: position)
        return (problems.contains { $0.isError } ? nil : image, problems)
    }
}

extension SourcePosition {
    /// The position `offset` characters further on the same line.
    public func advanced(by offset: Int) -> SourcePosition {
        SourcePosition(line: line, column: column + offset)
    }
}
