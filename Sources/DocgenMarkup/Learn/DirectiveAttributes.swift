/// The name and attributes of a triple-colon directive line such as
/// `:::image type="content" source="a.png" alt-text="A diagram":::`, parsed by Learn's grammar:
/// `":::" SP* name (SP+ attr ["=" '"' value '"'])* [":::"]`.
public struct DirectiveAttributes: Sendable, Hashable {
    /// The lower-cased directive name (`image`, `zone-end`, ...).
    public var name: String
    /// Attributes in source order, names lower-cased. A bare attribute has an empty value.
    public var attributes: [(name: String, value: String)]
    /// True when the line closed the directive with `:::` after its attributes.
    public var selfClosed: Bool
    /// Syntax errors found while reading the attributes, with their character offsets in the text.
    public var errors: [(message: String, offset: Int)]
    /// Text after the closing `:::`, which Learn discards.
    public var trailingText: String

    public static func == (lhs: DirectiveAttributes, rhs: DirectiveAttributes) -> Bool {
        lhs.name == rhs.name && lhs.selfClosed == rhs.selfClosed
            && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
            && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(attributes.map(\.name))
        hasher.combine(attributes.map(\.value))
    }

    /// The value of the attribute named `name`, or nil when absent.
    public subscript(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Parses `text`, which must start with `:::`. Returns nil when no directive name follows.
    /// - Parameter allowSpaceAfterColons: Learn accepts `::: zone` but not `::: image`.
    public static func parse(_ text: Substring, allowSpaceAfterColons: Bool = true) -> DirectiveAttributes? {
        let chars = Array(text)
        var index = 0
        while index < chars.count, chars[index] == ":" { index += 1 }
        guard index >= 3 else { return nil }
        var sawSpace = false
        while index < chars.count, chars[index] == " " { index += 1; sawSpace = true }
        if sawSpace && !allowSpaceAfterColons { return nil }
        let nameStart = index
        guard index < chars.count, chars[index].isASCII, chars[index].isLetter else { return nil }
        while index < chars.count, chars[index].isASCII, chars[index].isLetter || chars[index].isNumber || chars[index] == "-" {
            index += 1
        }
        let name = String(chars[nameStart..<index]).lowercased()
        var result = DirectiveAttributes(name: name, attributes: [], selfClosed: false, errors: [], trailingText: "")
        var seen = Set<String>()
        while index < chars.count {
            while index < chars.count, chars[index] == " " || chars[index] == "\t" { index += 1 }
            guard index < chars.count else { break }
            if chars[index] == ":", index + 2 < chars.count + 0, chars.count - index >= 3,
               chars[index + 1] == ":", chars[index + 2] == ":" {
                result.selfClosed = true
                result.trailingText = String(chars[(index + 3)...]).trimmingSpaces
                return result
            }
            let attrStart = index
            while index < chars.count, chars[index] != "=", chars[index] != " ", chars[index] != "\t",
                  !(chars[index] == ":" && index + 2 < chars.count && chars[index + 1] == ":" && chars[index + 2] == ":") {
                index += 1
            }
            let attrName = String(chars[attrStart..<index]).lowercased()
            let isIdentifier = !attrName.isEmpty && attrName.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
            if !isIdentifier {
                result.errors.append(("Invalid attribute \"\(attrName)\".", attrStart))
                if index == attrStart { index += 1 }
                continue
            }
            var value = ""
            var probe = index
            while probe < chars.count, chars[probe] == " " { probe += 1 }
            if probe < chars.count, chars[probe] == "=" {
                index = probe + 1
                while index < chars.count, chars[index] == " " { index += 1 }
                if index < chars.count, chars[index] == "\"" {
                    let valueStart = index + 1
                    var end = valueStart
                    while end < chars.count, chars[end] != "\"" { end += 1 }
                    if end >= chars.count {
                        result.errors.append(("Invalid attribute \"\(attrName)\". Values must be terminated with a double quote.", attrStart))
                        value = String(chars[valueStart...])
                        index = chars.count
                    } else {
                        value = String(chars[valueStart..<end])
                        index = end + 1
                    }
                } else {
                    result.errors.append(("Invalid attribute \"\(attrName)\". Values must be enclosed in double quotes.", attrStart))
                    // Skip the whole value, single-quoted or bare, so it is not read as more attributes.
                    if index < chars.count, chars[index] == "'" {
                        let valueStart = index + 1
                        var end = valueStart
                        while end < chars.count, chars[end] != "'" { end += 1 }
                        value = String(chars[valueStart..<min(end, chars.count)])
                        index = min(end + 1, chars.count)
                    } else {
                        let valueStart = index
                        while index < chars.count, chars[index] != " ", !(chars[index] == ":" && index + 2 < chars.count && chars[index + 1] == ":" && chars[index + 2] == ":") { index += 1 }
                        value = String(chars[valueStart..<index])
                    }
                }
            }
            if seen.contains(attrName) {
                result.errors.append(("Attribute \"\(attrName)\" is specified more than once.", attrStart))
            }
            seen.insert(attrName)
            result.attributes.append((attrName, value))
        }
        return result
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}

extension DirectiveAttributes {
    /// The character offset of the value of attribute `name` (just after `name="`) in a
    /// directive's text, matched case-insensitively; nil when the text has no such attribute.
    public static func valueOffset(of name: String, in text: Substring) -> Int? {
        let chars = Array(text), needle = Array(name.lowercased() + "=")
        guard chars.count > needle.count else { return nil }
        for start in 0...(chars.count - needle.count)
        where (start == 0 || chars[start - 1] == " " || chars[start - 1] == "\t")
            && zip(chars[start..<(start + needle.count)], needle).allSatisfy({ Character($0.lowercased()) == $1 }) {
            let after = start + needle.count
            return after < chars.count && (chars[after] == "\"" || chars[after] == "'") ? after + 1 : after
        }
        return nil
    }
}
