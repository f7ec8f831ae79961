/// The lines of a text without their terminators (`\n`, `\r\n` or `\r`), each cut from the text
/// when asked for. A page is kept with its lines for as long as the run lasts (the site rules
/// and the report read them), so the table is compact: one offset and one byte of flags a line,
/// 9 bytes where an array of `Substring`s takes 32.
public struct SourceLines: RandomAccessCollection, Equatable, Sendable {
    /// The text the lines are cut from.
    public let text: String
    /// The UTF-8 offset where each line starts.
    private let starts: [Int]
    /// For each line: whether it is pure ASCII (bit 0) and the length of its terminator (bits 1-2).
    private let flags: [UInt8]

    /// Splits `text` into lines, scanning its UTF-8 bytes once.
    public init(_ text: String) {
        var text = text
        var starts: [Int] = [0]
        var flags: [UInt8] = []
        text.withUTF8 { bytes in
            var lineIsASCII = true
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    let terminator = byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                    flags.append(Self.flags(ascii: lineIsASCII, terminator: terminator))
                    index += terminator
                    starts.append(index)
                    lineIsASCII = true
                } else {
                    if byte >= 0x80 { lineIsASCII = false }
                    index += 1
                }
            }
            flags.append(Self.flags(ascii: lineIsASCII, terminator: 0))
        }
        self.text = text
        // Kept for the whole run: without the room the lists kept for more lines.
        self.starts = starts.withoutSpareCapacity()
        self.flags = flags.withoutSpareCapacity()
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count }

    /// The line at the 0-based `position`, without its terminator.
    public subscript(position: Int) -> Substring {
        let bounds = byteBounds(position)
        let utf8 = text.utf8
        // Offsets into a native string's UTF-8 are O(1).
        return text[utf8.index(utf8.startIndex, offsetBy: bounds.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bounds.upperBound)]
    }

    /// The UTF-8 offsets in ``text`` of the line at the 0-based `position`, without its terminator.
    public func byteBounds(_ position: Int) -> Range<Int> {
        let end = position + 1 < starts.count ? starts[position + 1] : text.utf8.count
        return starts[position]..<(end - Int(flags[position] >> 1))
    }

    /// Whether the line at the 0-based `position` is pure ASCII, where byte and character
    /// columns agree.
    public func isASCII(_ position: Int) -> Bool { flags[position] & 1 == 1 }

    /// Lines are equal when each line is, whatever ends them.
    public static func == (left: SourceLines, right: SourceLines) -> Bool { left.elementsEqual(right) }

    private static func flags(ascii: Bool, terminator: Int) -> UInt8 { (ascii ? 1 : 0) | UInt8(terminator << 1) }
}
