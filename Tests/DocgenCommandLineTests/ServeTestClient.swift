import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A raw-socket HTTP/1.1 client for the serve tests: it sends request targets exactly as
/// written (URLSession would normalise `/../x` away) and reads with timeouts. Every blocking call
/// runs on a GCD thread, never on the Swift concurrency pool the server also runs on.
struct ServeTestClient {
    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let port: Int

    /// The Host header of a request.
    enum HostHeader {
        /// `127.0.0.1:PORT`.
        case served
        /// No Host header.
        case none
        /// This value.
        case value(String)
    }

    /// `GET target` (or another method) on a new connection; the whole reply.
    func request(_ target: String, method: String = "GET", host: HostHeader = .served, timeout: Double = 30) async throws -> Reply {
        let hostLine: String
        switch host {
        case .served: hostLine = "Host: 127.0.0.1:\(port)\r\n"
        case .none: hostLine = ""
        case .value(let value): hostLine = "Host: \(value)\r\n"
        }
        return try Self.parse(try await raw("\(method) \(target) HTTP/1.1\r\n\(hostLine)Connection: close\r\n\r\n", timeout: timeout))
    }

    /// Sends `text` exactly on a new connection and returns every byte received until the
    /// server closes it.
    func raw(_ text: String, timeout: Double = 30) async throws -> Data {
        let port = self.port
        return try await Self.offPool {
            let socket = try Socket(port: port, timeout: min(timeout, 1))
            defer { socket.close() }
            try socket.send(text)
            return try socket.readToEnd(deadline: Date().addingTimeInterval(timeout))
        }
    }

    /// A new connection, after sending `text` (nothing by default), kept open.
    func connect(sending text: String = "") async throws -> Socket {
        let port = self.port
        return try await Self.offPool {
            let socket = try Socket(port: port, timeout: 0.1)
            if !text.isEmpty { try socket.send(text) }
            return socket
        }
    }

