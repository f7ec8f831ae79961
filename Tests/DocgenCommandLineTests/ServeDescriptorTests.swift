import DocgenTestSupport
import Foundation
import Testing

/// `docgen serve` run as a user runs it, under a low open-file limit (`ulimit -n`), flooded with
/// connections that send nothing: it keeps answering, does not spin, and says what is wrong.
@Suite("serve: few file descriptors", .serialized, .timeLimit(.minutes(3)))
struct ServeDescriptorTests {
    /// A running `docgen serve` under `ulimit -n limit`.
    final class Served: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var out = Data()
        private var err = Data()

        init(content: URL, limit: Int, arguments: [String] = []) throws {
            let docgen = CommandLineRunner.packageRoot.appendingPathComponent(".build/debug/docgen").path
            let templates = CommandLineRunner.packageRoot.appendingPathComponent("site-templates").path
            let command = ([docgen, "serve", content.path, "--port", "0", "--templates", templates] + arguments).map { "'\($0)'" }.joined(separator: " ")
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            // exec: the shell becomes docgen, so the process id is docgen's.
            process.arguments = ["-c", "ulimit -n \(limit) && exec \(command)"]
            var environment = ProcessInfo.processInfo.environment
            environment["NO_COLOR"] = "1"
            process.environment = environment
            let outPipe = Pipe(), errPipe = Pipe()
            process.standardOutput = outPipe
            process.standardError = errPipe
            outPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.append(handle.availableData, toError: false) }
            errPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.append(handle.availableData, toError: true) }
            try process.run()
        }

        private func append(_ data: Data, toError: Bool) {
            lock.lock()
            if toError { err.append(data) } else { out.append(data) }
            lock.unlock()
        }

        var stdout: String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: out, as: UTF8.self)
        }

        var stderr: String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: err, as: UTF8.self)
        }

        /// The port from `Serving … at http://127.0.0.1:PORT/`, once printed.
        func port(within seconds: Double) async throws -> Int {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if let range = stdout.range(of: "http://127.0.0.1:"), let port = Int(stdout[range.upperBound...].prefix { $0.isNumber }) { return port }
                guard process.isRunning else { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw ServeFixtures.Failure(description: "docgen serve did not start; stderr: \(stderr)")
        }

        /// CPU seconds (user and system) the process has used, from /proc.
        var cpuSeconds: Double {
            guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")")
            else { return 0 }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
            let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
            return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
        }

        /// Stops the server as Ctrl-C does; its exit status.
        func stop() async -> Int32 {
            process.interrupt()
            let deadline = Date().addingTimeInterval(15)
            while process.isRunning, Date() < deadline { try? await Task.sleep(for: .milliseconds(50)) }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    @Test("Under ulimit -n 64, 60 silent connections: the cap is 16, a request is answered once silent ones time out, no busy loop")
    func silentFlood() async throws {
        let content = try ServeFixtures.content()
        // 2 s without a request: long enough for 16 silent connections to be accepted and open
        // together while other tests load both cores.
        let served = try Served(content: content.url, limit: 64, arguments: ["--header-timeout", "2", "--idle-timeout", "1"])
        let port = try await served.port(within: 30)
        let client = ServeTestClient(port: port)
        let home = try await client.request("/")
        #expect(home.status == 200)

        let cpuBefore = served.cpuSeconds
        let start = Date()
        var silent: [Socket] = []
        for _ in 0..<60 { silent.append(try await client.connect()) }
        // Answered once the silent connections ahead of it have timed out: about 6 s on an idle
        // machine, 9 s while the other suites run, 40 s once on a CI machine loaded by them. The
        // generous timeout still fails a server that never answers.
        let reply = try await client.request("/", timeout: 100)
        let waited = Date().timeIntervalSince(start)
        try await Task.sleep(for: .seconds(1))
        let cpu = served.cpuSeconds - cpuBefore
        for socket in silent { socket.close() }
        #expect(reply.status == 200)
        #expect(reply.body == home.body)
        // When the request is accepted, at most 15 of the 60 silent connections are open: 45 were
        // closed, 16 at a time, each after 2 s; so at least 45 × 2 / 16 = 5.6 s have passed.
        #expect(waited >= 5.6, "answered after \(waited) s")
        #expect(cpu < 0.25 * (waited + 1), "the server used \(cpu) s of CPU in \(waited + 1) s while waiting")

        #expect(await served.stop() == 0)
        let stderr = served.stderr
        #expect(stderr.contains(
            "docgen: warning: 16 connections are open, the most serve keeps; new ones wait until one closes (a connection is closed after 1 s idle, or 2 s without a complete request)\n"),
            "\(stderr)")
        #expect(!stderr.contains("missing"), "\(stderr)")
        #expect(!stderr.contains("too many open files"), "\(stderr)")
    }

    @Test("Under ulimit -n 24, too few descriptors to rebuild: said once, naming the cause; pages still served; no busy loop")
    func tooFewToRebuild() async throws {
        let content = try ServeFixtures.content()
        let served = try Served(content: content.url, limit: 24)
        let port = try await served.port(within: 30)
        let client = ServeTestClient(port: port)
        let first = try await client.request("/overview.html")
        #expect(first.status == 200)
        #expect(first.body.contains("First version of the overview."))

        // A save is not built from a half-read site; the last good one stays.
        try content.write("overview.md", ServeFixtures.overview("Second version of the overview."))
        let cpuBefore = served.cpuSeconds
        try await Task.sleep(for: .seconds(2))
        let cpu = served.cpuSeconds - cpuBefore
        let later = try await client.request("/overview.html")
        #expect(later.status == 200)
        #expect(later.body == first.body)
        #expect(cpu < 0.5, "the server used \(cpu) s of CPU in 2 s while out of descriptors")

        #expect(await served.stop() == 0)
        let stderr = served.stderr
        let warning = "docgen: warning: too many open files (the limit is 24): saves are not picked up until connections or files close; raise the limit with ulimit -n\n"
        #expect(stderr.components(separatedBy: warning).count == 2, "expected the warning once: \(stderr)")
        #expect(!stderr.contains("missing"), "\(stderr)")
    }
}
