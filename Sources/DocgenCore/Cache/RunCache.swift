import Foundation

/// docgen's cache of whole runs, in `.docgen-cache/` at the content root: a `build` or `lint`
/// whose inputs (``InputFingerprint``), options and docgen build are those of the run that wrote
/// an entry reports that run's result instead of doing the work again.
///
/// An entry is written to a temporary file and renamed into place, so a run killed mid-write or
/// two runs at once leave either a whole entry or the previous one. An entry that is cut short,
/// edited, or from another docgen build is ignored with a note and replaced; a cache that cannot
/// be written costs a note, never the run.
public struct RunCache: Sendable {
    /// The cache folder's name at the content root; hidden, so loading never reads it.
    public static let folderName = ".docgen-cache"
    /// The first line of every entry; a change of layout changes it.
    static let formatLine = "docgen-cache 2"
    /// Entries kept; older ones are removed when a new one is written.
    static let maximumEntries = 16

    /// The cache folder.
    public let folder: URL
    /// The folder as notes name it.
    public let shownAs: String
    /// The docgen build writing and reading entries (``ToolIdentity/current`` by default).
    public let tool: String

    /// What a lookup found.
    public enum Lookup: Equatable, Sendable {
        /// An entry for this key: its payload.
        case hit([UInt8])
        /// No entry, or one for other inputs or options.
        case miss
        /// An entry that cannot be trusted, ignored; the note says why.
        case ignored(note: String)
    }

    /// The cache of the content root `contentRoot`, shown in notes as `shownAs`.
    public init(contentRoot: URL, shownAs: String, tool: String = ToolIdentity.current) {
        folder = contentRoot.appendingPathComponent(Self.folderName)
        self.shownAs = shownAs
        self.tool = tool
    }

    /// The entry of `slot` (a command and its options) if it was written for `key` (its inputs).
    public func lookup(slot: String, key: String) -> Lookup {
        switch entry(slot: slot) {
        case .found(let written, let payload): written == key ? .hit(payload) : .miss
        case .absent: .miss
        case .ignored(let note): .ignored(note: note)
        }
    }

    /// What a slot holds, whatever inputs it was written for.
    public enum Entry: Equatable, Sendable {
        /// A whole entry: the key of the inputs it was written for, and its payload.
        case found(key: String, payload: [UInt8])
        /// No entry.
        case absent
        /// An entry that cannot be trusted, ignored; the note says why.
        case ignored(note: String)
    }

    /// Whether an entry for `slot` is on disk, trusted or not, without reading it.
    public func hasEntry(slot: String) -> Bool {
        FileManager.default.fileExists(atPath: entryURL(slot).path)
    }

    /// The entry of `slot`, verified, whatever key it was written for.
    public func entry(slot: String) -> Entry {
        let url = entryURL(slot)
        guard let data = FileManager.default.contents(atPath: url.path) else { return .absent }
        let bytes = [UInt8](data)
        guard let header = Header(bytes) else {
            // An entry in another format is another docgen's, not a damaged one.
            if Self.isOtherFormat(bytes) {
                return .ignored(note: "ignored the cache entry \(shown(url)): another docgen build wrote it; the whole run is done and the entry replaced")
            }
            return .ignored(note: "ignored the cache entry \(shown(url)): it is not a whole docgen cache entry (cut short or changed by hand); the whole run is done and the entry replaced")
        }
        guard header.tool == tool else {
            return .ignored(note: "ignored the cache entry \(shown(url)): another docgen build wrote it; the whole run is done and the entry replaced")
        }
        let payload = Array(bytes[header.payloadStart...])
        guard payload.count == header.length else {
            return .ignored(note: "ignored the cache entry \(shown(url)): it is cut short (\(payload.count) of \(header.length) bytes); the whole run is done and the entry replaced")
        }
        guard Self.checksum(payload) == header.checksum else {
            return .ignored(note: "ignored the cache entry \(shown(url)): its content changed since docgen wrote it; the whole run is done and the entry replaced")
        }
        return .found(key: header.key, payload: payload)
    }

