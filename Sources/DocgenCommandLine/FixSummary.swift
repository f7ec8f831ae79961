import DocgenCore
import DocgenLint

/// What `docgen lint --fix` did over every content root, and its report: the diffs of a dry
/// run on standard output; skipped fixes, failures and the summary line on standard error.
struct FixSummary {
    var outcomes: [FileFixer.Outcome] = []

    var failures: [String] { outcomes.compactMap(\.failure) }

    mutating func add(_ more: [FileFixer.Outcome]) { outcomes += more }

    func report(dryRun: Bool) {
        if dryRun { Console.out(outcomes.map(\.diff).joined()) }
        for outcome in outcomes {
            for skipped in outcome.skippedOverlapping {
                Console.error("\(skipped.file):\(skipped.line):\(skipped.column): fix not applied: it overlaps a fix applied before it; run docgen lint --fix again [\(skipped.ruleID) \(skipped.alias)]")
            }
            if let failure = outcome.failure { Console.error("docgen: error: \(failure)") }
        }
        let changed = outcomes.filter { $0.applied > 0 && $0.failure == nil }
        let fixes = changed.map(\.applied).reduce(0, +)
        let skipped = outcomes.map(\.skippedOverlapping.count).reduce(0, +)
        var line = "\(dryRun ? "Would apply" : "Applied") \(fixes) \(fixes == 1 ? "fix" : "fixes") in \(changed.count) \(changed.count == 1 ? "file" : "files")"
        if skipped > 0 { line += "; \(skipped) overlapping \(skipped == 1 ? "fix waits" : "fixes wait") for the next run" }
        if !failures.isEmpty { line += "; \(failures.count) \(failures.count == 1 ? "file" : "files") could not be fixed" }
        Console.error(line + ".")
    }
}
