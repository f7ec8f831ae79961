import DocgenServe
import DocgenTestSupport
import Foundation
import Testing

@Suite("serve: connection timeouts, the connection cap and HTTP/1.0", .serialized, .timeLimit(.minutes(2)))
struct ServeConnectionTests {
    /// Short limits, so that the timeouts can be watched.
    static let limits = ConnectionLimits(maxConnections: 4, headerTimeout: .milliseconds(800), idleTimeout: .milliseconds(1600), writeTimeout: .seconds(1))

    static func server(_ content: TemporaryContent, events: EventLog? = nil) throws -> PreviewServer {
        PreviewServer(
            configuration: .init(contentRoot: content.url, templates: try ServeFixtures.templates(), port: 0, pollInterval: .milliseconds(50), limits: limits),
            onEvent: { event in events?.add(event) })
    }

    /// Seconds since `start`.
    static func since(_ start: Date) -> Double { Date().timeIntervalSince(start) }

    @Test("Connections beyond the cap wait; silent ones are closed after the header timeout and a normal request is then answered")
    func silentConnectionsBeyondTheCap() async throws {
        let content = try ServeFixtures.content()
        let events = EventLog()
        let server = try Self.server(content, events: events)
        try await ServeFixtures.withRunningServer(server) { client in
            let home = try ServeHostTests.home(server)
            let start = Date()
            var silent: [Socket] = []
            for _ in 0..<10 { silent.append(try await client.connect()) }
            defer { for socket in silent { socket.close() } }
            // Four are accepted and closed after 0.8 s; the request waits behind them, so it is not
            // answered before one of them is closed. How many more are accepted at once after
            // that depends on how many connections one read of the listening socket takes (up to
            // four in SwiftNIO), so no tighter bound holds. Bounds generous enough for a loaded
            // machine: the point is that it is answered at all.
            let reply = try await client.request("/", timeout: 40)
            let waited = Self.since(start)
            #expect(reply.status == 200)
            #expect(reply.body == home)
            #expect(waited >= 0.76, "answered after \(waited) s, before a silent connection ahead of it was closed")
            #expect(waited < 40, "answered only after \(waited) s")
            let closed = try await ServeTestClient.offPool { [silent] in
                silent.map { socket in
                    var received = Data()
                    return socket.waitForClose(deadline: Date().addingTimeInterval(5), received: &received) && received.isEmpty
                }
            }
            #expect(closed == Array(repeating: true, count: 10), "silent connections were not closed without a reply: \(closed)")
            // Reported when the cap is reached, again only after connections fell below half of it.
            #expect(!events.connectionsFull.isEmpty && events.connectionsFull.allSatisfy { $0 == 4 }, "the cap was reported \(events.connectionsFull)")
        }
    }

    @Test("A request head sent too slowly is cut off at the header timeout, however steadily its bytes come")
    func slowRequestHead() async throws {
        let content = try ServeFixtures.content()
        let server = try Self.server(content)
        try await ServeFixtures.withRunningServer(server) { client in
            // Timed from before the connection: the server's deadline starts when it accepts it,
            // and a busy machine can take a while to hand the connected socket back.
            let start = Date()
            let socket = try await client.connect(sending: "GET / HTTP/1.1\r\n")
            defer { socket.close() }
            let outcome = try await ServeTestClient.offPool { [socket] () -> (closed: Bool, received: Data) in
                var received = Data()
                for index in 0..<40 {
                    // A header line a byte at a time, every 100 ms: never complete within 0.8 s.
                    do { try socket.send(index % 2 == 0 ? "X" : "-") } catch { return (true, received) }
                    if socket.waitForClose(deadline: Date().addingTimeInterval(0.1), received: &received) { return (true, received) }
                }
                return (false, received)
            }
            let elapsed = Self.since(start)
            #expect(outcome.closed, "the slow request head was never cut off")
            #expect(outcome.received.isEmpty, "a reply came: \(String(decoding: outcome.received, as: UTF8.self))")
            #expect(elapsed >= 0.6 && elapsed < 2.5, "cut off after \(elapsed) s")
        }
    }

    @Test("A kept-alive connection is closed after the idle timeout, not the shorter header timeout")
    func idleKeptAliveConnection() async throws {
        let content = try ServeFixtures.content()
        let server = try Self.server(content)
        try await ServeFixtures.withRunningServer(server) { client in
            let home = try ServeHostTests.home(server)
            let socket = try await client.connect(sending: "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(client.port)\r\n\r\n")
            defer { socket.close() }
            let outcome = try await ServeTestClient.offPool { [socket] () -> (reply: ServeTestClient.Reply, idle: Double, closed: Bool) in
                var data = Data()
                let deadline = Date().addingTimeInterval(10)
                // Read one whole reply (its length is given), then stay silent.
                while Date() < deadline {
                    if let reply = try? ServeTestClient.parse(data), let length = reply.headers["content-length"].flatMap(Int.init),
                       reply.body.utf8.count >= length { break }
                    guard let chunk = try socket.receive() else { break }
                    data.append(chunk)
                }
                let answered = Date()
                var rest = Data()
                let closed = socket.waitForClose(deadline: Date().addingTimeInterval(6), received: &rest)
                return (try ServeTestClient.parse(data), Date().timeIntervalSince(answered), closed && rest.isEmpty)
            }
            #expect(outcome.reply.status == 200)
            #expect(outcome.reply.body == home)
            #expect(outcome.closed, "the idle connection was not closed")
            #expect(outcome.idle >= 1.3 && outcome.idle < 3.5, "closed after \(outcome.idle) s idle")
        }
    }

