import DocgenCore
import DocgenLint
import DocgenTestSupport
import Foundation
import Testing

/// Every rule in the registry reports its own bad example and not its good one, and with every
/// rule on, the good example differs from the bad one by exactly that rule's findings, so the
/// catalogue generated from the metadata (`docgen rules`, Documentation/rules.md) never shows an
/// example that lies. The rules come from ``RuleRegistry/all``: a new rule is tested here without
/// being listed, and fails until its examples hold.
@Suite struct RuleExamplesTests {
    /// The files examples refer to without showing them (the include, the code sample, the page a
    /// link or a toc.yml names, the images). Only the example's own files are linted.
    static let support = [
        "includes/prerequisites.md": "You need a cluster.\n",
        "samples/create-cluster.sh": "az aks create\n",
        "alerts.md": LintHarness.validFrontMatter + "# Alerts\n",
        "overview.md": LintHarness.validFrontMatter + "# Overview\n",
        "upgrade.md": LintHarness.validFrontMatter + "# Upgrade the agent\n",
        "media/node-view.png": "png",
        "media/node-view-large.png": "png",
        "media/pods.png": "png",
        "media/node view.png": "png",
    ]

    /// What an example says in words about its surroundings, as files: (both examples, bad only,
    /// good only).
    static let settings: [String: (both: [String: String], bad: [String: String], good: [String: String])] = [
        // "reusable-content not checked out" / "git clone ... reusable-content": a Learn doc set
        // whose `~/` paths lead into a dependent repository, absent and then cloned.
        "DG108": (["docfx.json": #"{"build": {}}"#], [:], ["reusable-content/azure-cli/install.md": "Install the CLI.\n"]),
        // A root-relative Learn link into another doc set is kept as written when the site names
        // Learn's host.
        "DG106": (["docgen.yml": "site:\n  learn-host: https://learn.microsoft.com\n"], [:], [:]),
        // Monikers are those the doc set's docfx.json groups declare (azure-cli-latest, as in azure-docs-cli).
        "DG309": (["docfx.json": #"{"build": {"groups": {"latest": {"moniker_range": "azure-cli-latest"}}}}"#], [:], [:]),
        // Roles and layers are those the site declares; the good example names the declared ones.
        "DG008": (["docgen.yml": "roles:\n  - id: developer\n    title: Developer\nlayers:\n  - number: 4\n    title: Applications\n"], [:], [:]),
    ]

    /// Bad examples that also break other rules, which their good examples fix too. Each entry
    /// must match what the example does: mending the example fails the test until the entry goes.
    static let alsoReported: [String: Set<String>] = [
        // "description: Monitor nodes" repeats the title and is also shorter than 75 characters.
        "DG005": ["DG004"],
        // The absolute link also hard-codes the locale (`/en-us/`).
        "DG106": ["DG107"],
    ]

    /// One file of an example: its path and bytes.
    typealias File = (path: String, bytes: [UInt8])

    /// The files an example stands for. `<!-- name.ext ... -->` lines start a file of that name
    /// (words after the name describe it); otherwise the example is the page `a.md`. A Markdown
    /// page without front matter gets front matter that satisfies the metadata rules. `\xNN`
    /// stands for that byte (an encoding example).
    static func files(of example: String) -> [File] {
        var sections: [(path: String, lines: [Substring])] = []
        for line in example.split(separator: "\n", omittingEmptySubsequences: false) {
            if let name = fileName(in: line) {
                sections.append((name, []))
            } else if sections.isEmpty {
                sections.append(("a.md", [line]))
            } else {
                sections[sections.count - 1].lines.append(line)
            }
        }
        return sections.map { section in
            var text = section.lines.joined(separator: "\n")
            while text.hasPrefix("\n") { text.removeFirst() }
            if section.path.hasSuffix(".md"), !text.hasPrefix("---\n") {
                // A fragment of a page: around it, front matter and an H1 (unless it has its own).
                let hasH1 = text.split(separator: "\n").contains { $0.hasPrefix("# ") && !$0.contains("](#tab/") }
                text = LintHarness.validFrontMatter + (hasH1 ? "" : "# Example page\n\n") + text
            }
            return (section.path, bytes(text))
        }
    }

    /// The file name an example's `<!-- name.ext, words -->` line starts, if the line is one.
    /// `<!-- name.ext without ... -->` says what the site lacks; the page `a.md` follows it.
    static func fileName(in line: Substring) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") else { return nil }
        let words = trimmed.dropFirst(4).dropLast(3).split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
        guard let first = words.first, let dot = first.lastIndex(of: "."), ["md", "yml", "json"].contains(first[first.index(after: dot)...]) else {
            return nil
        }
        return words.dropFirst().first == "without" ? "a.md" : first
    }

    /// The bytes of `text`, with `\xNN` read as the byte NN.
    static func bytes(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "\\"), index + 3 < utf8.count, utf8[index + 1] == UInt8(ascii: "x"),
               let byte = UInt8(String(decoding: utf8[(index + 2)...(index + 3)], as: UTF8.self), radix: 16) {
                result.append(byte)
                index += 4
            } else {
                result.append(utf8[index])
                index += 1
            }
        }
        return result
    }

    /// Lints the example's files, beside the support files and the rule's setting, with only `rule`
    /// (every rule when nil).
    static func findings(_ example: [File], extra: [String: String], _ rule: (any LintRule.Type)?) throws -> [String] {
        let content = try TemporaryContent(support.merging(extra) { $1 })
        for file in example { try content.write(file.path, bytes: file.bytes) }
        // Pages and YAML pages; a toc.yml or docgen.yml is read as the site's configuration.
        let linted = example.map(\.path).filter { $0.hasSuffix(".md") || ($0.hasSuffix(".yml") && !["toc.yml", "docgen.yml"].contains($0)) }
        let site = SiteLoader.load(root: content.url, only: linted)
        let engine = LintEngine(configuration: LintConfiguration(site.configuration.lint), ruleTypes: rule.map { [$0] } ?? RuleRegistry.all)
        return engine.run(LintContext(site: site, today: LintHarness.today)).map { "\($0.file):\($0.line):\($0.column) \($0.ruleID)" }
    }

    /// The rule ids of findings, each numbered by how often it occurs (`DG101` twice is
    /// `DG101 #1`, `DG101 #2`), so that sets compare counts, not positions.
    static func ruleIDs(_ findings: [String]) -> Set<Occurrence> {
        var seen: [String: Int] = [:]
        return Set(findings.map { finding in
            let id = String(finding.split(separator: " ").last ?? "")
            seen[id, default: 0] += 1
            return Occurrence(id: id, number: seen[id]!)
        })
    }

    /// A rule id and which of its findings this is.
    struct Occurrence: Hashable, CustomStringConvertible {
        var id: String
        var number: Int
        var description: String { "\(id) #\(number)" }
    }

    static var ids: [String] { RuleRegistry.all.map { $0.metadata.id } }

    @Test(arguments: ids)
    func badExampleIsReportedAndGoodExampleIsNot(_ id: String) throws {
        let rule = try #require(RuleRegistry.rule(named: id))
        let metadata = rule.metadata
        #expect(!metadata.summary.isEmpty && !metadata.rationale.isEmpty && !metadata.tags.isEmpty)
        #expect(!metadata.badExample.isEmpty && !metadata.goodExample.isEmpty, "\(id) has no examples")
        let setting = Self.settings[id] ?? ([:], [:], [:])
        var bad = Self.files(of: metadata.badExample)
        var good = Self.files(of: metadata.goodExample)
        // An example that shows only configuration (a toc.yml, docgen.yml) is about the other
        // example's pages.
        let pages = { (files: [File]) in files.filter { $0.path.hasSuffix(".md") } }
        if pages(good).isEmpty { good += pages(bad).filter { page in !good.contains { $0.path == page.path } } }
        if pages(bad).isEmpty { bad += pages(good).filter { page in !bad.contains { $0.path == page.path } } }
        let badFindings = try Self.findings(bad, extra: setting.both.merging(setting.bad) { $1 }, rule)
        #expect(!badFindings.isEmpty, "\(id) does not report its bad example")
        let goodFindings = try Self.findings(good, extra: setting.both.merging(setting.good) { $1 }, rule)
        #expect(goodFindings.isEmpty, "\(id) reports its good example: \(goodFindings)")
        // With every rule on, going from the bad example to the good one removes this rule's
        // findings and nothing else, and adds none.
        let allBad = try Self.findings(bad, extra: setting.both.merging(setting.bad) { $1 }, nil)
        let allGood = try Self.findings(good, extra: setting.both.merging(setting.good) { $1 }, nil)
        let removed = Self.ruleIDs(allBad).subtracting(Self.ruleIDs(allGood))
        var added = Self.ruleIDs(allGood).subtracting(Self.ruleIDs(allBad))
        // A front matter example shows the keys it is about, not every required one.
        if metadata.goodExample.hasPrefix("---\n") { added = added.filter { $0.id != MetadataRequired.metadata.id } }
        #expect(Set(removed.map(\.id)) == Set([id]).union(Self.alsoReported[id] ?? []), "\(id): the fix removes \(removed) (all rules on: \(allBad) -> \(allGood))")
        #expect(added.isEmpty, "\(id): the fix adds \(added) (all rules on: \(allBad) -> \(allGood))")
    }

    @Test func idsAndAliasesAreUnique() throws {
        var aliases = Set<String>()
        #expect(Set(Self.ids).count == Self.ids.count)
        for rule in RuleRegistry.all {
            #expect(aliases.insert(rule.metadata.alias).inserted, "\(rule.metadata.alias) is used twice")
            #expect(RuleRegistry.rule(named: rule.metadata.alias)?.metadata.id == rule.metadata.id)
        }
    }
}
