import Foundation

/// The search index of a build that re-rendered a few pages, made from the index the last build
/// wrote: only the postings of the terms those pages gained or lost change. Making the whole
/// index again from every page's terms was the largest step of a build after one edit.
///
/// It applies only where the pages are numbered as before: the document table (every page's
/// title, URL, roles, description and headings, in the site's order) must be the last build's
/// exactly. Anything unexpected in the old files, and the caller builds the whole index.
public enum SearchIndexPatch {
    /// The index's files, or nil when the last build's `previous` files (by output path) cannot
    /// be patched. `documents` are every page's ``SearchIndexBuilder/document(_:)`` in order,
    /// `changed` the pages re-rendered, by number, with their terms before and now.
    static func files(previous: [String: String], documents: [String], changed: [Int: (before: [Substring], now: [Substring])]) -> [(path: String, text: String)]? {
        guard let head = previous["search-index.js"], let (partCount, oldDocuments) = parseHead(head), oldDocuments.count == documents.count,
              zip(oldDocuments, documents).allSatisfy({ $0.utf8.elementsEqual($1.utf8) })
        else { return nil }
        var postings: [String: String] = [:]
        for number in 0..<partCount {
            guard let text = previous[SearchIndexBuilder.termsFilePath(number)], let entries = parseTerms(text, part: number) else { return nil }
            for (term, encoded) in entries { postings[term] = encoded }
        }
        var edits: [String: (removed: Set<Int>, added: Set<Int>)] = [:]
        for (number, terms) in changed {
            let before = Set(terms.before.map(String.init))
            let now = Set(terms.now.map(String.init))
            // Two terms of a page equal as strings count twice in a whole index; rare enough to
            // make it whole.
            guard before.count == terms.before.count, now.count == terms.now.count else { return nil }
            for term in before.subtracting(now) { edits[term, default: ([], [])].removed.insert(number) }
            for term in now.subtracting(before) { edits[term, default: ([], [])].added.insert(number) }
        }
        for (term, edit) in edits {
            guard var numbers = postings[term].map(decodePostings) ?? [] else { return nil }
            numbers.removeAll { edit.removed.contains($0) || edit.added.contains($0) }
            numbers = (numbers + edit.added).sorted()
            postings[term] = numbers.isEmpty ? nil : SearchIndexBuilder.encodePostings(numbers)
        }
        let entries = postings.sorted { $0.key < $1.key }.map { term, encoded in (term, SearchIndexBuilder.entryLine(term, encoded)) }
        return SearchIndexBuilder.files(documents: documents, entries: entries)
    }

    /// The part count and the document table of `search-index.js`.
    private static func parseHead(_ text: String) -> (parts: Int, documents: [Substring])? {
        let prefix = SearchIndexBuilder.indexFilePrefix
        let marker = ",\n\"docs\":["
        guard text.hasPrefix(prefix), text.hasSuffix("]};\n") else { return nil }
        let afterPrefix = text.utf8.index(text.utf8.startIndex, offsetBy: prefix.utf8.count)
        guard let comma = text.utf8[afterPrefix...].firstIndex(of: UInt8(ascii: ",")),
              let parts = Int(Substring(text.utf8[afterPrefix..<comma])),
              let docs = text.range(of: marker)
        else { return nil }
        let table = Substring(text.utf8[docs.upperBound..<text.utf8.index(text.utf8.endIndex, offsetBy: -4)])
        return (parts, table.isEmpty ? [] : lines(table))
    }

    /// The entries of a part (term and its encoded postings), or nil when the file is not a part
    /// as ``SearchIndexBuilder/files(documents:terms:)`` writes it.
    private static func parseTerms(_ text: String, part: Int) -> [(String, String)]? {
        let prefix = SearchIndexBuilder.termsFilePrefix(part)
        guard text.hasPrefix(prefix), text.hasSuffix("});\n") else { return nil }
        let body = Substring(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: prefix.utf8.count)..<text.utf8.index(text.utf8.endIndex, offsetBy: -4)])
        if body.isEmpty { return [] }
        var entries: [(String, String)] = []
        let quote = UInt8(ascii: "\"")
        for line in lines(body) {
            // `"term":"gaps"`: a term is letters and digits, which JSON writes as they are.
            let bytes = line.utf8
            guard bytes.first == quote, bytes.last == quote, bytes.count >= 6,
                  let termEnd = bytes.dropFirst().firstIndex(of: quote),
                  bytes[bytes.index(after: termEnd)] == UInt8(ascii: ":"), bytes[bytes.index(termEnd, offsetBy: 2)] == quote
            else { return nil }
            let term = Substring(bytes[bytes.index(after: bytes.startIndex)..<termEnd])
            let gaps = Substring(bytes[bytes.index(termEnd, offsetBy: 3)..<bytes.index(before: bytes.endIndex)])
            guard !term.utf8.contains(UInt8(ascii: "\\")), !gaps.utf8.contains(quote) else { return nil }
            entries.append((String(term), String(gaps)))
        }
        return entries
    }

    /// The lines of `text` joined by `",\n"`, cut at the bytes: a line of the index is JSON,
    /// which never holds a line break of its own.
    private static func lines(_ text: Substring) -> [Substring] {
        let pieces = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        return pieces.indices.map { index in
            // Every line but the last ends with the comma that joined it to the next; a line
            // without one is left as it is, and the caller finds it malformed.
            let piece = pieces[index]
            guard index < pieces.count - 1, piece.last == UInt8(ascii: ",") else { return Substring(piece) }
            return Substring(piece.dropLast())
        }
    }

    /// The document numbers ``SearchIndexBuilder/encodePostings(_:)`` encoded, or nil when
    /// `encoded` is not such a list.
    static func decodePostings(_ encoded: String) -> [Int]? {
        var numbers: [Int] = []
        var previous = 0
        for gap in encoded.split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = Int(gap, radix: 36), value >= 0 else { return nil }
            previous += value
            numbers.append(previous)
        }
        return numbers
    }

    /// The search index's files a built site at `output` holds, by output path; empty when
    /// there are none.
    public static func read(from output: URL) -> [String: String] {
        var files: [String: String] = [:]
        if let text = try? String(contentsOf: output.appendingPathComponent("search-index.js"), encoding: .utf8) { files["search-index.js"] = text }
        let folder = output.appendingPathComponent("search")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where SearchIndexBuilder.isIndexFile("search/" + name) {
            if let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) { files["search/" + name] = text }
        }
        return files
    }
}
