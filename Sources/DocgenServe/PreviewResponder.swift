import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle

/// Answers every request from the current ``SiteSnapshot``: pages and template assets from
/// memory, content files from the content file list, `GET /__docgen/events` as a server-sent
/// event stream. A request for another host is refused first (``HostCheck``); paths are checked
/// by ``RequestPath`` and only ever used as keys.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// The live-reload endpoint the layout's client connects to.
    static let eventsPath = "/__docgen/events"

    let store: SnapshotStore
    let hub: LiveReloadHub
    let hosts: HostCheckHolder

    func respond(to request: Request, context: Context) async throws -> Response {
        // The check is set as soon as the port is bound; a request cannot come sooner.
        guard let hosts = hosts.check else { return Self.text(.serviceUnavailable, "docgen serve is starting; try again.\n") }
        let authority = request.head.authority
        guard hosts.allows(authority) else { return Self.misdirected(authority, hosts) }
        guard request.method == .get || request.method == .head else {
            var response = Self.text(.methodNotAllowed, "Only GET and HEAD are served.\n")
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        let target = request.head.path ?? "/"
        let response: Response
        if Self.pathPart(of: target) == Self.eventsPath {
            response = events(request)
        } else {
            response = page(target)
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func page(_ target: String) -> Response {
        let path: String
        switch RequestPath.resolve(target) {
        case .badRequest(let reason): return Self.text(.badRequest, "Bad request: \(reason).\n")
        case .path(let resolved): path = resolved
        }
        let snapshot = store.current
        switch snapshot.lookup(path) {
        case .memory(let bytes, let contentType):
            return Self.response(.ok, contentType: contentType, bytes)
        case .file(let url, let contentType):
            guard let data = FileManager.default.contents(atPath: url.path) else { return Self.response(.notFound, contentType: "text/html; charset=utf-8", snapshot.notFoundPage) }
            return Self.response(.ok, contentType: contentType, ByteBuffer(bytes: data))
        case .folder:
            var response = Self.text(.movedPermanently, "Moved to \(Self.pathPart(of: target))/\n")
            response.headers[.location] = Self.pathPart(of: target) + "/"
            return response
        case .notFound(let page):
            return Self.response(.notFound, contentType: "text/html; charset=utf-8", page)
        case .failure(let page):
            return Self.response(.internalServerError, contentType: "text/html; charset=utf-8", page)
        }
    }

    /// A `text/event-stream` response that stays open and sends `event: reload` on every
    /// rebuild, until the browser leaves or the server shuts down.
    private func events(_ request: Request) -> Response {
        let hub = self.hub
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        headers[.init("X-Accel-Buffering")!] = "no"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let (id, events) = hub.subscribe()
            defer { hub.finish(id) }
            // The browser reconnects after a second when the server restarts.
            try await writer.write(ByteBuffer(string: "retry: 1000\n: connected\n\n"))
            try await request.body.consumeWithInboundCloseHandler { _ in
                try await withGracefulShutdownHandler {
                    for await event in events {
                        try await writer.write(ByteBuffer(string: event.serverSentEvent))
                    }
                } onGracefulShutdown: {
                    hub.finish(id)
                }
            } onInboundClosed: {
                hub.finish(id)
            }
            try await writer.finish(nil)
        })
    }

    /// 421 for a request whose `Host` is not one the server answers (``HostCheck``).
    static func misdirected(_ authority: String?, _ hosts: HostCheck) -> Response {
        let named = authority.map { "'" + String($0.unicodeScalars.prefix(100).map { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?" }) + "'" }
        let served = hosts.servedAddresses.map { "http://\($0)/" }
        return text(
            .init(code: 421, reasonPhrase: "Misdirected Request"),
            "docgen serve does not answer requests for host \(named ?? "(none: the request has no Host header)"). "
                + "It answers \(served.dropLast().joined(separator: ", ")) and \(served.last!) (or the name given with --host), "
                + "so that a page on another site cannot read your drafts through DNS rebinding. Open \(served[0]) instead.\n")
    }

    /// The target without its query and fragment.
    static func pathPart(of target: String) -> String {
        String(target.prefix { $0 != "?" && $0 != "#" })
    }

    static func response(_ status: HTTPResponse.Status, contentType: String, _ body: ByteBuffer) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-cache"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    static func text(_ status: HTTPResponse.Status, _ text: String) -> Response {
        response(status, contentType: "text/plain; charset=utf-8", ByteBuffer(string: text))
    }
}

/// The ``HostCheck`` of the running server; set once its port is known.
final class HostCheckHolder: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: HostCheck?

    var check: HostCheck? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func set(_ check: HostCheck) {
        lock.lock()
        stored = check
        lock.unlock()
    }
}
