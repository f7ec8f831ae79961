import DocgenMarkup

/// A position in the cache's coding: its line, then its column.
extension SourcePosition: CacheCodable {
    public func write(to writer: inout CacheWriter) {
        writer.write(line)
        writer.write(column)
    }

    public init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(line: try reader.int(), column: try reader.int())
    }
}