    @Test("A client that stops reading a response is disconnected after the write timeout")
    func stalledReader() async throws {
        let content = try ServeFixtures.content()
        // Larger than what the kernel buffers on both sides of a loopback connection.
        let size = 48 << 20
        try content.write("media/large.bin", bytes: [UInt8](repeating: 0x61, count: size))
        let server = try Self.server(content)
        try await ServeFixtures.withRunningServer(server) { client in
            let socket = try await client.connect(sending: "GET /media/large.bin HTTP/1.1\r\nHost: 127.0.0.1:\(client.port)\r\n\r\n")
            defer { socket.close() }
            try await Task.sleep(for: .seconds(3))
            let outcome = try await ServeTestClient.offPool { [socket] () -> (closed: Bool, received: Int) in
                var received = Data()
                let closed = socket.waitForClose(deadline: Date().addingTimeInterval(20), received: &received)
                return (closed, received.count)
            }
            #expect(outcome.closed)
            #expect(outcome.received < size, "the whole file arrived (\(outcome.received) bytes): the server waited for the reader")
        }
    }

    @Test("HTTP/1.0: the event stream is sent without chunking and ends when the connection closes; pages keep their length")
    func http10() async throws {
        let content = try ServeFixtures.content()
        let server = try Self.server(content)
        try await ServeFixtures.withRunningServer(server) { client in
            let port = client.port
            let page = try ServeTestClient.parse(try await client.raw("GET /overview.html HTTP/1.0\r\nHost: 127.0.0.1:\(port)\r\n\r\n"))
            guard case .memory(let overview, _) = server.snapshot.lookup("overview.html") else { throw ServeFixtures.Failure(description: "no overview.html") }
            #expect(page.status == 200)
            #expect(page.headers["content-length"] == String(overview.readableBytes))
            #expect(page.headers["transfer-encoding"] == nil)
            #expect(page.headers["connection"] == "close")
            #expect(page.body == String(buffer: overview))

            let socket = try await client.connect(sending: "GET /__docgen/events HTTP/1.0\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
            defer { socket.close() }
            let opened = try await ServeTestClient.offPool { [socket] in try socket.read(until: ": connected\n\n", deadline: Date().addingTimeInterval(10)) }
            let split = try #require(opened.range(of: Data("\r\n\r\n".utf8)))
            let head = String(decoding: opened[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
            #expect(head.first == "HTTP/1.0 200 OK")
            #expect(Set(head.dropFirst().map { $0.lowercased() }.filter { !$0.hasPrefix("date: ") }) == [
                "content-type: text/event-stream", "cache-control: no-cache", "x-accel-buffering: no", "connection: close", "server: docgen",
            ])
            #expect(String(decoding: opened[split.upperBound...], as: UTF8.self) == "retry: 1000\n: connected\n\n")
            #expect(await ServeFixtures.eventually(2) { server.hub.clientCount == 1 })

            let before = server.snapshot.version
            try content.write("overview.md", ServeFixtures.overview("Second version of the overview."))
            let reload = String(decoding: try await ServeTestClient.offPool { [socket] in try socket.read(until: "\n\n", deadline: Date().addingTimeInterval(10)) }, as: UTF8.self)
            let version = Int(reload.dropFirst("event: reload\ndata: ".count).prefix { $0.isNumber }) ?? 0
            #expect(version > before)
            #expect(reload == "event: reload\ndata: \(version)\n\n")

            // The stream ends (the server is stopping): the connection closes, with no chunk terminator.
            server.hub.closeAll()
            let end = try await ServeTestClient.offPool { [socket] () -> (closed: Bool, rest: Data) in
                var rest = Data()
                return (socket.waitForClose(deadline: Date().addingTimeInterval(5), received: &rest), rest)
            }
            #expect(end.closed, "the HTTP/1.0 event stream did not end with the connection")
            #expect(end.rest.isEmpty, "after the events: \(String(decoding: end.rest, as: UTF8.self))")
        }
    }
}

/// The events a server reported, for the tests to look at.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [PreviewServer.Event] = []

    func add(_ event: PreviewServer.Event) {
        lock.lock()
        events.append(event)
        lock.unlock()
    }

    var all: [PreviewServer.Event] {
        lock.lock()
        defer { lock.unlock() }
        return events
    }

    /// The limits of every `connectionsFull` event.
    var connectionsFull: [Int] {
        all.compactMap { if case .connectionsFull(let limit, _) = $0 { limit } else { nil } }
    }
}
