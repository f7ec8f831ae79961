import DocgenCore
import DocgenMarkup

/// SARIF 2.1.0, with every rule's metadata, for GitHub code scanning and other SARIF viewers. A
/// result's `region` has its start and, for a finding with a known extent, its end (`endColumn`
/// is the column after the last character, as SARIF defines it); a fixable finding has `fixes`,
/// each an `artifactChange` of its file with `replacements` (`deletedRegion`, `insertedContent`).
public enum SARIFReport {
    /// The report text.
    public static func render(_ diagnostics: [Diagnostic], rules: [RuleMetadata], toolVersion: String) -> String {
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let object: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": [
                    "name": "docgen", "version": toolVersion, "semanticVersion": toolVersion,
                    "rules": rules.map { rule -> [String: Any] in
                        [
                            "id": rule.id, "name": rule.alias,
                            "shortDescription": ["text": rule.summary],
                            "fullDescription": ["text": rule.rationale],
                            "help": ["text": "\(rule.rationale)\n\nReported:\n\(rule.badExample)\n\nFixed:\n\(rule.goodExample)"],
                            "defaultConfiguration": ["level": level(rule.defaultSeverity)],
                            "properties": ["tags": rule.tags],
                        ]
                    },
                ]],
                "results": diagnostics.map { diagnostic -> [String: Any] in
                    var region: [String: Any] = ["startLine": max(diagnostic.line, 1)]
                    if diagnostic.column > 0 {
                        region["startColumn"] = diagnostic.column
                        region["endLine"] = diagnostic.endLine
                        region["endColumn"] = diagnostic.endColumn
                    }
                    var result: [String: Any] = [
                        "ruleId": diagnostic.ruleID, "level": level(diagnostic.severity),
                        "message": ["text": diagnostic.message],
                        "locations": [["physicalLocation": ["artifactLocation": ["uri": diagnostic.file], "region": region]]],
                    ]
                    if let index = ruleIndex[diagnostic.ruleID] { result["ruleIndex"] = index }
                    if !diagnostic.fixes.isEmpty { result["fixes"] = diagnostic.fixes.map { fix(fix: $0, file: diagnostic.file) } }
                    return result
                },
                "columnKind": "unicodeCodePoints",
            ]],
        ]
        return JSONReport.serialize(object)
    }

    /// A fix as SARIF's `fix` object: one artifact change of the finding's file.
    private static func fix(fix: Fix, file: String) -> [String: Any] {
        [
            "description": ["text": fix.summary],
            "artifactChanges": [[
                "artifactLocation": ["uri": file],
                "replacements": fix.edits.map { edit -> [String: Any] in
                    [
                        "deletedRegion": [
                            "startLine": edit.range.start.line, "startColumn": edit.range.start.column,
                            "endLine": edit.range.end.line, "endColumn": edit.range.end.column,
                        ],
                        "insertedContent": ["text": edit.replacement],
                    ]
                },
            ]],
        ]
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }
}
