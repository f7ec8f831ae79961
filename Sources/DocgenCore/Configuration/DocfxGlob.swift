/// A file glob as DocFX matches it (`Docfx.Glob.GlobMatcher` with its default options), so that
/// `docfx.json` `fileMetadata` and `content` globs select the pages Learn selects:
///
/// - matched segment by segment, ignoring letter case;
/// - `**` as a whole segment is any number of folders (`a/**/b.md`), and as the last segment any
///   file below (`a/**`); `**.md` at the start of a segment is `**/*.md` (so `atl/**.md` is
///   every `.md` under `atl/`); `**` inside a segment is `*`;
/// - `*` is any run of characters within a segment, `?` one character, `[abc]` a class;
/// - `{a,b}` alternatives; a leading `!` negates;
/// - `*`, `**` and `?` never match a segment that starts with a dot (`.github/`), unless the
///   pattern's segment starts with one.
public struct DocfxGlob: Sendable, Hashable {
    private enum Segment: Sendable, Hashable {
        /// `**/`: zero or more folders.
        case folders
        /// A final `**`: one or more segments, the last a file.
        case anythingBelow
        /// A segment with wildcards, as lower-cased characters.
        case pattern([Character])
        /// A plain name, lower-cased.
        case literal(String)
    }

    /// The pattern as written.
    public let raw: String
    private let alternatives: [[Segment]]
    private let negated: Bool

    /// Compiles `pattern`.
    public init(_ pattern: String) {
        raw = pattern
        var body = Substring(pattern)
        var negated = false
        while body.first == "!" { negated.toggle(); body = body.dropFirst() }
        self.negated = negated
        alternatives = Self.expandBraces(String(body)).map(Self.compile)
    }

    /// Whether the `/`-separated relative `path` matches.
    public func matches(_ path: String) -> Bool {
        matches(parts: Self.parts(of: path))
    }

    /// Whether a path split by ``parts(of:)`` matches; for matching one path against many globs.
    public func matches(parts: [[Character]]) -> Bool {
        let matched = alternatives.contains { Self.match($0[...], parts[...]) }
        return matched != negated
    }

    /// A path's segments, lower-cased, as the matcher compares them.
    public static func parts(of path: String) -> [[Character]] {
        path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.lowercased()) }
    }

    private static func compile(_ glob: String) -> [Segment] {
        var segments: [Segment] = []
        let parts = glob.split(separator: "/", omittingEmptySubsequences: true)
        for (index, part) in parts.enumerated() {
            let isLast = index == parts.count - 1 && !glob.hasSuffix("/")
            if part.allSatisfy({ $0 == "*" }) && part.count >= 2 {
                segments.append(isLast ? .anythingBelow : .folders)
            } else if part.hasPrefix("**"), let rest = part.drop(while: { $0 == "*" }).first, rest != "/" {
                // `**.md` is `**/*.md`.
                segments.append(.folders)
                segments.append(.pattern(Array("*" + part.drop(while: { $0 == "*" }).lowercased())))
            } else if part.contains(where: { "*?[\\".contains($0) }) {
                segments.append(.pattern(Array(part.lowercased())))
            } else {
                segments.append(.literal(part.lowercased()))
            }
        }
        return segments
    }

    /// `a{b,c}d` as `abd` and `acd`, nested groups included; an unclosed brace is literal.
    static func expandBraces(_ pattern: String) -> [String] {
        let characters = Array(pattern)
        guard let open = characters.firstIndex(of: "{") else { return [pattern] }
        var depth = 0
        var close: Int?
        var commas: [Int] = []
        for index in open..<characters.count {
            switch characters[index] {
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth == 0 { close = index }
            case "," where depth == 1: commas.append(index)
            default: break
            }
            if close != nil { break }
        }
        guard let close else { return [pattern] }
        let prefix = String(characters[..<open]), suffix = String(characters[(close + 1)...])
        let bounds = [open] + commas + [close]
        var result: [String] = []
        for index in 0..<(bounds.count - 1) {
            let choice = String(characters[(bounds[index] + 1)..<bounds[index + 1]])
            result += expandBraces(prefix + choice + suffix)
        }
        return result
    }

    private static func match(_ glob: ArraySlice<Segment>, _ path: ArraySlice<[Character]>) -> Bool {
        guard let first = glob.first else { return path.isEmpty }
        switch first {
        case .folders:
            // Zero folders, or one more (not a dot folder) and try again.
            if match(glob.dropFirst(), path) { return true }
            guard path.count > 1, let folder = path.first, folder.first != "." else { return false }
            return match(glob, path.dropFirst())
        case .anythingBelow:
            return !path.isEmpty && path.allSatisfy { $0.first != "." }
        case .pattern(let pattern):
            guard let part = path.first, segmentMatches(pattern, part) else { return false }
            return match(glob.dropFirst(), path.dropFirst())
        case .literal(let name):
            guard let part = path.first, part.count == name.count, String(part) == name else { return false }
            return match(glob.dropFirst(), path.dropFirst())
        }
    }

    /// One segment against one name; both lower-cased.
    static func segmentMatches(_ pattern: [Character], _ name: [Character]) -> Bool {
        // Wildcards never match a leading dot; a pattern that starts with one matches it literally.
        if name.first == ".", pattern.first != "." { return false }
        // Iterative wildcard matching with one backtrack point: linear in practice.
        var p = 0, n = 0
        var star: Int?, starName = 0
        while n < name.count {
            if p < pattern.count, pattern[p] == "*" {
                while p < pattern.count, pattern[p] == "*" { p += 1 }
                star = p
                starName = n
                continue
            }
            if p < pattern.count, let width = singleMatch(pattern, p, name[n]) {
                p += width
                n += 1
                continue
            }
            guard let resume = star else { return false }
            starName += 1
            n = starName
            p = resume
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    /// How many pattern characters at `p` match `character` (1, or a whole `[...]` class), nil
    /// when they do not.
    private static func singleMatch(_ pattern: [Character], _ p: Int, _ character: Character) -> Int? {
        switch pattern[p] {
        case "?": return 1
        case "\\" where p + 1 < pattern.count: return pattern[p + 1] == character ? 2 : nil
        case "[":
            guard let close = pattern[(p + 1)...].firstIndex(of: "]"), close > p + 1 else { return pattern[p] == character ? 1 : nil }
            var members = pattern[(p + 1)..<close]
            let negate = members.first == "!" || members.first == "^"
            if negate { members = members.dropFirst() }
            var found = false
            var index = members.startIndex
            while index < members.endIndex {
                if index + 2 < members.endIndex, members[index + 1] == "-" {
                    if members[index] <= character && character <= members[index + 2] { found = true }
                    index += 3
                } else {
                    if members[index] == character { found = true }
                    index += 1
                }
            }
            return found != negate ? close - p + 1 : nil
        default:
            return pattern[p] == character ? 1 : nil
        }
    }
}
