import ArgumentParser
import DocgenServe
import Foundation

/// `docgen serve`.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site with live reload, drafts and lint findings shown in each page.",
        discussion: """
        The site is loaded and linted into memory, with pages marked draft: true; each page is rendered when \
        a browser asks for it and shows its lint findings. Saves in the content folder (its docgen.yml and \
        toc.yml included) and the templates are seen as they happen (inotify; where it cannot be used, a \
        listing every 150 ms): a save reloads and re-lints the pages it can change and every open browser \
        tab reloads itself. After the first answer, what was made of each page is kept in the content \
        folder's .docgen-cache/; the next start reads only the pages edited since, and the others when a \
        browser asks for them (--no-cache loads every page and writes nothing). A docgen.yml or \
        template that does not parse shows an error page until it is fixed. The server listens on \
        127.0.0.1 only unless --host says otherwise, and answers only requests addressed to it \
        (127.0.0.1, localhost or [::1] with the port, or the --host name): others get 421, so that a web \
        page cannot read drafts through DNS rebinding. Ctrl-C stops it. Exit codes: 0 after a clean stop, 2 \
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

    @Flag(help: "Load every page at start; neither read nor write the cache in the content folder's .docgen-cache/.")
    var noCache = false

    // Connection limits, for tests and probing; the defaults suit a preview.
    @Option(help: .hidden) var maxConnections: Int?
    @Option(help: .hidden) var headerTimeout: Double?
    @Option(help: .hidden) var idleTimeout: Double?
    @Option(help: .hidden) var writeTimeout: Double?

    /// The connection limits, with the hidden options applied.
    var limits: ConnectionLimits {
        var limits = ConnectionLimits()
        if let maxConnections { limits.maxConnections = maxConnections }
        if let headerTimeout { limits.headerTimeout = .milliseconds(Int(headerTimeout * 1000)) }
        if let idleTimeout { limits.idleTimeout = .milliseconds(Int(idleTimeout * 1000)) }
        if let writeTimeout { limits.writeTimeout = .milliseconds(Int(writeTimeout * 1000)) }
        return limits
    }

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
        guard (maxConnections ?? 1) >= 1, [headerTimeout, idleTimeout, writeTimeout].allSatisfy({ ($0 ?? 1) > 0 }) else {
            throw ValidationError("connection limits must be positive")
        }
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
        // Each connection holds a descriptor; the connection cap is fitted to the limit.
        DescriptorLimit.raise()
        let configuration = PreviewServer.Configuration(
            contentRoot: URL(fileURLWithPath: content), templates: templateFolder, host: host, port: port, limits: limits, usesCache: !noCache)
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

    /// Prints what the server did: failures and troubles always, rebuilds with `-v`.
    static func report(_ event: PreviewServer.Event, quiet: Bool, verbose: Bool) {
        switch event {
        case .connectionsFull(let limit, let limits):
            Console.error(
                "docgen: warning: \(limit) connections are open, the most serve keeps; new ones wait until one closes "
                    + "(a connection is closed after \(seconds(limits.idleTimeout)) s idle, or \(seconds(limits.headerTimeout)) s without a complete request)")
        case .descriptorsExhausted(let limit):
            Console.error(
                "docgen: warning: too many open files (the limit is \(limit)): saves are not picked up until connections or files close; "
                    + "raise the limit with ulimit -n")
        case .descriptorsAvailable:
            if !quiet { Console.error("docgen: file descriptors are free again; watching for changes") }
        case .watchFailed(let reason):
            Console.error("docgen: warning: cannot list \(reason); the site is not rebuilt until it can be")
        case .watchRecovered:
            if !quiet { Console.error("docgen: the folders can be listed again; watching for changes") }
        case .cacheNote(let note):
            if !quiet { Console.error("docgen: note: " + note) }
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
                // Pages are rendered when a browser asks for them, so loading and linting is the start.
                guard !quiet else { return }
                let time = "\(milliseconds(summary.seconds)) ms"
                if summary.cachedPages > 0, summary.reloadedPages == 0 {
                    Console.error("Loaded \(pages(summary.cachedPages)) from the cache in \(time), each read when a browser asks for it: \(findings).")
                } else if summary.cachedPages > 0 {
                    Console.error(
                        "Loaded and checked \(pages(summary.reloadedPages)) in \(time); the cache stood for "
                            + "\(summary.cachedPages) more, read when a browser asks for one: \(findings).")
                } else {
                    Console.error("Loaded and checked \(pages(summary.reloadedPages)) in \(time): \(findings).")
                }
                return
            }
            guard verbose else { return }
            var line: String
            if !summary.wasFull, summary.reloadedPages == 0, summary.removedPages == 0 {
                line = "no page changed"
            } else {
                let what = summary.wasFull ? "everything (\(summary.reloadedPages) pages)" : "\(summary.reloadedPages) page\(summary.reloadedPages == 1 ? "" : "s")"
                let removed = summary.removedPages == 0 ? "" : ", removed \(summary.removedPages) page\(summary.removedPages == 1 ? "" : "s")"
                line = "rebuilt \(what)\(removed) in \(milliseconds(summary.seconds)) ms"
                line += " (load \(milliseconds(summary.loadSeconds)), lint \(summary.lintedPages) page\(summary.lintedPages == 1 ? "" : "s") \(milliseconds(summary.lintSeconds)),"
                let structure = summary.keptStructure ? ", structure kept" : summary.retitledStructure ? ", structure retitled" : ""
                line += " prepare \(milliseconds(summary.renderSeconds))\(structure))"
            }
            if let latency { line += "; reload sent \(milliseconds(latency)) ms after the save" }
            Console.error(line + ", \(findings)")
        }
    }

    private static func milliseconds(_ seconds: Double) -> Int { Int((seconds * 1000).rounded()) }

    /// "1 page", "2 pages".
    private static func pages(_ count: Int) -> String { count == 1 ? "1 page" : "\(count) pages" }

    private static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return value == value.rounded() ? String(Int(value)) : String(value)
    }

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
