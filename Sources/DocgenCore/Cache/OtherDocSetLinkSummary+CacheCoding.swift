/// A page's summary of its links into other doc sets in the cache's coding: a page the cache
/// stands for keeps it, so that loading resolves no URL of its links.
extension OtherDocSetLinkSummary: CacheCodable {
    public func write(to writer: inout CacheWriter) {
        writer.write(count)
        writer.write(files) { $0.write($1) }
        writer.write(first != nil)
        first?.write(to: &writer)
        writer.write(prefixes) { $0.write($1) }
    }

    public init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init()
        count = try reader.int()
        files = try reader.list { reader throws(CacheReader.Malformed) in try reader.string() }
        if try reader.bool() {
            first = try RootRelativeLinks.Link(from: &reader)
        }
        prefixes = try reader.list { reader throws(CacheReader.Malformed) in try reader.string() }
    }
}
