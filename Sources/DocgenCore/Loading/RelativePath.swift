import DocgenMarkup
/// Helpers for `/`-separated paths relative to the content root.
public enum RelativePath {
    /// The folder part of `path` (`a/b.md` -> `a`), empty at the root.
    public static func directory(of path: String) -> String {
        // By byte: a walk by characters cost more than the rest of listing a large root.
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// The last part of a root-relative path, the file's name.
    public static func name(of path: String) -> Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path[...] }
        return path[path.utf8.index(after: slash)...]
    }

    /// Where the extension of the file `path` names starts: its last `.` after its last `/`,
    /// nil when its name has none. By byte: a `contains("/")` on the text searches through
    /// Foundation, and every page's output path is asked for on each build and save.
    public static func extensionDot(in path: String) -> String.Index? {
        let bytes = path.utf8
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), !bytes[dot...].contains(UInt8(ascii: "/")) else { return nil }
        return dot
    }

    /// Whether `path` ends with `suffix` (lowercase ASCII, such as `.md`) in any letter case;
    /// compared by byte, without making a lowercased copy of every path of a root.
    public static func hasSuffix(_ path: some StringProtocol, ignoringCase suffix: String) -> Bool {
        let bytes = path.utf8
        let wanted = suffix.utf8
        guard bytes.count >= wanted.count else { return false }
        return zip(bytes.suffix(wanted.count), wanted).allSatisfy { byte, lower in byte.asciiLowercased == lower }
    }

    /// Whether the file `path` names is called `name` (lowercase ASCII, such as `toc.yml`) in any
    /// letter case, as DocFX matches the names of the files it reads.
    public static func isNamed(_ path: String, ignoringCase name: String) -> Bool {
        Self.name(of: path).utf8.count == name.utf8.count && hasSuffix(path, ignoringCase: name)
    }

    /// Joins `relative` onto the folder `base` and folds `.` and `..`. Returns nil when the result
    /// would climb above the root.
    public static func join(_ base: String, _ relative: String) -> String? {
        var parts = base.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The path to `target` as a relative link from a page at `from` (both root-relative).
    public static func link(from: String, to target: String) -> String {
        let fromParts = directory(of: from).split(separator: "/")
        let targetParts = target.split(separator: "/")
        var common = 0
        while common < fromParts.count, common < targetParts.count - 1, fromParts[common] == targetParts[common] { common += 1 }
        let ups = Array(repeating: "..", count: fromParts.count - common)
        let rest = targetParts[common...].map(String.init)
        return (ups + rest).joined(separator: "/")
    }

    /// The prefix that leads from a page at `path` back to the root (`a/b.html` -> `../`).
    public static func rootPrefix(of path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    /// Decodes `%XX` escapes; leaves malformed escapes as written.
    public static func percentDecoded(_ text: String) -> String {
        guard text.containsBytes("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.first {
            utf8 = utf8.dropFirst()
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
