import DocgenMarkup

extension Diagnostic: CacheCodable {
    /// Writes every field, fixes and their edits included.
    public func write(to writer: inout CacheWriter) {
        writer.write(ruleID)
        writer.write(alias)
        writer.write(severity.rawValue)
        writer.write(file)
        for number in [line, column, endLine, endColumn] { writer.write(number) }
        writer.write(message)
        writer.write(suggestion)
        writer.write(notes) { $0.write($1) }
        writer.write(fixes) { writer, fix in
            writer.write(fix.summary)
            writer.write(fix.edits) { writer, edit in
                edit.range.start.write(to: &writer)
                edit.range.end.write(to: &writer)
                writer.write(edit.replacement)
            }
        }
    }

    /// Reads a finding written by ``write(to:)``.
    public init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        let ruleID = try reader.string()
        let alias = try reader.string()
        guard let severity = Severity(rawValue: try reader.string()) else { throw CacheReader.Malformed() }
        let file = try reader.string()
        let line = try reader.int(), column = try reader.int(), endLine = try reader.int(), endColumn = try reader.int()
        let message = try reader.string()
        let suggestion = try reader.optionalString()
        let notes = try reader.list { reader throws(CacheReader.Malformed) in try reader.string() }
        let fixes = try reader.list { reader throws(CacheReader.Malformed) in
            let summary = try reader.string()
            let edits = try reader.list { reader throws(CacheReader.Malformed) in
                let start = try SourcePosition(from: &reader)
                let end = try SourcePosition(from: &reader)
                return TextEdit(range: SourceSpan(start: start, end: end), replacement: try reader.string())
            }
            return Fix(summary: summary, edits: edits)
        }
        self.init(
            ruleID: ruleID, alias: alias, severity: severity, file: file, line: line, column: column,
            end: SourcePosition(line: endLine, column: endColumn), message: message, suggestion: suggestion, notes: notes, fixes: fixes)
    }
}
