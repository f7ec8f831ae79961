import DocgenCore
import DocgenMarkup
import Foundation

/// Reports an `ms.date` that is not a real calendar date written as MM/DD/YYYY.
public struct MsDateFormat: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG002", alias: "ms-date-format",
        summary: "ms.date must be a real date written as MM/DD/YYYY",
        severity: .error, tags: ["metadata"],
        rationale: "Learn reads ms.date as MM/DD/YYYY at 0:00 UTC for freshness reports and the date shown on the page. Any other form (2026-11-20, 20/11/2026, 2/30/2026) is rejected by the build or read as the wrong day.",
        bad: "---\ntitle: Monitor nodes\nms.date: 2026-11-20\n---",
        good: "---\ntitle: Monitor nodes\nms.date: 11/20/2026\n---",
        fix: "the date in MM/DD/YYYY, when the written date is unambiguous (ISO YYYY-MM-DD)")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        guard let entry = document.frontMatter.entry("ms.date") else { return [] }
        let position = SourcePosition(line: entry.line, column: entry.column)
        guard let value = entry.value.string?.trimmingCharacters(in: .whitespacesAndNewlines) else {
            // Missing or empty values belong to DG001; a list or map is wrong here.
            if entry.value == .null { return [] }
            return [Finding(path: document.path, at: position, "ms.date must be a single date in MM/DD/YYYY format, not a list or map.")]
        }
        guard !value.isEmpty, Self.date(value) == nil else { return [] }
        let fixed = Self.rewritten(value)
        let hint = fixed.map { "; write it as '\($0)'." } ?? "."
        return [Finding(
            path: document.path, at: position,
            "ms.date '\(value)' is not a real date in MM/DD/YYYY format\(hint)", suggestion: fixed,
            fix: fixed.flatMap { fixed in
                context.edits(in: document.path).frontMatterValue(of: "ms.date", on: entry.line, is: value).map { Fix("Write ms.date as '\(fixed)'", replacing: $0, with: fixed) }
            })]
    }

    /// The UTC calendar used for every ms.date computation: Learn reads the date as 0:00 UTC.
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Parses `MM/DD/YYYY` into 0:00 UTC of that day; nil when the text is not in that form or
    /// names no real day (02/30/2026, 13/01/2026). Single-digit months and days (`8/4/2026`) are
    /// accepted: Learn's build reads them, and real doc sets use them in docfx.json.
    static func date(_ text: String) -> Date? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let month = Int(parts[0]), let day = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return date(year: year, month: month, day: day)
    }

    private static func date(year: Int, month: Int, day: Int) -> Date? {
        guard (1...12).contains(month), day >= 1, year >= 1 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return utc.date(from: DateComponents(year: year, month: month, day: day))
    }

    /// The same day in MM/DD/YYYY when `text` is an unambiguous other spelling of a real date:
    /// ISO `YYYY-MM-DD` or `M/D/YYYY` without leading zeros.
    static func rewritten(_ text: String) -> String? {
        var year = 0, month = 0, day = 0
        let iso = text.split(separator: "-", omittingEmptySubsequences: false)
        let us = text.split(separator: "/", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, let y = Int(iso[0]), let m = Int(iso[1]), let d = Int(iso[2]) {
            (year, month, day) = (y, m, d)
        } else if us.count == 3, us[2].count == 4, let m = Int(us[0]), let d = Int(us[1]), let y = Int(us[2]) {
            (year, month, day) = (y, m, d)
        } else {
            return nil
        }
        guard date(year: year, month: month, day: day) != nil else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(month))/\(two(day))/\(year)"
    }
}
