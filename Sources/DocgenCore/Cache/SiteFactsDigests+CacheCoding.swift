/// A page's site-facts digests in the cache's coding, in their declared order (the page records
/// keep them to tell what an edit changed).
extension SiteFactsDigests: CacheCodable {
    public func write(to writer: inout CacheWriter) {
        for digest in [shown, titles, description, anchors, rootRelativeLinks] { writer.write(digest) }
    }

    public init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(
            shown: try reader.string(), titles: try reader.string(), description: try reader.string(), anchors: try reader.string(),
            rootRelativeLinks: try reader.string())
    }
}
