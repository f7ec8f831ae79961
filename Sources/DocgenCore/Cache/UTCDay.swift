import Foundation

/// The UTC calendar day of a date ("2026-12-06"), as the date rules count days: a cached result
/// holds for the rest of the day it was made on.
public enum UTCDay {
    /// The day of `date`.
    public static func of(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
