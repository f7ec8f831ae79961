import DocgenMarkup

/// A root-relative link in the cache's coding: its URL, the file it is written in and its place.
/// Stand-ins keep their links, and their summaries of links into other doc sets the first.
extension RootRelativeLinks.Link: CacheCodable {
    public func write(to writer: inout CacheWriter) {
        writer.write(url)
        writer.write(path)
        position.write(to: &writer)
    }

    public init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(url: try reader.string(), path: try reader.string(), position: try SourcePosition(from: &reader))
    }
}
