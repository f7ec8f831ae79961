import DocgenCore

/// Each site rule's last findings and the diagnostics made of them, kept between saves by
/// ``SiteLintResults`` (see ``LintEngine/siteDiagnostics(_:memo:timings:)``). Used from one thread at a time.
public final class SiteRuleMemo: @unchecked Sendable {
    private var kept: [Int: (findings: [Finding], diagnostics: [Diagnostic])] = [:]

    /// Creates an empty memo.
    public init() {}

    func kept(_ rule: Int) -> (findings: [Finding], diagnostics: [Diagnostic])? { kept[rule] }

    /// Forgets every rule's findings (a save changed a suppression comment, which the kept
    /// diagnostics were filtered by).
    public func removeAll() { kept.removeAll() }

    func keep(_ rule: Int, findings: [Finding], diagnostics: [Diagnostic]) {
        kept[rule] = (findings, diagnostics)
    }
}