    /// Opens `GET /__docgen/events` and keeps reading it.
    func openEvents(timeout: Double = 30) async throws -> EventStream {
        let port = self.port
        return try await Self.offPool {
            let socket = try Socket(port: port, timeout: 0.2)
            try socket.send("GET /__docgen/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
            let stream = EventStream(socket: socket)
            // The server writes ": connected" once the client is registered for reloads.
            _ = try stream.waitFor(": connected", deadline: Date().addingTimeInterval(timeout))
            return stream
        }
    }

    /// A server-sent event stream being read.
    final class EventStream: @unchecked Sendable {
        private let socket: Socket
        private var received = Data()
        private var consumed = 0

        fileprivate init(socket: Socket) {
            self.socket = socket
        }

        /// Everything received so far.
        var text: String { String(decoding: received, as: UTF8.self) }

        /// Waits until `marker` appears after what earlier waits consumed; returns the text up to
        /// and including the line after it.
        func waitFor(_ marker: String, deadline: Date) throws -> String {
            while true {
                let unread = String(decoding: received[consumed...], as: UTF8.self)
                if let range = unread.range(of: marker) {
                    let rest = unread[range.upperBound...]
                    if let lineEnd = rest.range(of: "\n\n") {
                        let found = String(unread[..<lineEnd.upperBound])
                        consumed += found.utf8.count
                        return found
                    }
                }
                guard Date() < deadline else { throw Failure(description: "no '\(marker)' before the deadline; received: \(text)") }
                guard let chunk = try socket.receive() else {
                    throw Failure(description: "the event stream closed before '\(marker)'; received: \(text)")
                }
                received.append(chunk)
            }
        }

        /// Waits for the next `reload` event and returns its version.
        func nextReload(timeout: Double) async throws -> Int {
            try await ServeTestClient.offPool {
                let block = try self.waitFor("event: reload\ndata: ", deadline: Date().addingTimeInterval(timeout))
                guard let line = block.split(whereSeparator: \.isNewline).last(where: { $0.hasPrefix("data: ") }),
                      let version = Int(line.dropFirst("data: ".count).trimmingCharacters(in: .whitespaces))
                else { throw Failure(description: "malformed reload event: \(block)") }
                return version
            }
        }

        /// Whether the server closed the stream within `timeout`.
        func closedWithin(_ timeout: Double) async -> Bool {
            await (try? ServeTestClient.offPool {
                let deadline = Date().addingTimeInterval(timeout)
                while Date() < deadline {
                    guard let chunk = try self.socket.receive() else { return true }
                    self.received.append(chunk)
                }
                return false
            }) ?? true
        }

        func close() { socket.close() }
    }

    /// Runs blocking work on a thread of its own. Not on GCD's global queue: on Linux it keeps
    /// about as many threads as there are cores busy, so a few tests waiting on sockets at once
    /// can hold them, and the server under test, whose load lints on that queue, then answers
    /// only when their reads time out.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.name = "serve test client"
            thread.start()
        }
    }

    static func parse(_ data: Data) throws -> Reply {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else {
            throw Failure(description: "no header end in reply: \(String(decoding: data, as: UTF8.self))")
        }
        let head = String(decoding: data[..<split.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure(description: "bad status line: \(head)") }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[split.upperBound...])
        if headers["transfer-encoding"] == "chunked" { body = dechunk(body) }
        return Reply(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
    }

    static func dechunk(_ data: Data) -> Data {
        var result = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText, radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            let end = rest.index(start, offsetBy: size, limitedBy: rest.endIndex) ?? rest.endIndex
            result.append(rest[start..<end])
            rest = rest[min(rest.endIndex, end + 2)...]
        }
        return result
    }

    /// Whether a new socket can listen on `port` right away (the server freed it).
    static func canListen(on port: Int) -> Bool {
        let descriptor = socket(AF_INET, socketStream, 0)
        guard descriptor >= 0 else { return false }
        defer { closeDescriptor(descriptor) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Socket.loopback(port: port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return bound == 0 && listen(descriptor, 1) == 0
    }
}

#if canImport(Glibc)
private func closeDescriptor(_ descriptor: Int32) { _ = Glibc.close(descriptor) }
private func systemSend(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int, _ flags: Int32) -> Int { Glibc.send(descriptor, bytes, count, flags) }
private let socketStream = Int32(SOCK_STREAM.rawValue)
private let noSignal = Int32(MSG_NOSIGNAL)
#else
private func closeDescriptor(_ descriptor: Int32) { _ = Darwin.close(descriptor) }
private func systemSend(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int, _ flags: Int32) -> Int { Darwin.send(descriptor, bytes, count, flags) }
private let socketStream = SOCK_STREAM
private let noSignal: Int32 = 0
#endif

/// A blocking TCP connection to 127.0.0.1 with a receive timeout.
final class Socket: @unchecked Sendable {
    private var descriptor: Int32

    init(port: Int, timeout: Double) throws {
        descriptor = socket(AF_INET, socketStream, 0)
        guard descriptor >= 0 else { throw ServeTestClient.Failure(description: "socket() failed") }
        var interval = timeval(tv_sec: Int(timeout), tv_usec: .init((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        var address = Self.loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            closeDescriptor(descriptor)
            throw ServeTestClient.Failure(description: "cannot connect to port \(port): errno \(errno)")
        }
    }

    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { systemSend(descriptor, $0.baseAddress, $0.count, noSignal) }
            guard count > 0 else { throw ServeTestClient.Failure(description: "send failed: errno \(errno)") }
            sent += count
        }
    }

    /// The next bytes; nil at end of stream; empty on a timeout.
    func receive() throws -> Data? {
        var buffer = [UInt8](repeating: 0, count: 16384)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count > 0 { return Data(buffer[..<count]) }
        if count == 0 { return nil }
        if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return Data() }
        throw ServeTestClient.Failure(description: "recv failed: errno \(errno)")
    }

    /// Reads until the peer closes the connection (true) or `deadline` passes (false), keeping
    /// what arrives in `received`. A reset counts as closed.
    func waitForClose(deadline: Date, received: inout Data) -> Bool {
        while Date() < deadline {
            do {
                guard let chunk = try receive() else { return true }
                received.append(chunk)
            } catch {
                return true
            }
        }
        return false
    }

    /// Reads until `marker` has arrived or `deadline` passes; everything read so far.
    func read(until marker: String, deadline: Date) throws -> Data {
        var data = Data()
        while Date() < deadline {
            if data.range(of: Data(marker.utf8)) != nil { return data }
            guard let chunk = try receive() else { return data }
            data.append(chunk)
        }
        return data
    }

    func readToEnd(deadline: Date) throws -> Data {
        var data = Data()
        while Date() < deadline {
            guard let chunk = try receive() else { return data }
            data.append(chunk)
        }
        throw ServeTestClient.Failure(description: "reply not complete before the deadline; got \(String(decoding: data, as: UTF8.self))")
    }

    func close() {
        if descriptor >= 0 { closeDescriptor(descriptor) }
        descriptor = -1
    }

    deinit { close() }
}
