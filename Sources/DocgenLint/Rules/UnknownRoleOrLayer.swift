import DocgenCore
import DocgenMarkup

/// Reports front matter `roles:` and `layers:` values, and `:::zone pivot` values of role-pivoted
/// pages, that `docgen.yml` does not declare.
public struct UnknownRoleOrLayer: LintRule {
    public static let metadata = RuleMetadata(
        id: "DG008", alias: "unknown-role-or-layer",
        summary: "Roles, layers and role zone pivots must be declared in docgen.yml",
        severity: .error, tags: ["metadata"],
        rationale: "The by-role and by-layer pages and the role picker are built from the roles and layers declared in docgen.yml. A page tagged with an undeclared role or layer never shows up there, and a zone whose pivot is not a role id is never shown to any reader.",
        bad: "---\ntitle: Monitor apps\nroles: [developers]\nlayers: [7]\nzone_pivot_groups: roles\n---\n\n:::zone pivot=\"dev\"\nText for developers.\n:::zone-end",
        good: "---\ntitle: Monitor apps\nroles: [developer]\nlayers: [4]\nzone_pivot_groups: roles\n---\n\n:::zone pivot=\"developer\"\nText for developers.\n:::zone-end")

    public init(options: RuleOptions) {}

    public func check(_ document: Document, in context: LintContext) -> [Finding] {
        let configuration = context.site.configuration
        let roleIDs = configuration.roles.map(\.id)
        let layerNumbers = configuration.layers.map { String($0.number) }
        var findings: [Finding] = []
        // Sites that declare no roles (or no layers) use those keys freely: nothing to check against.
        if !roleIDs.isEmpty, let entry = document.frontMatter.entry("roles") {
            for role in entry.value.strings where !roleIDs.contains(role) {
                findings.append(unknown("Role", role, among: roleIDs, at: entry, in: document))
            }
        }
        if !layerNumbers.isEmpty, let entry = document.frontMatter.entry("layers") {
            for layer in entry.value.strings where Int(layer).flatMap(configuration.layer) == nil {
                // No "did you mean" for numbers: every one-digit number is one edit from another.
                findings.append(unknown("Layer", layer, among: layerNumbers, guessing: false, at: entry, in: document))
            }
        }
        guard !roleIDs.isEmpty, document.frontMatter.string("zone_pivot_groups") == "roles" else { return findings }
        document.root.walk(in: document.path) { node, path in
            guard case .zone(let pivots, _) = node.kind else { return }
            for pivot in pivots where !roleIDs.contains(pivot) {
                let guess = EditDistance.closest(to: pivot, in: roleIDs)
                findings.append(Finding(
                    path: path, at: node.start ?? SourcePosition(line: 1, column: 1),
                    "Zone pivot '\(pivot)' is not a role declared in docgen.yml\(Self.hint(guess, roleIDs))",
                    suggestion: guess))
            }
        }
        return findings
    }

    private func unknown(
        _ noun: String, _ value: String, among declared: [String], guessing: Bool = true, at entry: YAMLEntry, in document: Document
    ) -> Finding {
        let guess = guessing ? EditDistance.closest(to: value, in: declared) : nil
        return Finding(
            path: document.path, at: SourcePosition(line: entry.line, column: entry.column),
            "\(noun) '\(value)' is not declared in docgen.yml\(Self.hint(guess, declared))", suggestion: guess)
    }

    private static func hint(_ guess: String?, _ declared: [String]) -> String {
        if let guess { return "; did you mean '\(guess)'?" }
        return "; use one of: \(declared.joined(separator: ", "))."
    }
}
