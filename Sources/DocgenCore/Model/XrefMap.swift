import Foundation

/// Cross-reference ids (`uid`) and what they name, so that `[text](xref:uid)` and `<xref:uid>`
/// become links: the doc set's own pages (`uid:` in front matter and YAML pages) and the entries of
/// its `xrefmap.yml` files (any in the content root, and the local files docfx.json's `build.xref`
/// names). UIDs are case-sensitive, as on Learn.
public struct XrefMap: Sendable {
    /// What a uid names.
    public struct Target: Sendable, Hashable {
        /// A page of this doc set (content-root-relative), when the uid is one of its pages.
        public var page: String?
        /// Otherwise the URL the xrefmap gives.
        public var url: String?
        /// The fragment the xrefmap's href carries.
        public var fragment: String?
        /// The xrefmap's `name`, or the page's title.
        public var name: String?
        /// The xrefmap's `fullName` (`System.String.Format`), for `displayProperty=fullName`.
        public var fullName: String?
        /// The xrefmap's `nameWithType` (`String.Format`), for `displayProperty=nameWithType`.
        public var nameWithType: String?
    }

    private var targets: [String: Target] = [:]

    /// No uids.
    public init() {}

    /// The uids of `documents`, `yamlPages` and the xrefmap files of the content root.
    public init(documents: [Document], yamlPages: [YAMLPage], files: ContentFiles, docfx: DocfxProject) {
        var targets: [String: Target] = [:]
        var mapFiles = files.paths.filter { RelativePath.isNamed($0, ignoringCase: "xrefmap.yml") }.sorted()
        for docset in docfx.docsets {
            for written in docset.metadata.xrefFiles where !written.contains("://") {
                if let path = docset.scope.prefix.isEmpty ? RelativePath.join(docset.scope.folder, written) : RelativePath.join("", docset.scope.prefix + written).flatMap(docset.scope.local),
                   files.contains(path), !mapFiles.contains(path) {
                    mapFiles.append(path)
                }
            }
        }
        for path in mapFiles {
            guard let text = files.read(path)?.text, let yaml = try? YAMLReader.read(text) else { continue }
            let base = yaml["baseUrl"]?.string
            for reference in yaml["references"]?.list ?? [] {
                guard let uid = reference["uid"]?.string, !uid.isEmpty, targets[uid] == nil else { continue }
                var target = Target(name: reference["name"]?.string, fullName: reference["fullName"]?.string, nameWithType: reference["nameWithType"]?.string)
                let href = reference["href"]?.string ?? ""
                let hash = href.firstIndex(of: "#")
                target.fragment = hash.map { String(href[href.index(after: $0)...]) }
                let pathPart = hash.map { String(href[..<$0]) } ?? href
                if href.contains("://") || href.hasPrefix("/") {
                    target.url = href
                } else if let base {
                    target.url = (base.hasSuffix("/") ? base : base + "/") + href
                } else if let page = RelativePath.join(RelativePath.directory(of: path), pathPart), files.contains(page) || files.contains(page + ".md") {
                    // A relative href names a file beside the xrefmap (DocFX resolves it from there).
                    target.page = files.contains(page) ? page : page + ".md"
                } else {
                    continue
                }
                targets[uid] = target
            }
        }
        // The doc set's own pages win over an xrefmap entry with the same uid.
        for document in documents {
            guard let uid = document.frontMatter.string("uid")?.trimmingCharacters(in: .whitespaces), !uid.isEmpty else { continue }
            targets[uid] = Target(page: document.path, name: document.displayTitle)
        }
        for page in yamlPages {
            guard let uid = (page.content["uid"]?.string ?? page.content["metadata"]?["uid"]?.string)?.trimmingCharacters(in: .whitespaces), !uid.isEmpty else { continue }
            targets[uid] = Target(page: page.path, name: page.displayTitle)
        }
        self.targets = targets
    }

