import ArgumentParser
import Foundation

/// The `docgen` command: build, lint, serve and explain rules.
public struct Docgen: ParsableCommand {
    /// The tool version.
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "docgen",
        abstract: "Build and lint Learn-style Markdown documentation.",
        discussion: """
        docgen turns a folder of Microsoft Learn-style Markdown (front matter, :::image, > [!NOTE], [!INCLUDE], \
        zone pivots, tabs) into a static site navigated by reader role and by layer, and lints drafts in CI.

        Examples:
          docgen build                         Build content/ into _site/
          docgen build docs --output public --base-url https://example.com/docs/
          docgen lint content --strict         Fail on warnings too
          docgen lint drafts/*.txt --format github
          docgen rules broken-anchor           Explain one rule
          docgen serve --open                  Preview with live reload
        """,
        version: version,
        subcommands: [BuildCommand.self, LintCommand.self, RulesCommand.self, ServeCommand.self]
    )

    public init() {}

    /// Runs the command line, mapping usage errors to exit code 2 and never printing a stack trace.
    public static func runMain() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if let exit = error as? ExitCode { Foundation.exit(exit.rawValue) }
            let message = fullMessage(for: error)
            if !message.isEmpty { Console.error(message) }
            // ArgumentParser uses 64 for usage errors; docgen documents 2.
            Foundation.exit(code.rawValue == 64 ? 2 : (code.rawValue == 0 ? 0 : 2))
        }
    }
}
