/// Learn's heading anchor ids (Markdig's GitHub auto-identifiers as DocFX and Learn configure them):
/// keep letters, decimal digits, `-` and `_` lower-cased, turn each space into `-`, drop everything
/// else including both halves of a surrogate pair; an empty id becomes `section`; repeats get
/// `-1`, `-2`, ... within one parsed document.
public struct HeadingSlugger: Sendable {
    private var used: Set<String> = []
    /// For each base that has been asked for twice, the first suffix not yet tried: `-1`, `-2`, ...
    /// below it are all taken (ids are never released), so a page of 8,000 identical headings
    /// does not retry every suffix from 1 for each of them.
    private var nextSuffix: [String: Int] = [:]

    /// Creates a slugger with an empty set of issued ids.
    public init() {}

    /// The base slug of `text`, before de-duplication.
    public static func slug(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for unit in text.utf16 {
            if unit < 0x80 {
                // ASCII, the common case, without a Unicode property lookup.
                let byte = UInt8(unit)
                switch byte {
                case UInt8(ascii: " "): result.append("-")
                case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    result.append(Unicode.Scalar(byte))
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): result.append(Unicode.Scalar(byte | 0x20))
                default: break
                }
                continue
            }
            if UTF16.isLeadSurrogate(unit) || UTF16.isTrailSurrogate(unit) { continue }
            guard let scalar = Unicode.Scalar(unit) else { continue }
            if scalar == " " {
                result.append("-")
            } else if scalar == "-" || scalar == "_" {
                result.append(scalar)
            } else {
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
                    let lower = scalar.properties.lowercaseMapping.unicodeScalars
                    if lower.count == 1 { result.append(contentsOf: lower) } else { result.append(scalar) }
                default:
                    continue
                }
            }
        }
        return String(result)
    }

    /// Issues a unique id for a heading with the given text.
    public mutating func issue(for text: String) -> String {
        var base = Self.slug(text)
        if base.isEmpty { base = "section" }
        return reserve(base)
    }

    /// Marks `id` as taken, suffixing `-1`, `-2`, ... when it already is, and returns what was issued.
    public mutating func reserve(_ base: String) -> String {
        guard used.contains(base) else {
            used.insert(base)
            return base
        }
        var counter = nextSuffix[base] ?? 1
        var candidate = "\(base)-\(counter)"
        while used.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        nextSuffix[base] = counter + 1
        used.insert(candidate)
        return candidate
    }
}