    /// How many uids are known.
    public var count: Int { targets.count }

    /// What `uid` names.
    public func target(for uid: String) -> Target? { targets[uid] }

    /// An xref as written: `xref:uid?displayProperty=...#anchor`, `<xref:"uid">`.
    public struct Reference: Sendable, Hashable {
        /// The uid, percent-decoded (`%2A` is the `*` of an overload uid).
        public var uid: String
        /// `displayProperty` of the query: `name` (default), `nameWithType` or `fullName`.
        public var displayProperty: String?
        /// The `#anchor` written after the uid.
        public var fragment: String?

        /// Reads a destination (`xref:System.String?displayProperty=fullName`); nil when it is not an xref.
        public init?(_ destination: String) {
            guard Self.mayBeXref(destination) else { return nil }
            var text = Substring(destination.trimmingCharacters(in: .whitespaces))
            if text.hasPrefix("<") && text.hasSuffix(">") { text = text.dropFirst().dropLast() }
            guard text.lowercased().hasPrefix("xref:") else { return nil }
            text = text.dropFirst(5)
            // `xref:"uid"` or `xref:'uid'` (DocFX's quoted form, for a uid with spaces or `?`):
            // the query and fragment, if any, follow the closing quote.
            var quoted: Substring?
            if let quote = text.first, quote == "\"" || quote == "'", let close = text.dropFirst().firstIndex(of: quote) {
                quoted = text[text.index(after: text.startIndex)..<close]
                text = text[text.index(after: close)...]
            }
            if let hash = text.firstIndex(of: "#") {
                fragment = String(text[text.index(after: hash)...])
                text = text[..<hash]
            }
            if let question = text.firstIndex(of: "?") {
                for pair in text[text.index(after: question)...].split(separator: "&") {
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    if parts.count == 2, parts[0] == "displayProperty" { displayProperty = String(parts[1]) }
                }
                text = text[..<question]
            }
            uid = quoted.map(String.init) ?? RelativePath.percentDecoded(String(text))
            guard !uid.isEmpty else { return nil }
        }

        /// Whether `destination` can start with `xref:` or `<xref:` once trimmed, from its first
        /// byte after spaces and tabs: every link is asked, and trimming each through Foundation
        /// was a twelfth of a build. A non-ASCII byte may be Unicode white space, which the full
        /// reading trims.
        private static func mayBeXref(_ destination: String) -> Bool {
            for byte in destination.utf8 where byte != 0x20 && byte != 0x09 {
                return byte >= 0x80 || byte == UInt8(ascii: "<") || byte | 0x20 == UInt8(ascii: "x")
            }
            return false
        }

        /// The text shown for an `<xref:uid>` that names nothing known: the uid's last name part
        /// (`System.String.Format*` -> `Format`), with its type for `nameWithType`
        /// (`String.Format`) and whole for `fullName`, as DocFX names .NET members; an overload's
        /// `*` and a method's parameter list are not part of the name.
        public var fallbackText: String {
            var name = Substring(uid)
            if let parameters = name.firstIndex(of: "(") { name = name[..<parameters] }
            while name.hasSuffix("*") { name = name.dropLast() }
            if displayProperty == "fullName" { return String(name) }
            let parts = name.split(separator: ".", omittingEmptySubsequences: true)
            guard let last = parts.last else { return uid }
            if displayProperty == "nameWithType", parts.count >= 2 { return parts[parts.count - 2] + "." + last }
            return String(last)
        }

        /// The text shown for an `<xref:uid>` whose target is known: the xrefmap's property the
        /// query asks for, else its name, else the fallback.
        public func text(for target: Target) -> String {
            let chosen: String?
            switch displayProperty {
            case "fullName": chosen = target.fullName
            case "nameWithType": chosen = target.nameWithType
            default: chosen = nil
            }
            return chosen ?? target.name ?? fallbackText
        }
    }
}
