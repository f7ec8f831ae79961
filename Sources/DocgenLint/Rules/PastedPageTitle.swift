import DocgenCore
import DocgenMarkup
import Foundation

/// Reports link text and lines of text that are a page title pasted from a browser tab, such as
/// "Azure Defender for Kubernetes - the benefits and features | Microsoft Docs".
public struct PastedPageTitle: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG407", alias: "pasted-page-title",
        summary: "Link text is a short description, not a pasted page title",
        severity: .warning, tags: ["drafts", "links"],
        rationale: "A browser-tab title with its ' | Microsoft Docs' suffix is a note the author pasted to look at later. As link text it is long, names a site that has been renamed, and breaks when the target's title changes.",
        bad: "See [Connect AKS diagnostics logs to Microsoft Sentinel | Microsoft Docs](../sentinel/aks.md).\n",
        good: "See [Connect AKS diagnostics logs to Microsoft Sentinel](../sentinel/aks.md).\n",
        options: ["title-suffixes": defaultSuffixes.joined(separator: ", ")],
        fix: "the site-name suffix (' | Microsoft Docs') removed")

    /// The site names browsers show after a Learn page's title.
    static let defaultSuffixes = Document.siteNameSuffixes

    private let suffixes: [String]

    public init(options: RuleOptions) {
        suffixes = options.strings("title-suffixes", default: Self.defaultSuffixes)
    }

    /// The suffix `text` ends with (after a space), compared without regard to case.
    static func suffix(of text: String, in suffixes: [String]) -> String? {
        guard mayEnd(withOneOf: suffixes, lastByte: text.utf8.last { $0 != UInt8(ascii: " ") }) else { return nil }
        var decided = true
        let found = suffixes.first { suffix in
            guard let ends = endsWithASCII(text, spaceAnd: suffix) else { decided = false; return false }
            return ends
        }
        if decided { return found }
        let trimmed = text.trimmingSpaces().lowercased()
        return suffixes.first { trimmed.hasSuffix(" " + $0.lowercased()) }
    }

    /// Whether `text`, without trailing spaces, ends with a space and the ASCII `suffix`, ignoring
    /// case, when that can be told from ASCII bytes alone: a mismatch among ASCII bytes at the
    /// end, or a match whose bytes and the byte before them are ASCII (so lower-casing and
    /// character boundaries work byte by byte); nil otherwise.
    private static func endsWithASCII(_ text: String, spaceAnd suffix: String) -> Bool? {
        let bytes = text.utf8, pattern = suffix.utf8
        var end = bytes.endIndex
        while end != bytes.startIndex, bytes[bytes.index(before: end)] == 0x20 { end = bytes.index(before: end) }
        var textIndex = end, patternIndex = pattern.endIndex
        // The suffix from its end, then the space before it.
        while true {
            let expected: UInt8
            if patternIndex != pattern.startIndex {
                patternIndex = pattern.index(before: patternIndex)
                expected = pattern[patternIndex]
                guard expected < 0x80 else { return nil }
            } else {
                expected = 0x20
            }
            // Every byte so far was ASCII: a text this short cannot end with the suffix.
            guard textIndex != bytes.startIndex else { return false }
            textIndex = bytes.index(before: textIndex)
            let byte = bytes[textIndex]
            guard byte < 0x80 else { return nil }
            // ASCII bytes differ from the end, so no lower-casing makes the text end with the suffix.
            if byte.asciiLowercased != expected.asciiLowercased { return false }
            if expected == 0x20, patternIndex == pattern.startIndex { break }
        }
        // The space must not be one of the leading spaces trimming would remove.
        guard let before = bytes[..<textIndex].lastIndex(where: { $0 != 0x20 }) else { return false }
        if bytes[before] >= 0x80 && before == bytes.index(before: textIndex) { return nil }
        return true
    }

    /// Whether text whose last byte other than a space is `lastByte` may end with one of the
    /// suffixes. Most text ends otherwise, and is ruled out without being lowercased.
    private static func mayEnd(withOneOf suffixes: [String], lastByte: UInt8?) -> Bool {
        guard let lastByte else { return false }
        // A non-ASCII character may lowercase to an ASCII one (the Kelvin sign to "k").
        if lastByte >= 0x80 { return true }
        return suffixes.contains { suffix in
            guard let end = suffix.utf8.last(where: { $0 != UInt8(ascii: " ") }) else { return true }
            return end >= 0x80 || end.asciiLowercased == lastByte.asciiLowercased
        }
    }

    /// The last byte of the pieces' text that is not a space.
    private static func lastNonSpaceByte(_ pieces: [DraftSupport.Piece]) -> UInt8? {
        for piece in pieces.reversed() {
            if let byte = piece.text.utf8.last(where: { $0 != UInt8(ascii: " ") }) { return byte }
        }
        return nil
    }

    /// The title without the site suffix and without a short trailing " - Product" part.
    static func shortTitle(_ text: String, suffix: String) -> String {
        var title = String(text.trimmingSpaces().dropLast(suffix.count)).trimmingSpaces()
        if let dash = title.range(of: " - ", options: .backwards), title[dash.upperBound...].split(separator: " ").count <= 4 {
            title = String(title[..<dash.lowerBound])
        }
        return title
    }

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        let sources = DraftSupport.Sources(document, context)
        var findings: [Finding] = []
        var linkText: [UInt8] = []
        document.root.walk(in: document.path) { node, path in
            switch node.kind {
            case .link(_, _, let autolink) where !autolink:
                // Most link text ends otherwise: rule it out on bytes before making a string.
                linkText.removeAll(keepingCapacity: true)
                node.appendPlainText(utf8: &linkText)
                guard Self.mayEnd(withOneOf: suffixes, lastByte: linkText.last { $0 != UInt8(ascii: " ") }) else { return }
                let text = String(decoding: linkText, as: UTF8.self)
                guard let suffix = Self.suffix(of: text, in: suffixes) else { return }
                let short = Self.shortTitle(text, suffix: suffix)
                let position = node.start ?? SourcePosition(line: 1, column: 1)
                findings.append(Finding(
                    path: path, at: position,
                    "Link text '\(text)' is a pasted page title; use a short description of the target, such as '\(short)'.",
                    suggestion: short, fix: context.edits(in: path).suffixSpan(suffix, from: position, before: "]").map { Fix("Remove '\(suffix)'", replacing: $0, with: "") }))
            case .paragraph, .heading, .tableCell:
                guard mayHoldPastedTitle(node) else { return }
                for line in lines(of: node) where Self.mayEnd(withOneOf: suffixes, lastByte: Self.lastNonSpaceByte(line)) {
                    let text = line.map(\.text).joined()
                    guard let suffix = Self.suffix(of: text, in: suffixes), let first = line.first(where: { !$0.text.allSatisfy(\.isWhitespace) }) else { continue }
                    let leading = first.text.prefix { $0 == " " }.count
                    let near = SourcePosition(line: first.start?.line ?? 1, column: (first.start?.column ?? 1) + leading)
                    let word = String(first.text.dropFirst(leading).prefix { $0 != " " })
                    let position = sources.locate(word, near: near, in: path)
                    findings.append(Finding(
                        path: path, at: position,
                        "'\(text.trimmingSpaces())' is a pasted page title; write a sentence or a link with a short description instead.",
                        suggestion: Self.shortTitle(text, suffix: suffix),
                        fix: context.edits(in: path).suffixSpan(suffix, from: position, before: nil).map { Fix("Remove '\(suffix)'", replacing: $0, with: "") }))
                }
            default:
                break
            }
        }
        return findings
    }

    /// Whether a source line of the block's text outside links ends with a byte a suffix ends
    /// with: the cheap test before ``lines(of:)`` makes pieces of every line.
    private func mayHoldPastedTitle(_ block: MarkupNode) -> Bool {
        var lastByte: UInt8?
        var found = false
        // `node` is inout to be lent in place (see `lendChildren`); nothing writes to it.
        func visit(_ node: inout MarkupNode) {
            switch node.kind {
            case .text(let value):
                if let byte = value.utf8.last(where: { $0 != UInt8(ascii: " ") }) { lastByte = byte }
            case .softBreak, .lineBreak:
                found = found || Self.mayEnd(withOneOf: suffixes, lastByte: lastByte)
                lastByte = nil
            case .emphasis, .strong, .strikethrough:
                node.lendChildren { visit(&$0) }
            default:
                break
            }
        }
        block.lendChildren { visit(&$0) }
        return found || Self.mayEnd(withOneOf: suffixes, lastByte: lastByte)
    }

    /// The text outside links of each source line of an inline block.
    private func lines(of block: MarkupNode) -> [[DraftSupport.Piece]] {
        var result: [[DraftSupport.Piece]] = [[]]
        func visit(_ node: MarkupNode) {
            switch node.kind {
            case .text(let value): result[result.count - 1].append(DraftSupport.Piece(text: value, start: node.start, isProse: true))
            case .softBreak, .lineBreak: result.append([])
            case .emphasis, .strong, .strikethrough: node.children.forEach(visit)
            default: break
            }
        }
        block.children.forEach(visit)
        return result.filter { !$0.isEmpty }
    }
}
