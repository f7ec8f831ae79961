import DocgenCore
import DocgenMarkup

/// The facts the site rules and the engine keep in a page's memo (its title key, its links into
/// dependent repositories, its unresolved xrefs, its suppression comments), coded for the build
/// cache: a page the next build lets a ``PageStandIn`` stand for has no tree to make them from.
public enum SiteRuleFacts {
    /// The facts of `document`, a page of `context.site` loaded in full, made now where the site
    /// rules did not make them yet.
    public static func encode(_ document: Document, in context: LintContext) -> [UInt8] {
        var writer = CacheWriter()
        let title = document.memo.value(DuplicateTitle.memoKey) { DuplicateTitle.titleKey(of: document, in: context) }
        writer.write(title != nil)
        if let title {
            writer.write(title.title)
            title.position.write(to: &writer)
            writer.write(title.key)
        }
        writer.write(document.memo.value(DependentRepository.memoKey) { DependentRepository.linkUses(in: document, context) }) { writer, use in
            writer.write(use.repository)
            writer.write(use.path)
            use.position.write(to: &writer)
        }
        writer.write(document.memo.value(UnresolvedXref.memoKey) { UnresolvedXref.uses(in: document, context) }) { writer, use in
            writer.write(use.path)
            use.position.write(to: &writer)
            writer.write(use.uid)
        }
        let suppressions = document.memo.value(Suppressions.memoKey) { Suppressions(document.source) }
        writer.write(suppressions.spanFacts) { writer, span in
            writer.write(span.rules != nil)
            if let rules = span.rules { writer.write(rules) { $0.write($1) } }
            writer.write(span.from)
            writer.write(span.to)
        }
        return writer.bytes
    }

    /// Puts the facts in `bytes` into `memo`, a stand-in's; false when the bytes are not what
    /// ``encode(_:in:)`` wrote.
    public static func restore(_ bytes: [UInt8], into memo: DocumentMemo) -> Bool {
        var reader = CacheReader(bytes)
        do throws(CacheReader.Malformed) {
            var title: DuplicateTitle.TitleKey?
            if try reader.bool() {
                title = DuplicateTitle.TitleKey(title: try reader.string(), position: try SourcePosition(from: &reader), key: try reader.string())
            }
            let repositoryUses = try reader.list { reader throws(CacheReader.Malformed) in
                DependentRepository.RepositoryUse(repository: try reader.string(), path: try reader.string(), position: try SourcePosition(from: &reader))
            }
            let xrefUses = try reader.list { reader throws(CacheReader.Malformed) in
                UnresolvedXref.XrefUse(path: try reader.string(), position: try SourcePosition(from: &reader), uid: try reader.string())
            }
            let spans = try reader.list { reader throws(CacheReader.Malformed) -> (rules: [String]?, from: Int, to: Int) in
                let rules = try reader.bool() ? try reader.list { reader throws(CacheReader.Malformed) in try reader.string() } : nil
                return (rules, try reader.int(), try reader.int())
            }
            guard reader.isAtEnd else { return false }
            _ = memo.value(DuplicateTitle.memoKey) { title }
            _ = memo.value(DependentRepository.memoKey) { repositoryUses }
            _ = memo.value(UnresolvedXref.memoKey) { xrefUses }
            _ = memo.value(Suppressions.memoKey) { Suppressions(spanFacts: spans) }
            return true
        } catch {
            return false
        }
    }
}
