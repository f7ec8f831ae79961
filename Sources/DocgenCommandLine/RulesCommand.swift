import ArgumentParser
import DocgenLint

/// `docgen rules`.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the lint rules, or explain one with a bad and a good example.",
        discussion: """
        Examples:
          docgen rules
          docgen rules DG102
          docgen rules broken-anchor
          docgen rules --markdown > Documentation/rules.md
        """
    )

    @Argument(help: "A rule id (DG101) or alias (broken-link).")
    var rule: String?

    @Flag(help: "Print the whole catalogue as a Markdown reference page.")
    var markdown = false

    func run() throws {
        if markdown {
            Console.out(RuleDocumentation.markdown(RuleRegistry.all.map { $0.metadata }))
            return
        }
        guard let rule else {
            Console.out(RuleDocumentation.table(RuleRegistry.all.map { $0.metadata }))
            return
        }
        guard let type = RuleRegistry.rule(named: rule) else {
            Console.error("docgen: error: no rule named '\(rule)'; run `docgen rules` to list them")
            throw ExitCode(2)
        }
        Console.out(RuleDocumentation.explain(type.metadata))
    }
}
