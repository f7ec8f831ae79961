import DocgenMarkup
/// Finds the bookmark targets in raw HTML: every `id="..."` and `name="..."` attribute value.
public enum HTMLAnchors {
    /// The `id` and `name` values in `html`.
    public static func ids(in html: String) -> [String] {
        guard html.containsBytes("id=") || html.containsBytes("name=") else { return [] }
        var result: [String] = []
        for attribute in [" id=", " name=", "\tid=", "\nid="] {
            var rest = html[...]
            while let range = rest.range(of: attribute) {
                rest = rest[range.upperBound...]
                guard let quote = rest.first, quote == "\"" || quote == "'" else { continue }
                let value = rest.dropFirst().prefix { $0 != quote }
                result.append(String(value))
                rest = rest.dropFirst(value.count + 1)
            }
        }
        return result
    }
}
