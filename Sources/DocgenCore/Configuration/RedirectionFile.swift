import DocgenMarkup
import Foundation

/// One entry of a `.openpublishing.redirection*.json` file: a source path that no longer holds a
/// page and the URL its readers are sent to.
public struct Redirection: Sendable, Hashable {
    /// The content-root-relative source path, in the letter case written.
    public let source: String
    /// `redirect_url` as written, trimmed.
    public let url: String
    /// The redirection file, content-root-relative (or its name, for one above the root).
    public let file: String
    /// Where the entry's source key stands in that file.
    public let position: SourcePosition

    /// Creates an entry.
    public init(source: String, url: String, file: String, position: SourcePosition) {
        self.source = source
        self.url = url
        self.file = file
        self.position = position
    }
}

/// Reads one `.openpublishing.redirection*.json` file, keeping each entry's line so that findings
/// about a redirect point at it.
enum RedirectionFile {
    /// The keys Learn reads a source path from: `source_path_from_root` is relative to the
    /// repository, `source_path` to the redirection file's own folder (Learn's build rebases it
    /// there: docfx v3 `RedirectionProvider.LoadRedirectionModel`, "Rebase source_path based on
    /// redirection definition file path").
    static let fromRootKey = "source_path_from_root"
    static let relativeKey = "source_path"

    /// An entry as read, before its source is placed in the content root.
    struct Entry {
        var source: String
        var isFromRoot: Bool
        var url: String
        var position: SourcePosition
    }

    /// What reading a file gives.
    enum Outcome {
        case entries([Entry])
        case unreadable(DocumentProblem)
    }

    /// The entries of `data`, or a problem naming the line where the JSON stops being valid.
    static func read(_ data: Data, shownAs path: String) -> Outcome {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            let position = errorPosition(error, in: data)
            return .unreadable(DocumentProblem(.invalidYAML, "\(path) is not valid JSON (\(errorSummary(error))); its redirections are ignored, so old URLs it lists are not written and links to them may be reported as broken. Fix the JSON at this line.", path: path, at: position, isError: true))
        }
        guard let top = object as? [String: Any], let list = top["redirections"] as? [Any] else {
            return .unreadable(DocumentProblem(.invalidYAML, "\(path) has no \"redirections\" list; Learn reads { \"redirections\": [ { \"source_path\": ..., \"redirect_url\": ... } ] }.", path: path, at: .init(line: 1, column: 1), isError: true))
        }
        let text = String(decoding: data, as: UTF8.self)
        let lineStarts = lineStartOffsets(text)
        var searchFrom = text.utf8.startIndex
        var entries: [Entry] = []
        for item in list {
            guard let entry = item as? [String: Any] else { continue }
            let fromRoot = entry[fromRootKey] as? String
            let key = fromRoot != nil ? fromRootKey : relativeKey
            // Entries are in file order: the next occurrence of the key is this entry's.
            var position = SourcePosition(line: 1, column: 1)
            if let found = text[searchFrom...].range(of: "\"" + key + "\"") {
                position = self.position(of: text.utf8.distance(from: text.utf8.startIndex, to: found.lowerBound), lineStarts: lineStarts, text: text)
                searchFrom = found.upperBound
            }
            guard let source = fromRoot ?? (entry[relativeKey] as? String) else { continue }
            let url = ((entry["redirect_url"] as? String) ?? "").trimmingCharacters(in: .whitespaces)
            entries.append(Entry(source: source.trimmingCharacters(in: .whitespaces), isFromRoot: fromRoot != nil, url: url, position: position))
        }
        return .entries(entries)
    }

    private static func lineStartOffsets(_ text: String) -> [Int] {
        var starts = [0]
        for (offset, byte) in text.utf8.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        return starts
    }

    /// The 1-based line and character column of a UTF-8 offset.
    private static func position(of offset: Int, lineStarts: [Int], text: String) -> SourcePosition {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[low])
        let end = utf8.index(utf8.startIndex, offsetBy: offset)
        return SourcePosition(line: low + 1, column: text[start..<end].count + 1)
    }

    /// Where Foundation's JSON parser stopped: its message names a line and column, or a
    /// character offset; line 1 when it names neither.
    private static func errorPosition(_ error: Error, in data: Data) -> SourcePosition {
        let message = errorSummary(error)
        if let line = number(after: "line ", in: message) {
            return SourcePosition(line: line, column: max(1, (number(after: "column ", in: message) ?? 0) + 1))
        }
        if let offset = number(after: "character ", in: message) {
            let text = String(decoding: data, as: UTF8.self)
            return position(of: min(offset, text.utf8.count), lineStarts: lineStartOffsets(text), text: text)
        }
        return SourcePosition(line: 1, column: 1)
    }

    private static func errorSummary(_ error: Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
    }

    private static func number(after label: String, in text: String) -> Int? {
        guard let range = text.range(of: label) else { return nil }
        let digits = text[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return Int(digits)
    }
}
