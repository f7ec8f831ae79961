/// Front matter in the cache's coding, every entry with its position: a page's stand-in keeps
/// it, and the page's site-facts digest is the hash of these bytes.
extension FrontMatter: CacheCodable {
    public func write(to writer: inout CacheWriter) {
        writer.write(startLine)
        writer.write(entries) { Self.write($1, to: &$0) }
    }

    public init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        let startLine = try reader.int()
        self.init(entries: try reader.list { reader throws(CacheReader.Malformed) in try Self.entry(from: &reader, depth: 0) }, startLine: startLine)
    }

    private static func write(_ entry: YAMLEntry, to writer: inout CacheWriter) {
        writer.write(entry.key)
        writer.write(entry.line)
        writer.write(entry.column)
        write(entry.value, to: &writer)
    }

    /// Each kind of value is marked, and each list and map counted, so no two values code alike.
    private static func write(_ value: YAMLValue, to writer: inout CacheWriter) {
        switch value {
        case .string(let text):
            writer.write(0)
            writer.write(text)
        case .list(let items):
            writer.write(1)
            writer.write(items) { write($1, to: &$0) }
        case .map(let entries):
            writer.write(2)
            writer.write(entries) { write($1, to: &$0) }
        case .null:
            writer.write(3)
        }
    }

    /// Reading nests a call per level: a deeper entry (front matter no page has) is refused, and
    /// the page loaded instead, rather than risking the stack.
    private static let maximumDepth = 1000

    private static func entry(from reader: inout CacheReader, depth: Int) throws(CacheReader.Malformed) -> YAMLEntry {
        let key = try reader.string()
        let line = try reader.int()
        let column = try reader.int()
        return YAMLEntry(key: key, value: try value(from: &reader, depth: depth + 1), line: line, column: column)
    }

    private static func value(from reader: inout CacheReader, depth: Int) throws(CacheReader.Malformed) -> YAMLValue {
        guard depth < maximumDepth else { throw CacheReader.Malformed() }
        switch try reader.int() {
        case 0: return .string(try reader.string())
        case 1: return .list(try reader.list { reader throws(CacheReader.Malformed) in try value(from: &reader, depth: depth + 1) })
        case 2: return .map(try reader.list { reader throws(CacheReader.Malformed) in try entry(from: &reader, depth: depth + 1) })
        case 3: return .null
        default: throw CacheReader.Malformed()
        }
    }
}
