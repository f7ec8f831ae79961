import DocgenCore
import DocgenMarkup
import Foundation

/// Reports an `ms.date` that is older than the allowed age, or more than a day in the future.
public struct MsDateStale: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG003", alias: "ms-date-stale",
        summary: "ms.date must be recent and not in the future",
        severity: .warning, tags: ["metadata"],
        rationale: "ms.date tells readers and freshness reports when the page was last reviewed. A page that has not been reviewed in two years is likely out of date; a date in the future is a typo that hides the page from freshness reports. A page's `ms.update-cycle` (`3650-days`, in front matter or docfx.json fileMetadata) replaces the allowed age, as Learn's freshness reports read it.",
        bad: "---\ntitle: Monitor nodes\nms.date: 01/15/2019\n---",
        good: "---\ntitle: Monitor nodes\nms.date: 11/20/2026\n---",
        options: ["max-date-age-days": "730"])

    private let maximumAge: Int

    public init(options: RuleOptions) {
        maximumAge = options.int("max-date-age-days", default: 730)
    }

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        // Dates that do not parse are DG002's to report.
        guard let entry = document.frontMatter.entry("ms.date"),
              let value = entry.value.string?.trimmingCharacters(in: .whitespacesAndNewlines),
              let date = MsDateFormat.date(value) else { return [] }
        let calendar = MsDateFormat.utc
        // Whole days between the two UTC midnights, so the time of day of the run does not matter.
        let today = calendar.startOfDay(for: context.today)
        guard let age = calendar.dateComponents([.day], from: date, to: today).day else { return [] }
        let position = SourcePosition(line: entry.line, column: entry.column)
        // The page's own review cycle (front matter or docfx.json fileMetadata) replaces the default.
        let cycle = document.frontMatter.entry("ms.update-cycle")?.value.string.flatMap(Self.days)
        let allowed = cycle ?? maximumAge
        if age > allowed {
            let source = cycle == nil ? "the \(allowed) allowed" : "its ms.update-cycle of \(allowed) days"
            return [Finding(
                path: document.path, at: position,
                "ms.date \(value) is \(age) days old, more than \(source); review the page and update ms.date.")]
        }
        if -age > 1 {
            return [Finding(
                path: document.path, at: position,
                "ms.date \(value) is \(-age) days in the future; set it to the day the page was last reviewed.")]
        }
        return []
    }

    /// The days of an `ms.update-cycle` value: `365-days`, `180-day`, `2-years`, `6-months`.
    static func days(_ value: String) -> Int? {
        let parts = value.trimmingCharacters(in: .whitespaces).lowercased().split(separator: "-")
        guard parts.count == 2, let count = Int(parts[0]), count > 0 else { return nil }
        switch parts[1] {
        case "day", "days": return count
        case "month", "months": return count * 31
        case "year", "years": return count * 366
        default: return nil
        }
    }
}
