import ArgumentParser
import DocgenServe
import Foundation

/// `docgen serve`.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site with live reload, drafts and lint findings shown in each page.",
        discussion: """
        The site is built into memory, with pages marked draft: true, and each page shows its lint findings. \
        The content folder, its docgen.yml and toc.yml and the templates are checked for changes every 150 ms; \
        a save rebuilds the pages it touches and every open browser tab reloads itself. A docgen.yml or \
        template that does not parse shows an error page until it is fixed. The server listens on \
        127.0.0.1 only unless --host says otherwise. Ctrl-C stops it. Exit codes: 0 after a clean stop, 2 \
        when it cannot start (port in use, no templates).

        Examples:
          docgen serve
          docgen serve docs --port 4000 --open
          docgen serve content --templates my-templates -v
          docgen serve --host 0.0.0.0 --port 8080      Reachable from other machines
        """
    )

    @Argument(help: "The content folder.")
    var content = "content"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Option(help: "The address to listen on; anything but loopback makes drafts reachable from other machines.")
    var host = "127.0.0.1"

    @Option(help: "The templates folder (default: site-templates/).")
    var templates: String?

    @Flag(help: "Open the site in the browser (xdg-open).")
    var open = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("content folder '\(content)' does not exist; pass the folder that holds your Markdown")
        }
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535")
        }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
    }

    func run() throws {
        guard let templateFolder = ContentLocation.templates(templates) else {
            Console.error("docgen: error: no site-templates/ folder found; pass --templates DIR")
            throw ExitCode(2)
        }
        if !Self.isLoopback(host) {
            Console.error("docgen: warning: listening on \(host) makes the preview, drafts included, reachable from other machines; use --host 127.0.0.1 to keep it local")
        }
        let quiet = global.quiet
        let verbose = global.verbose
        let configuration = PreviewServer.Configuration(
            contentRoot: URL(fileURLWithPath: content), templates: templateFolder, host: host, port: port)
        let server = PreviewServer(configuration: configuration) { event in
            Self.report(event, quiet: quiet, verbose: verbose)
        }
        let shown = content == "." || content == "./" ? "./" : ContentLocation.displayPrefix(for: content)
        let host = self.host
        let open = self.open
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run { port in
                    let url = Self.url(host: host, port: port)
                    Console.out("Serving \(shown) at \(url) (Ctrl-C to stop)\n")
                    if open { Self.openBrowser(url) }
                }
                outcome.set(nil)
            } catch {
                outcome.set(error)
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            Console.error("docgen: error: \(error)")
            throw ExitCode(2)
        }
        if !quiet { Console.error("Stopped.") }
    }

    /// Prints what the server did: failures always, rebuilds with `-v`.
    static func report(_ event: PreviewServer.Event, quiet: Bool, verbose: Bool) {
        switch event {
        case .changed(let changes):
            guard verbose else { return }
            let paths = changes.contentPaths.sorted()
            let names = paths.prefix(5).joined(separator: ", ") + (paths.count > 5 ? " and \(paths.count - 5) more" : "")
            Console.error("changed: \(changes.templatesChanged ? (names.isEmpty ? "templates" : names + ", templates") : names)")
        case .built(let summary, let latency):
            for problem in summary.failure { Console.error(problem) }
            guard summary.failure.isEmpty else { return }
            if summary.wasFull, !quiet { for warning in summary.warnings { Console.error(warning) } }
            let findings = "\(summary.findings) finding\(summary.findings == 1 ? "" : "s")"
            if latency == nil {
                if !quiet { Console.error("Built \(summary.reloadedPages) pages in \(milliseconds(summary.seconds)) ms: \(findings).") }
                return
            }
            guard verbose else { return }
            var line: String
            if !summary.wasFull, summary.reloadedPages == 0 {
                line = "no page changed"
            } else {
                let what = summary.wasFull ? "everything (\(summary.reloadedPages) pages)" : "\(summary.reloadedPages) page\(summary.reloadedPages == 1 ? "" : "s")"
                line = "rebuilt \(what) in \(milliseconds(summary.seconds)) ms"
                line += " (load \(milliseconds(summary.loadSeconds)), lint \(milliseconds(summary.lintSeconds)), render \(milliseconds(summary.renderSeconds)))"
            }
            if let latency { line += "; reload sent \(milliseconds(latency)) ms after the save" }
            Console.error(line + ", \(findings)")
        }
    }

    private static func milliseconds(_ seconds: Double) -> Int { Int((seconds * 1000).rounded()) }

    /// Whether `host` is a loopback address.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// The URL to show for the bound address.
    static func url(host: String, port: Int) -> String {
        let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "http://\(shownHost):\(port)/"
    }

    /// Opens `url` with `xdg-open` when it is installed; says so when it is not.
    static func openBrowser(_ url: String) {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let opener = path.split(separator: ":").map({ "\($0)/xdg-open" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Console.error("docgen: warning: --open needs xdg-open, which is not installed; open \(url) yourself")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { Console.error("docgen: warning: could not run xdg-open: \(error.localizedDescription)") }
    }
}

/// The error the server stopped with, handed from its task to the waiting command.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    func set(_ error: (any Error)?) {
        lock.lock()
        stored = error
        lock.unlock()
    }

    var error: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