    /// Writes `payload` as the entry of `slot` for `key`; returns a note when it could not.
    @discardableResult
    public func store(slot: String, key: String, payload: [UInt8]) -> String? {
        let manager = FileManager.default
        let temporary = folder.appendingPathComponent(".tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        do {
            try prepareFolder()
            var bytes = Array("\(Self.formatLine)\ntool \(tool)\nkey \(key)\nlength \(payload.count)\nchecksum \(Self.checksum(payload))\n\n".utf8)
            bytes += payload
            try Data(bytes).write(to: temporary)
            // rename(2) replaces the entry in one step: a reader sees the old entry or the new one.
            guard rename(temporary.path, entryURL(slot).path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? manager.removeItem(at: temporary)
            return "cannot write the cache in \(shownAs) (\(Self.reason(error))); the next run does the whole work again (--no-cache turns the cache off)"
        }
        prune()
        return nil
    }

    /// The file hashes the last run kept, to trust the files whose status did not change since;
    /// an entry that cannot be trusted adds a note and trusts nothing.
    func fileHashes(notes: inout [String]) -> FileHashes {
        switch lookup(slot: FileHashes.slot, key: FileHashes.key) {
        case .hit(let payload): return FileHashes(payload: payload)
        case .miss: return FileHashes()
        case .ignored(let note):
            notes.append(note)
            return FileHashes()
        }
    }

    /// Keeps `hashes` for the next run when it had to read a file.
    func keepFileHashes(_ hashes: FileHashes) {
        if hashes.filesRead > 0 { store(slot: FileHashes.slot, key: FileHashes.key, payload: hashes.payload) }
    }

    /// Makes the folder, tells git to ignore it and backup tools to skip it.
    private func prepareFolder() throws {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        let ignore = folder.appendingPathComponent(".gitignore")
        if !manager.fileExists(atPath: ignore.path) {
            try Data("# docgen's cache: made again when missing.\n*\n".utf8).write(to: ignore, options: .atomic)
        }
        let tag = folder.appendingPathComponent("CACHEDIR.TAG")
        if !manager.fileExists(atPath: tag.path) {
            // https://bford.info/cachedir/
            try Data("Signature: 8a477f597d28d172789f06886806bc55\n# docgen's cache; see https://bford.info/cachedir/\n".utf8).write(to: tag, options: .atomic)
        }
    }

    /// Removes the oldest entries past ``maximumEntries``, and temporary files a killed run left
    /// more than an hour ago.
    private func prune() {
        let manager = FileManager.default
        let keys: [URLResourceKey] = [.contentModificationDateKey]
        guard let urls = try? manager.contentsOfDirectory(at: folder, includingPropertiesForKeys: keys) else { return }
        func modified(_ url: URL) -> Date { (try? url.resourceValues(forKeys: Set(keys)).contentModificationDate) ?? .distantPast }
        let hourAgo = Date().addingTimeInterval(-3600)
        for url in urls where url.lastPathComponent.hasPrefix(".tmp-") && modified(url) < hourAgo { try? manager.removeItem(at: url) }
        let entries = urls.filter { $0.pathExtension == "entry" }.sorted { modified($0) > modified($1) }
        for url in entries.dropFirst(Self.maximumEntries) { try? manager.removeItem(at: url) }
    }

    private func entryURL(_ slot: String) -> URL {
        let kind = slot.prefix { $0.isLetter }
        return folder.appendingPathComponent("\(kind)-\(StableHash.of(slot).prefix(16)).entry")
    }

    private func shown(_ url: URL) -> String { shownAs + "/" + url.lastPathComponent }

    static func checksum(_ payload: [UInt8]) -> String {
        var hash = StableHash()
        hash.add(payload)
        return hash.hex
    }

    /// Whether `bytes` start with the format line of another version of the entry format.
    private static func isOtherFormat(_ bytes: [UInt8]) -> Bool {
        let prefix = Array("docgen-cache ".utf8)
        guard bytes.starts(with: prefix), let end = bytes.prefix(64).firstIndex(of: UInt8(ascii: "\n")) else { return false }
        return !bytes[..<end].elementsEqual(formatLine.utf8)
    }

    private static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        return underlying?.localizedDescription ?? error.localizedDescription
    }

    /// An entry's header lines, up to the blank line before the payload.
    private struct Header {
        var tool = ""
        var key = ""
        var length = -1
        var checksum = ""
        var payloadStart = 0

        init?(_ bytes: [UInt8]) {
            var lines: [String] = []
            var start = 0
            var index = 0
            // The header is short; an entry without its blank line within 4 KiB is not one.
            while index < min(bytes.count, 4096) {
                if bytes[index] == UInt8(ascii: "\n") {
                    if index == start {
                        payloadStart = index + 1
                        break
                    }
                    lines.append(String(decoding: bytes[start..<index], as: UTF8.self))
                    start = index + 1
                }
                index += 1
            }
            guard payloadStart > 0, lines.first == RunCache.formatLine else { return nil }
            for line in lines.dropFirst() {
                guard let space = line.firstIndex(of: " ") else { return nil }
                let value = String(line[line.index(after: space)...])
                switch line[..<space] {
                case "tool": tool = value
                case "key": key = value
                case "length": length = Int(value) ?? -1
                case "checksum": checksum = value
                default: return nil
                }
            }
            guard length >= 0, !key.isEmpty, !checksum.isEmpty else { return nil }
        }
    }
}
