import DocgenCore

/// SARIF 2.1.0, with every rule's metadata, for GitHub code scanning and other SARIF viewers.
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
                    if diagnostic.column > 0 { region["startColumn"] = diagnostic.column }
                    var result: [String: Any] = [
                        "ruleId": diagnostic.ruleID, "level": level(diagnostic.severity),
                        "message": ["text": diagnostic.message],
                        "locations": [["physicalLocation": ["artifactLocation": ["uri": diagnostic.file], "region": region]]],
                    ]
                    if let index = ruleIndex[diagnostic.ruleID] { result["ruleIndex"] = index }
                    return result
                },
                "columnKind": "unicodeCodePoints",
            ]],
        ]
        return JSONReport.serialize(object)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }
}
