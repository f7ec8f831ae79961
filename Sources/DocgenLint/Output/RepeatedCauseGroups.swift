import DocgenCore

/// Findings of one rule with one repeated cause, for the text report to summarise: the same
/// message on many pages, up to the numbers in it ("Description is 47 characters long", "ms.date
/// … is 812 days old, more than the 730 allowed"). Paths and quoted text stay part of the cause,
/// so distinct broken links never merge.
struct RepeatedCauseGroups {
    /// Groups of at least `minimum` findings, in order of their first finding.
    let groups: [DiagnosticGroup]
    /// The findings not in a group, in their original order.
    let ungrouped: [Diagnostic]

    init(_ diagnostics: [Diagnostic], minimum: Int) {
        (groups, ungrouped) = DiagnosticGroup.partition(
            diagnostics, minimum: minimum, key: { $0.ruleID + "\u{0}" + Self.template($0.message).text },
            summary: { Self.summary($0.map(\.message)) })
    }

    /// Where a run of digits stood in a template: a control character, so that a "#" or any other
    /// character a message quotes is never taken for one.
    static let numberMark: Character = "\u{1}"

    /// The message with digit runs replaced by ``numberMark``, and the digit runs it held.
    static func template(_ message: String) -> (text: String, numbers: [String]) {
        // Most messages are ASCII, where each byte is a character: no walk by characters.
        var message = message
        if let ascii = message.withUTF8({ bytes in bytes.allSatisfy { $0 < 0x80 } ? asciiTemplate(bytes) : nil }) { return ascii }
        var text = ""
        var numbers: [String] = []
        var digits = ""
        for character in message {
            // The ASCII digits, compared as bytes: `isNumber` looks up a Unicode property for
            // every character, which was most of a text report of 55,000 findings.
            if let byte = character.asciiValue, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                digits.append(character)
                continue
            }
            if !digits.isEmpty { text.append(numberMark); numbers.append(digits); digits = "" }
            text.append(character)
        }
        if !digits.isEmpty { text.append(numberMark); numbers.append(digits) }
        return (text, numbers)
    }

    /// ``template(_:)`` of an ASCII message, by byte.
    private static func asciiTemplate(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, numbers: [String]) {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var numbers: [String] = []
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]) else {
                text.append(bytes[index])
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            text.append(numberMarkByte)
            numbers.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        }
        return (String(decoding: text, as: UTF8.self), numbers)
    }

    /// ``numberMark``, which is ASCII, as a byte.
    private static let numberMarkByte = numberMark.asciiValue!

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The shared message, each number that varies shown as its range ("47–71"); a word in
    /// which several numbers vary (a date) is shown as "…".
    static func summary(_ messages: [String]) -> String {
        let templates = messages.map(template)
        var words: [String] = []
        var slot = 0
        for word in templates[0].text.split(separator: " ", omittingEmptySubsequences: false) {
            var shown = ""
            var varying = 0
            for character in word {
                guard character == numberMark else { shown.append(character); continue }
                // A message that held the mark itself has more marks than numbers: nothing to show.
                let values = templates.compactMap { slot < $0.numbers.count ? $0.numbers[slot] : nil }
                slot += 1
                guard let first = values.first else { continue }
                let numbers = values.compactMap { Int($0) }
                if values.allSatisfy({ $0 == first }) {
                    shown += first
                } else if numbers.count == values.count, let low = numbers.min(), let high = numbers.max() {
                    if low != high { varying += 1 }
                    shown += low == high ? String(low) : "\(low)–\(high)"
                } else {
                    // Different numbers too long for an Int: the word cannot be summed up.
                    varying += 2
                }
            }
            words.append(varying > 1 ? "…" : shown)
        }
        return words.joined(separator: " ")
    }
}
